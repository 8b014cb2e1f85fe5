import type { KnowledgeGraph } from "../graph/build.js";
import type { Vocabulary } from "../model/vocabulary.js";
import { EDGE_COLUMNS, NODE_COLUMNS, type Column } from "./attributes.js";
import { checkLabel, checkRelationshipType } from "./vocabulary-check.js";

/**
 * CSV in neo4j-admin's import format: typed headers (`aliases:string[]`, `claims:int`), arrays
 * joined by one delimiter character, RFC 4180 quoting (every string field quoted, `"` doubled,
 * CRLF record ends). Fields may hold line breaks, so the import needs --multiline-fields=true;
 * import.txt next to the files gives the exact command.
 *
 * The array delimiter is ";" unless some exported list item contains ";" (neo4j-admin has no
 * escape for it): then the first candidate no item contains is used and named in import.txt.
 */
const DELIMITER_CANDIDATES = [";", "|", "\u00a6", "\u001f"] as const;

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as a
 * formula; article text is untrusted, so such a text cell gets a leading apostrophe, which
 * spreadsheets show as text and which stays visible in plain CSV. Every CSV kg writes (exports,
 * citations, `kg query --format csv`) passes its text cells through here; numbers are left as
 * they are (-3 is a number, not a formula).
 */
export function inertCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field. Strings are always quoted, so an empty string differs from a missing value. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  return `"${inertCell(value).replace(/"/g, '""')}"`;
}

export function csvRecord(values: ReadonlyArray<string | number | boolean | null>): string {
  return values.map(csvField).join(",") + "\r\n";
}

const NEO4J_TYPE = { string: "string", int: "int", double: "double", boolean: "boolean" } as const;

function header<A>(c: Column<A>): string {
  return `${c.name}:${NEO4J_TYPE[c.kind]}${c.list ? "[]" : ""}`;
}

/** Relationships carry the predicate as their type, not as a property (as `kg load` writes them). */
const REL_COLUMNS = EDGE_COLUMNS.filter((c) => c.name !== "predicate");

export function chooseArrayDelimiter(graph: KnowledgeGraph): string {
  const items = new Set<string>();
  const collect = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) items.add(String(x));
  };
  graph.forEachNode((_n, a) => NODE_COLUMNS.forEach((c) => c.list && collect(c.get(a))));
  graph.forEachEdge((_e, a) => REL_COLUMNS.forEach((c) => c.list && collect(c.get(a))));
  for (const d of DELIMITER_CANDIDATES) {
    let clash = false;
    for (const item of items) {
      if (item.includes(d)) {
        clash = true;
        break;
      }
    }
    if (!clash) return d;
  }
  throw new Error("no array delimiter is free: list items contain ; | ¦ and U+001F");
}

function cell<A>(c: Column<A>, attributes: A, delimiter: string): string | number | boolean | null {
  const v = c.get(attributes);
  if (Array.isArray(v)) return v.join(delimiter);
  return v;
}

export function* nodesCsv(graph: KnowledgeGraph, vocabulary: Vocabulary, delimiter: string): Generator<string> {
  yield ["id:ID", ":LABEL", ...NODE_COLUMNS.map(header)].join(",") + "\r\n";
  let buf: string[] = [];
  for (const { node, attributes } of graph.nodeEntries()) {
    const label = checkLabel(attributes.type, vocabulary, node);
    buf.push(
      csvRecord([node, `Entity${delimiter}${label}`, ...NODE_COLUMNS.map((c) => cell(c, attributes, delimiter))]),
    );
    if (buf.length >= 2000) {
      yield buf.join("");
      buf = [];
    }
  }
  if (buf.length > 0) yield buf.join("");
}

export function* relationshipsCsv(graph: KnowledgeGraph, vocabulary: Vocabulary, delimiter: string): Generator<string> {
  yield [":START_ID", ":END_ID", ":TYPE", "id", ...REL_COLUMNS.map(header)].join(",") + "\r\n";
  let buf: string[] = [];
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    const type = checkRelationshipType(attributes.predicate, vocabulary, edge);
    buf.push(csvRecord([source, target, type, edge, ...REL_COLUMNS.map((c) => cell(c, attributes, delimiter))]));
    if (buf.length >= 2000) {
      yield buf.join("");
      buf = [];
    }
  }
  if (buf.length > 0) yield buf.join("");
}

export function importInstructions(delimiter: string): string {
  const shown = delimiter === "\u001f" ? "\\u001F" : delimiter;
  return [
    "Import into an empty Neo4j database (Neo4j 5, the database stopped):",
    "",
    `  neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \\`,
    `    --array-delimiter='${shown}' --multiline-fields=true --overwrite-destination=true neo4j`,
    "",
    `Arrays (aliases, claimIds, sources, articles, recipients, via) are joined with '${shown}'.`,
    "Every node is :Entity plus its type's label; the relationship type is the predicate.",
    "A text value starting with = + - or @ is written with a leading apostrophe (') so that a",
    "spreadsheet shows it as text instead of running it as a formula; remove it after import if needed.",
    "Or, with a running server that may load URLs (kg's own Neo4j may not: start it with",
    "KG_NEO4J_SETTINGS='internal.dbms.cypher_ip_blocklist=' for the import), LOAD CSV WITH HEADERS",
    "FROM the files served over http(s) and split",
    `the array columns with split(value, '${shown}'). The files follow RFC 4180 (a quote is doubled);`,
    "LOAD CSV also reads a backslash before a quote as an escape unless the server has",
    'dbms.import.csv.legacy_quote_escaping=false, so set that if any value contains \\".',
    "",
  ].join("\n");
}
