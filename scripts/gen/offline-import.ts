import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { aggregateFlows } from "../../src/model/flow.js";
import { aggregateLinks } from "../../src/model/link.js";
import { articleFactsOf } from "../../src/model/sources.js";
import type { Vocabulary } from "../../src/model/vocabulary.js";
import { entityLabel, graphRelationshipType } from "../../src/neo4j/identifiers.js";
import {
  articleRow,
  CLAIM_PROPERTY_KEYS,
  claimRow,
  entitiesWithPlaceholders,
  entityRow,
  LINK_PROPERTY_KEYS,
  linkProps,
} from "../../src/neo4j/rows.js";
import type { StoreData } from "../../src/store/store.js";

/**
 * The benchmark's outer bound: the same graph kg load writes (entities, articles, claim nodes with
 * every property, their role relationships and the direct links with their aggregates) written by
 * Neo4j's own offline importer (`neo4j-admin database import full`) into a scratch database, with
 * no transactions, no Bolt and no indexes. Benchmark code only: kg load writes through Bolt.
 */

/** U+001F (unit separator): never in article text, unlike `;` or `|` */
const ARRAY_DELIMITER = "\u001f";

type CsvType = "string" | "long" | "double" | "boolean" | "string[]";

function csvValue(v: unknown): string {
  if (v === undefined || v === null) return "";
  const text = Array.isArray(v) ? v.map(String).join(ARRAY_DELIMITER) : String(v);
  return typeof v === "number" || typeof v === "boolean" ? text : `"${text.replace(/"/g, '""')}"`;
}

/** The importer's type for a property, from the values the rows hold. */
function typeOf(rows: ReadonlyArray<Record<string, unknown>>, key: string): CsvType {
  let type: CsvType = "string";
  for (const r of rows) {
    const v = r[key];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) return "string[]";
    if (typeof v === "boolean") return "boolean";
    if (typeof v === "number") {
      if (!Number.isInteger(v)) return "double";
      type = "long";
    } else return "string";
  }
  return type;
}

