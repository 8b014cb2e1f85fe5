import gexf from "graphology-gexf";
import type { KnowledgeGraph } from "../graph/build.js";
import { EDGE_COLUMNS, listAsText, NODE_COLUMNS, type Column } from "./attributes.js";
import { stripXmlForbidden } from "./xml.js";

/**
 * GEXF 1.3 through graphology-gexf's writer (Gephi's own format; NetworkX reads it too). The
 * writer escapes markup but not the characters XML 1.0 forbids, and it infers attribute types
 * from the values; so strings are cleaned here, lists become JSON text (its list types are not
 * read by NetworkX), and the columns are declared here with their own types. Edge weight = the
 * number of claims, which Gephi uses for edge thickness. The writer builds the whole document as
 * one string (about 5,000 links/s here): fine for what Gephi can display, not for a million links.
 *
 * Every edge's `kind` (added in GEXF 1.3 for multigraphs) is its predicate: Gephi keeps at most
 * one edge per direction between two nodes of the same kind and merges the others silently, and
 * a link is one (subject, predicate, object), so two links between the same nodes differ in kind.
 */
const GEXF_TYPE = { string: "string", int: "integer", double: "double", boolean: "boolean" } as const;

type Formatted = Record<string, string | number | boolean>;

function formatted<A>(columns: ReadonlyArray<Column<A>>, attributes: A): Formatted {
  const out: Formatted = {};
  for (const column of columns) {
    const v = column.get(attributes);
    if (v === null || v === undefined) continue;
    out[column.name] = Array.isArray(v)
      ? stripXmlForbidden(listAsText(v))
      : typeof v === "string"
        ? stripXmlForbidden(v)
        : v;
  }
  return out;
}

/**
 * The writer declares the attributes it saw, in the order it saw them, with types inferred from
 * the values ("integer" for a double column whose values happen to be whole). Declare every
 * column instead, in column order with its own type, so that Gephi's columns are the same
 * whatever the data (a column without values is still there, as in GraphML).
 */
function declareColumns(xml: string, modelClass: "node" | "edge", columns: ReadonlyArray<Column<unknown>>): string {
  const open = `<attributes class="${modelClass}"`;
  const start = xml.indexOf(open);
  // no element of this class: the writer declares nothing, and there is nothing to declare
  if (start < 0) return xml;
  const close = "</attributes>";
  const end = xml.indexOf(close, start) + close.length;
  const declarations = columns
    .map((c) => `<attribute id="${c.name}" title="${c.name}" type="${GEXF_TYPE[c.list ? "string" : c.kind]}"/>`)
    .join("");
  return xml.slice(0, start) + `${open}>${declarations}${close}` + xml.slice(end);
}

export function renderGexf(graph: KnowledgeGraph): string {
  let xml: string;
  try {
    xml = gexf.write(graph, {
      version: "1.3",
      pretty: false,
      formatNode: (_key, attributes) => ({
        label: stripXmlForbidden(attributes.name),
        attributes: formatted(NODE_COLUMNS, attributes),
      }),
      formatEdge: (_key, attributes) => ({
        label: attributes.predicate,
        kind: attributes.predicate,
        weight: attributes.claims,
        attributes: formatted(EDGE_COLUMNS, attributes),
      }),
    });
  } catch (e) {
    // the writer builds one string; past V8's string limit (about 500 MB) it cannot go on
    if (e instanceof RangeError) {
      throw new Error(
        `GEXF: ${graph.size} links are too many for graphology-gexf's in-memory writer; export graphml or csv instead`,
        { cause: e },
      );
    }
    throw e;
  }
  return declareColumns(
    declareColumns(xml, "node", NODE_COLUMNS as ReadonlyArray<Column<unknown>>),
    "edge",
    EDGE_COLUMNS as ReadonlyArray<Column<unknown>>,
  );
}
