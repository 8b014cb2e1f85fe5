import type { KnowledgeGraph } from "../graph/build.js";
import { EDGE_COLUMNS, listAsText, NODE_COLUMNS, type Column } from "./attributes.js";
import type { ExportFormat } from "./types.js";
import { stripXmlForbidden } from "./xml.js";

/**
 * What an export cannot carry as the graph holds it, counted per attribute, so that `kg export`
 * can say so instead of an analyst finding out in Gephi or NetworkX:
 *  - list-as-text: GraphML and GEXF have no list type that NetworkX reads; lists travel as JSON text;
 *  - no-value: a missing value (a link without a dated claim has no firstYear) cannot be written
 *    as such in GraphML or GEXF, only left out, so readers see the attribute absent;
 *  - characters-removed: characters XML 1.0 forbids cannot be written at all;
 *  - attribute-left-out: attributes outside the export's columns (a layout position, a colour)
 *    are not written by any format but JSON.
 */
export type LossKind = "list-as-text" | "no-value" | "characters-removed" | "attribute-left-out";

export interface ExportLoss {
  element: "node" | "link";
  attribute: string;
  kind: LossKind;
  /** nodes or links concerned */
  count: number;
}

const XML_FORMATS: ReadonlySet<ExportFormat> = new Set(["graphml", "gexf"]);

class Tally {
  private readonly counts = new Map<string, number>();
  readonly order: Array<[string, LossKind]> = [];

  add(attribute: string, kind: LossKind): void {
    const key = `${kind}\u0000${attribute}`;
    const n = this.counts.get(key);
    if (n === undefined) this.order.push([attribute, kind]);
    this.counts.set(key, (n ?? 0) + 1);
  }

  count(attribute: string, kind: LossKind): number {
    return this.counts.get(`${kind}\u0000${attribute}`) ?? 0;
  }
}

function inspect<A extends object>(
  tally: Tally,
  columns: ReadonlyArray<Column<A>>,
  attributes: A,
  xml: boolean,
  names: ReadonlySet<string>,
): void {
  if (xml) {
    for (const c of columns) {
      const v = c.get(attributes);
      if (v === null || v === undefined) {
        tally.add(c.name, "no-value");
        continue;
      }
      const text = Array.isArray(v) ? listAsText(v) : typeof v === "string" ? v : null;
      if (Array.isArray(v)) tally.add(c.name, "list-as-text");
      if (text !== null && stripXmlForbidden(text) !== text) tally.add(c.name, "characters-removed");
    }
  }
  for (const key of Object.keys(attributes)) {
    if (!names.has(key)) tally.add(key, "attribute-left-out");
  }
}

export function exportLosses(graph: KnowledgeGraph, format: ExportFormat): ExportLoss[] {
  // graphology JSON is the graph itself
  if (format === "json") return [];
  const xml = XML_FORMATS.has(format);
  const nodeNames = new Set(NODE_COLUMNS.map((c) => c.name));
  const edgeNames = new Set(EDGE_COLUMNS.map((c) => c.name));
  const nodes = new Tally();
  const links = new Tally();
  graph.forEachNode((_n, a) => inspect(nodes, NODE_COLUMNS, a, xml, nodeNames));
  graph.forEachEdge((_e, a) => inspect(links, EDGE_COLUMNS, a, xml, edgeNames));
  const out: ExportLoss[] = [];
  for (const [element, tally] of [
    ["node", nodes],
    ["link", links],
  ] as const) {
    for (const [attribute, kind] of tally.order) {
      out.push({ element, attribute, kind, count: tally.count(attribute, kind) });
    }
  }
  return out;
}
