import type { KnowledgeGraph } from "../graph/build.js";
import { EDGE_COLUMNS, listAsText, NODE_COLUMNS, type Column } from "./attributes.js";
import { escapeXml } from "./xml.js";

/**
 * Standard GraphML so that yEd, Gephi, Cytoscape and NetworkX all read it: a directed graph,
 * typed <key> declarations (string, int, double, boolean), edge ids (the link ids). `label` keys
 * carry the entity name and the predicate because Gephi and Cytoscape display that attribute.
 *
 * Two things are there for Gephi, whose importer differs from the others:
 *  - Gephi keeps at most one edge per direction between two nodes unless their edge types
 *    differ (it merges the rest, silently), and its GraphML importer takes the type from a
 *    `label` XML attribute on <edge> (the one Gephi's own exporter writes). Every link carries
 *    its predicate there; a link is one (subject, predicate, object), so no two links share
 *    endpoints and type. Other readers ignore the attribute.
 *  - Gephi names a column by its key id (title = attr.name), so key ids are the attribute names.
 */
const GRAPHML_TYPE = { string: "string", int: "int", double: "double", boolean: "boolean" } as const;

interface KeyDecl<A> {
  id: string;
  column: Column<A>;
}

const LABEL = "label";

/**
 * GraphML key ids are one namespace for node and edge keys, but the node and edge columns share
 * names (label, claims). Gephi files columns per table and case-insensitively, so an edge key
 * whose name a node key already has gets the name with a capital first letter: distinct for
 * GraphML, the name again for Gephi; NetworkX, yEd and graphology go by attr.name anyway.
 */
export function graphmlKeyIds(
  nodeNames: readonly string[],
  edgeNames: readonly string[],
): {
  node: Map<string, string>;
  edge: Map<string, string>;
} {
  const used = new Set<string>();
  const take = (name: string): string => {
    const capitalised = name.charAt(0).toUpperCase() + name.slice(1);
    const id = [name, capitalised].find((c) => !used.has(c));
    if (id === undefined) throw new Error(`GraphML: no free key id for the attribute ${name}`);
    used.add(id);
    return id;
  };
  const node = new Map(nodeNames.map((n) => [n, take(n)]));
  const edge = new Map(edgeNames.map((n) => [n, take(n)]));
  return { node, edge };
}

const KEY_IDS = graphmlKeyIds([LABEL, ...NODE_COLUMNS.map((c) => c.name)], [LABEL, ...EDGE_COLUMNS.map((c) => c.name)]);

function keys<A>(ids: Map<string, string>, columns: ReadonlyArray<Column<A>>): Array<KeyDecl<A>> {
  return columns.map((column) => ({ id: ids.get(column.name)!, column }));
}

function dataValue(value: ReturnType<Column<unknown>["get"]>): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return listAsText(value);
  return String(value);
}

function dataElements<A>(decls: Array<KeyDecl<A>>, attributes: A): string {
  let out = "";
  for (const { id, column } of decls) {
    const v = dataValue(column.get(attributes));
    if (v !== null) out += `<data key="${id}">${escapeXml(v)}</data>`;
  }
  return out;
}

function keyElement(id: string, target: "node" | "edge", name: string, type: string): string {
  return `  <key id="${id}" for="${target}" attr.name="${name}" attr.type="${type}"/>\n`;
}

export function* graphmlChunks(graph: KnowledgeGraph): Generator<string> {
  const nodeKeys = keys(KEY_IDS.node, NODE_COLUMNS);
  const edgeKeys = keys(KEY_IDS.edge, EDGE_COLUMNS);
  const nodeLabel = KEY_IDS.node.get(LABEL)!;
  const edgeLabel = KEY_IDS.edge.get(LABEL)!;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
  );
  yield keyElement(nodeLabel, "node", LABEL, "string");
  for (const { id, column } of nodeKeys) {
    yield keyElement(id, "node", column.name, GRAPHML_TYPE[column.list ? "string" : column.kind]);
  }
  yield keyElement(edgeLabel, "edge", LABEL, "string");
  for (const { id, column } of edgeKeys) {
    yield keyElement(id, "edge", column.name, GRAPHML_TYPE[column.list ? "string" : column.kind]);
  }
  yield '  <graph id="kg" edgedefault="directed">\n';
  // batches of elements: one yield per element would dominate on a million edges
  let buf: string[] = [];
  const flush = () => {
    const s = buf.join("");
    buf = [];
    return s;
  };
  for (const { node, attributes } of graph.nodeEntries()) {
    buf.push(
      `    <node id="${escapeXml(node)}"><data key="${nodeLabel}">${escapeXml(attributes.name)}</data>` +
        `${dataElements(nodeKeys, attributes)}</node>\n`,
    );
    if (buf.length >= 2000) yield flush();
  }
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    const predicate = escapeXml(attributes.predicate);
    buf.push(
      `    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}" label="${predicate}">` +
        `<data key="${edgeLabel}">${predicate}</data>${dataElements(edgeKeys, attributes)}</edge>\n`,
    );
    if (buf.length >= 2000) yield flush();
  }
  if (buf.length > 0) yield flush();
  yield "  </graph>\n</graphml>\n";
}
