import type { KnowledgeGraph } from "../graph/build.js";
import { EDGE_COLUMNS, listAsText, NODE_COLUMNS, type Column } from "./attributes.js";
import { escapeXml } from "./xml.js";

/**
 * Standard GraphML (no yEd or other extensions) so that yEd, Gephi, Cytoscape and NetworkX all
 * read it: a directed graph, typed <key> declarations (string, int, double, boolean), edge ids
 * (the link ids, which keep parallel edges of different predicates apart). `label` keys carry the
 * entity name and the predicate because Gephi and Cytoscape display that attribute.
 */
const GRAPHML_TYPE = { string: "string", int: "int", double: "double", boolean: "boolean" } as const;

interface KeyDecl<A> {
  id: string;
  column: Column<A>;
}

function keys<A>(prefix: string, columns: ReadonlyArray<Column<A>>): Array<KeyDecl<A>> {
  return columns.map((column) => ({ id: `${prefix}_${column.name}`, column }));
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

export function* graphmlChunks(graph: KnowledgeGraph): Generator<string> {
  const nodeKeys = keys("n", NODE_COLUMNS);
  const edgeKeys = keys("e", EDGE_COLUMNS);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
  );
  yield '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>\n';
  for (const { id, column } of nodeKeys) {
    yield `  <key id="${id}" for="node" attr.name="${column.name}" attr.type="${GRAPHML_TYPE[column.list ? "string" : column.kind]}"/>\n`;
  }
  yield '  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>\n';
  for (const { id, column } of edgeKeys) {
    yield `  <key id="${id}" for="edge" attr.name="${column.name}" attr.type="${GRAPHML_TYPE[column.list ? "string" : column.kind]}"/>\n`;
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
      `    <node id="${escapeXml(node)}"><data key="n_label">${escapeXml(attributes.name)}</data>` +
        `${dataElements(nodeKeys, attributes)}</node>\n`,
    );
    if (buf.length >= 2000) yield flush();
  }
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    buf.push(
      `    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}">` +
        `<data key="e_label">${escapeXml(attributes.predicate)}</data>${dataElements(edgeKeys, attributes)}</edge>\n`,
    );
    if (buf.length >= 2000) yield flush();
  }
  if (buf.length > 0) yield flush();
  yield "  </graph>\n</graphml>\n";
}
