import type { KnowledgeGraph } from "../graph/build.js";
import type { Vocabulary } from "../model/vocabulary.js";
import { EDGE_COLUMNS, NODE_COLUMNS, type Column } from "./attributes.js";
import { checkLabel, checkRelationshipType } from "./vocabulary-check.js";

/**
 * A Cypher script that recreates the subgraph in an empty database (and, being MERGE by id,
 * changes nothing when run again). One statement per line, ending with ";", so it runs in
 * cypher-shell or statement by statement through a driver; elements go in UNWIND batches of
 * literal maps so that a large graph does not take one round trip per element.
 *
 * Text only ever appears inside single-quoted string literals escaped here (backslash, quote,
 * every control and line-separator character as \uXXXX), so no name can end the literal, start
 * a comment or break a line. Labels and types come from the closed vocabulary, backticked.
 */
const BATCH = 500;

const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex
  /[\\'\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cypherString(text: string): string {
  NEEDS_ESCAPE.lastIndex = 0;
  if (!NEEDS_ESCAPE.test(text)) return `'${text}'`;
  NEEDS_ESCAPE.lastIndex = 0;
  return (
    "'" +
    text.replace(NEEDS_ESCAPE, (c) =>
      c === "\\" ? "\\\\" : c === "'" ? "\\'" : "\\u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0"),
    ) +
    "'"
  );
}

function cypherScalar(value: string | number | boolean, kind: Column<unknown>["kind"]): string {
  if (typeof value === "string") return cypherString(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a Cypher number`);
  // a whole double keeps its decimal point, or Neo4j would store an integer
  if (kind === "double") return Number.isInteger(value) ? value.toFixed(1) : String(value);
  if (!Number.isSafeInteger(value)) throw new Error(`${value} is not an integer`);
  return String(value);
}

/** Property names are the fixed column names; backticked anyway so the rule holds by construction. */
function key(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`invalid property name ${name}`);
  return `\`${name}\``;
}

function propertyMap<A>(columns: ReadonlyArray<Column<A>>, attributes: A): string {
  const parts: string[] = [];
  for (const c of columns) {
    const v = c.get(attributes);
    if (v === null || v === undefined) continue;
    const literal = Array.isArray(v)
      ? `[${v.map((x) => cypherScalar(x, c.kind)).join(", ")}]`
      : cypherScalar(v, c.kind);
    parts.push(`${key(c.name)}: ${literal}`);
  }
  return `{${parts.join(", ")}}`;
}

const REL_COLUMNS = EDGE_COLUMNS.filter((c) => c.name !== "predicate");

function* batches<T>(groups: Map<string, T[]>): Generator<[string, T[]]> {
  for (const [k, items] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (let i = 0; i < items.length; i += BATCH) yield [k, items.slice(i, i + BATCH)];
  }
}

export function* cypherChunks(graph: KnowledgeGraph, vocabulary: Vocabulary): Generator<string> {
  yield `// kg export: ${graph.order} entities, ${graph.size} links. One statement per line; run in an empty database.\n`;
  yield "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n";

  const nodesByLabel = new Map<string, string[]>();
  graph.forEachNode((node, attributes) => {
    const label = checkLabel(attributes.type, vocabulary, node);
    let rows = nodesByLabel.get(label);
    if (!rows) nodesByLabel.set(label, (rows = []));
    rows.push(`{id: ${cypherString(node)}, props: ${propertyMap(NODE_COLUMNS, attributes)}}`);
  });
  for (const [label, rows] of batches(nodesByLabel)) {
    yield `UNWIND [${rows.join(", ")}] AS row MERGE (n:Entity {id: row.id}) SET n:\`${label}\`, n += row.props;\n`;
  }

  const linksByType = new Map<string, string[]>();
  graph.forEachEdge((edge, attributes, source, target) => {
    const type = checkRelationshipType(attributes.predicate, vocabulary, edge);
    let rows = linksByType.get(type);
    if (!rows) linksByType.set(type, (rows = []));
    rows.push(
      `{s: ${cypherString(source)}, o: ${cypherString(target)}, id: ${cypherString(edge)}, ` +
        `props: ${propertyMap(REL_COLUMNS, attributes)}}`,
    );
  });
  for (const [type, rows] of batches(linksByType)) {
    yield (
      `UNWIND [${rows.join(", ")}] AS row MATCH (s:Entity {id: row.s}) MATCH (o:Entity {id: row.o}) ` +
      `MERGE (s)-[r:\`${type}\` {id: row.id}]->(o) SET r += row.props;\n`
    );
  }
}
