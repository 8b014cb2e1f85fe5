import { promises as fs } from "node:fs";
import type { Command } from "commander";
import { neo4jConfigFromEnv } from "../../neo4j/config.js";
import { connect } from "../../neo4j/connect.js";
import { parseParamAssignment } from "../../neo4j/params.js";
import { parseQueryFile, resolveParams } from "../../neo4j/query-file.js";
import { DEFAULT_MAX_BYTES, runQuery } from "../../neo4j/query.js";
import { inertCell } from "../../export/csv.js";
import { CliError } from "../errors.js";

interface QueryCliOptions {
  param: string[];
  format: string;
  write?: boolean;
  timeout: string;
  limit: string;
  maxBytes: string;
}

const FORMATS = ["table", "json", "csv"] as const;

/** `kg query FILE.cypher | "CYPHER"`: read-only Cypher against NEO4J_URI, as a table, JSON or CSV. */
export function registerQuery(program: Command): void {
  program
    .command("query")
    .description("run Cypher (a queries/*.cypher file or inline text) read-only against Neo4j (NEO4J_URI)")
    .argument("<query>", "a .cypher file, or the Cypher itself")
    .option("--param <name=value>", "parameter (repeatable): numbers, true/false, JSON lists, strings", collect, [])
    .option("--format <format>", "table | json | csv", "table")
    .option("--write", "allow writes (a write transaction); without it Neo4j refuses any write")
    .option("--timeout <ms>", "transaction timeout in milliseconds, enforced by Neo4j", "30000")
    .option("--limit <rows>", "at most this many rows (more are not fetched)", "1000")
    .option(
      "--max-bytes <n>",
      "at most this many bytes of results, as JSON (the rest is not fetched)",
      String(DEFAULT_MAX_BYTES),
    )
    .action(async (query: string, opts: QueryCliOptions) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new CliError(`--format: expected table, json or csv, got ${opts.format}`, 2);
      }
      const timeoutMs = positiveInt(opts.timeout, "--timeout");
      const rowLimit = positiveInt(opts.limit, "--limit");
      const maxBytes = positiveInt(opts.maxBytes, "--max-bytes");
      const { text, where } = await readQuery(query);
      let params: Record<string, unknown>;
      try {
        const given = Object.fromEntries(opts.param.map(parseParamAssignment));
        params = resolveParams(parseQueryFile(text, where), given, where);
      } catch (e) {
        throw new CliError((e as Error).message, 2);
      }
      const config = neo4jConfigFromEnv();
      const driver = await connect(config);
      try {
        const result = await runQuery(driver, text, params, {
          database: config.database,
          write: Boolean(opts.write),
          timeoutMs,
          rowLimit,
          maxBytes,
        });
        if (opts.format === "json") {
          console.log(
            JSON.stringify({ columns: result.columns, rows: result.rows, truncated: result.truncated }, null, 2),
          );
        } else if (opts.format === "csv") {
          process.stdout.write(toCsv(result.columns, result.rows));
        } else {
          console.log(toTable(result.columns, result.rows));
          console.log(`${result.rows.length} row${result.rows.length === 1 ? "" : "s"}`);
        }
        if (result.truncatedBy === "bytes") console.error(`kg: stopped at --max-bytes ${maxBytes}; there is more`);
        else if (result.truncated) console.error(`kg: stopped at --limit ${rowLimit} rows; there are more`);
      } finally {
        await driver.close();
      }
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInt(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${option}: expected a positive integer, got ${text}`, 2);
  return n;
}

/** A path to an existing file is read; text that looks like a file name but is missing is an error. */
async function readQuery(arg: string): Promise<{ text: string; where: string }> {
  try {
    const stat = await fs.stat(arg);
    if (stat.isFile()) return { text: await fs.readFile(arg, "utf8"), where: arg };
  } catch {
    if (/\.(cypher|cql)$/i.test(arg.trim())) throw new CliError(`${arg}: no such file`);
  }
  return { text: arg, where: "query" };
}

/** A cell as text: strings as they are, nodes and relationships in Cypher-like short form. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value !== "object") return String(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.labels) && v.properties && typeof v.properties === "object") {
    const p = v.properties as Record<string, unknown>;
    const name = p.name ?? p.title ?? p.id ?? v.elementId;
    return `(:${(v.labels as string[]).join(":")} ${typeof name === "string" ? name : JSON.stringify(name)})`;
  }
  if (typeof v.type === "string" && "start" in v && "end" in v && v.properties) {
    const id = (v.properties as Record<string, unknown>).id;
    return `[:${v.type}${typeof id === "string" ? ` ${id}` : ""}]`;
  }
  if (Array.isArray(value)) return value.map((x) => (typeof x === "string" ? x : cellText(x))).join(", ");
  return JSON.stringify(value);
}

const MAX_CELL = 80;

export function toTable(columns: string[], rows: Record<string, unknown>[]): string {
  const cells = rows.map((r) =>
    columns.map((c) => {
      const t = cellText(r[c]).replace(/\s+/g, " ");
      // the table is for reading; --format json or csv gives every value whole
      return t.length > MAX_CELL ? `${t.slice(0, MAX_CELL - 1)}…` : t;
    }),
  );
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join(" | ")
      .trimEnd();
  return [line(columns), widths.map((w) => "-".repeat(w)).join("-+-"), ...cells.map(line)].join("\n");
}

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  // text (column names too) is neutralised like every CSV kg writes; numbers and JSON are not text
  const cell = (v: unknown) =>
    quote(v === null || v === undefined ? "" : typeof v === "string" ? inertCell(v) : JSON.stringify(v));
  return (
    [
      columns.map((c) => quote(inertCell(c))).join(","),
      ...rows.map((r) => columns.map((c) => cell(r[c])).join(",")),
    ].join("\r\n") + "\r\n"
  );
}