/** Writes through a 1 MB buffer: a million claims make too large a string for one write. */
class CsvFile {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(file: string, header: string[]) {
    this.fd = openSync(file, "w");
    this.line(header);
  }
  line(cells: string[]): void {
    const text = cells.join(",") + "\n";
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  private flush(): void {
    writeSync(this.fd, this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export interface ImportFiles {
  nodes: string[];
  relationships: string[];
}

/** CSV files in the importer's format for the whole graph of `data`, as kg load would write it. */
export function writeImportCsv(data: StoreData, vocabulary: Vocabulary, dir: string): ImportFiles {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);

  const entities = new CsvFile(file("entities.csv"), [
    "id:ID(Entity)",
    ":LABEL",
    "name",
    "aliases:string[]",
    "aliasText",
  ]);
  for (const e of entitiesWithPlaceholders(data.entities, data.claims, vocabulary)) {
    const p = entityRow(e, vocabulary).props;
    entityLabel(e.type, vocabulary); // validated as kg load does; the importer takes the bare name
    entities.line([csvValue(p.id), `Entity;${e.type}`, csvValue(p.name), csvValue(p.aliases), csvValue(p.aliasText)]);
  }
  entities.close();

  const articleKeys = ["id", "title", "publisher", "date", "url", "hash"];
  const articles = new CsvFile(
    file("articles.csv"),
    articleKeys.map((k) => (k === "id" ? "id:ID(Article)" : k)),
  );
  const docs = new Set<string>();
  for (const a of data.articles) {
    docs.add(a.id);
    const p = articleRow(a).props;
    articles.line(articleKeys.map((k) => csvValue(p[k])));
  }
  for (const c of data.claims) {
    if (docs.has(c.doc)) continue;
    docs.add(c.doc);
    articles.line(articleKeys.map((k) => csvValue(articleRow({ id: c.doc }).props[k])));
  }
  articles.close();

  const facts = articleFactsOf(data.articles);
  const rows = data.claims.map((c) => claimRow(c, facts(c.doc)?.date ?? null));
  // the flows are written below, as kg load leaves them: no claim is pending
  const claimKeys = CLAIM_PROPERTY_KEYS.filter((k) => k !== "flowPending");
  const claimHeader = claimKeys.map((k) =>
    k === "id"
      ? "id:ID(Claim)"
      : `${k}:${typeOf(
          rows.map((r) => r.props),
          k,
        )}`,
  );
  const claims = new CsvFile(file("claims.csv"), claimHeader);
  const roles = new CsvFile(file("claim-relationships.csv"), [
    ":START_ID(Claim)",
    ":END_ID(Entity)",
    ":TYPE",
    "order:long",
  ]);
  const statedIn = new CsvFile(file("stated-in.csv"), [":START_ID(Claim)", ":END_ID(Article)", ":TYPE"]);
  for (const r of rows) {
    claims.line(claimKeys.map((k) => csvValue(r.props[k])));
    const id = csvValue(r.id);
    roles.line([id, csvValue(r.subjectId), "SUBJECT", ""]);
    roles.line([id, csvValue(r.objectId), "OBJECT", ""]);
    if (r.recipientId !== null) roles.line([id, csvValue(r.recipientId), "RECIPIENT", ""]);
    r.viaIds.forEach((e, i) => roles.line([id, csvValue(e), "VIA", String(i)]));
    r.attributedToIds.forEach((e, i) => roles.line([id, csvValue(e), "ATTRIBUTED_TO", String(i)]));
    statedIn.line([id, csvValue(r.doc), "STATED_IN"]);
  }
  claims.close();
  roles.close();
  statedIn.close();

  const links = [...aggregateLinks(data.claims, facts), ...aggregateFlows(data.claims, facts)];
  const linkRows = links.map(linkProps);
  const linkKeys = LINK_PROPERTY_KEYS.filter((k) => k !== "dirty");
  const linkFile = new CsvFile(file("links.csv"), [
    ":START_ID(Entity)",
    ":END_ID(Entity)",
    ":TYPE",
    ...linkKeys.map((k) => `${k}:${typeOf(linkRows, k)}`),
  ]);
  links.forEach((l, i) => {
    const p = linkRows[i]!;
    graphRelationshipType(l.predicate, vocabulary);
    linkFile.line([csvValue(l.source), csvValue(l.target), l.predicate, ...linkKeys.map((k) => csvValue(p[k]))]);
  });
  linkFile.close();

  return {
    nodes: [file("entities.csv"), file("articles.csv"), file("claims.csv")],
    relationships: [file("claim-relationships.csv"), file("stated-in.csv"), file("links.csv")],
  };
}

/**
 * Runs `neo4j-admin database import full` from the jars in `lib` into a scratch DBMS under `home`
 * (never the running database). Returns the importer's own time and counts, from its output.
 */
export function runOfflineImport(
  files: ImportFiles,
  lib: string,
  home: string,
): { seconds: number; nodes: number; relationships: number } {
  if (!existsSync(path.join(lib, ".complete"))) {
    throw new Error(`no Neo4j jars in ${lib}: run npm run neo4j:start once`);
  }
  mkdirSync(path.join(home, "conf"), { recursive: true });
  writeFileSync(path.join(home, "conf", "neo4j.conf"), `server.directories.data=${path.join(home, "data")}\n`);
  const args = [
    "-Xmx1g",
    "-cp",
    `${lib}/*`,
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    "--overwrite-destination",
    // the report goes to the working directory unless told otherwise: keep it in the scratch home
    `--report-file=${path.join(home, "import.report")}`,
    ...files.nodes.map((f) => `--nodes=${f}`),
    ...files.relationships.map((f) => `--relationships=${f}`),
    // a single-value option last: --nodes/--relationships take several values and would take the name
    "--array-delimiter=U+001F",
    "neo4j",
  ];
  const res = spawnSync("java", args, {
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, "conf") },
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const output = `${res.stdout ?? ""}${res.stderr ?? ""}`;
  const done = /IMPORT DONE in (?:(\d+)m )?(?:(\d+)s )?(\d+)ms/.exec(output);
  if (res.status !== 0 || !done) {
    throw new Error(`neo4j-admin import failed (exit ${res.status}):\n${output.slice(-2000)}`);
  }
  const count = (what: string) => Number(new RegExp(`Imported:[\\s\\S]*?(\\d+) ${what}`).exec(output)?.[1] ?? NaN);
  return {
    seconds: Number(done[1] ?? 0) * 60 + Number(done[2] ?? 0) + Number(done[3]) / 1000,
    nodes: count("nodes"),
    relationships: count("relationships"),
  };
}
