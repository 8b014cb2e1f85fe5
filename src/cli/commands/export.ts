import { promises as fs } from "node:fs";
import type { Command } from "commander";
import { loadConfig } from "../../config/load.js";
import {
  citationRows,
  EXPORT_FORMATS,
  exportLosses,
  ExportFormatSchema,
  neo4jCitationData,
  neo4jSubgraph,
  renderCitations,
  renderExportStreams,
  storeSubgraph,
  writeExport,
  type CitationData,
} from "../../export/index.js";
import { parseQueryParams } from "../../export/params.js";
import type { KnowledgeGraph } from "../../graph/build.js";
import { filterGraph } from "../../graph/filter.js";
import { GraphFilterSchema, type GraphFilter } from "../../model/filter.js";
import { issuesOf } from "../../model/validate.js";
import { neo4jConfigFromEnv } from "../../neo4j/config.js";
import { connect } from "../../neo4j/connect.js";
import { writeFileAtomic } from "../../store/atomic.js";
import { DEFAULT_DATA_DIR, readStore } from "../../store/store.js";
import { CliError } from "../errors.js";
import { lossReport } from "../loss-report.js";
import { createProgress } from "../progress.js";

interface ExportOptions {
  format: string;
  out: string;
  data: string;
  citations?: string;
  config: string;
  query?: string;
  param: string[];
  rowLimit: string;
  timeout: string;
  focus?: string;
  hops?: string;
  predicates?: string;
  types?: string;
  sources?: string;
  fromYear?: string;
  toYear?: string;
  minSources?: string;
  hideNegated?: boolean;
}

const FILTER_OPTIONS: Record<string, string> = {
  focus: "--focus",
  hops: "--hops",
  predicates: "--predicates",
  types: "--types",
  sources: "--sources",
  fromYear: "--from-year",
  toYear: "--to-year",
  minSources: "--min-sources",
  hideNegated: "--hide-negated",
};

/** The shared GraphFilter schema validates the options; its messages are given the option names. */
function parseFilter(opts: ExportOptions): GraphFilter {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(FILTER_OPTIONS)) {
    const v = (opts as unknown as Record<string, unknown>)[key];
    if (v !== undefined) raw[key] = v;
  }
  const r = GraphFilterSchema.safeParse(raw);
  if (r.success) return r.data;
  throw new CliError(
    issuesOf(r.error)
      .map((i) => {
        // "predicates[1]" → "--predicates[1]": the option, and which item of it
        const [key = "", rest = ""] = /^([A-Za-z]+)(.*)$/.exec(i.path)?.slice(1) ?? [];
        return `${FILTER_OPTIONS[key] ? FILTER_OPTIONS[key] + rest : i.path}: ${i.message}`;
      })
      .join("; "),
  );
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new CliError(`${name}: expected a positive whole number, got ${value}`);
  return n;
}

/** --query takes a file when one exists at that path, else the Cypher text itself. */
async function readQuery(q: string): Promise<string> {
  const stat = await fs.stat(q).catch(() => null);
  return stat?.isFile() ? fs.readFile(q, "utf8") : q;
}

/** `kg export`: a subgraph of the store or of a Cypher result, in the formats analysts' tools open. */
export function registerExport(program: Command): void {
  program
    .command("export")
    .description("export a subgraph as GraphML, GEXF, graphology JSON, neo4j-admin CSV or a Cypher script")
    .requiredOption("--format <format>", EXPORT_FORMATS.join(" | "))
    .requiredOption("--out <path>", 'output file ("-" = stdout); for csv a folder')
    .option("--data <dir>", "data folder (the embedded store)", DEFAULT_DATA_DIR)
    .option("--citations <file>", "also write a CSV of the evidence (claims, quotes, articles) behind every link")
    .option("--config <file>", "configuration with extra relation and entity types", "kg.config.json")
    .option("--query <cypher>", "take the subgraph from a Cypher query (a file or the text) run on Neo4j")
    .option(
      "--param <name=value>",
      "query parameter, repeatable: name=text or name:=JSON",
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option("--row-limit <n>", "rows of the query result read at most", "100000")
    .option("--timeout <ms>", "query timeout in milliseconds", "60000")
    .option("--focus <entity>", "entity id or name to centre on")
    .option("--hops <n>", "neighbourhood depth around --focus (default 1)")
    .option("--predicates <list>", "relation types, comma separated")
    .option("--types <list>", "entity types, comma separated")
    .option("--sources <list>", "attributions (who said it), comma separated")
    .option("--from-year <year>", "links active in or after this year")
    .option("--to-year <year>", "links active in or before this year")
    .option("--min-sources <n>", "links with at least this many independent sources")
    .option("--hide-negated", "leave out links that every claim denies")
    .action(async (opts: ExportOptions) => {
      const format = ExportFormatSchema.safeParse(opts.format);
      if (!format.success)
        throw new CliError(`--format: expected one of ${EXPORT_FORMATS.join(", ")}, got ${opts.format}`);
      if (opts.out === "-" && format.data === "csv")
        throw new CliError("--out: csv writes a folder of files, not stdout");
      const filter = parseFilter(opts);
      const { vocabulary } = await loadConfig(opts.config);
      // a well-formed name outside the vocabulary would silently export an empty graph
      for (const t of filter.types ?? []) {
        if (!vocabulary.entityTypes.has(t))
          throw new CliError(`--types: unknown entity type ${t} (configure it in ${opts.config})`);
      }
      for (const p of filter.predicates ?? []) {
        if (!vocabulary.relationTypes.has(p)) {
          throw new CliError(`--predicates: unknown relation type ${p} (configure it in ${opts.config})`);
        }
      }

      let graph: KnowledgeGraph;
      let citationData: (() => Promise<CitationData>) | null = null;
      if (opts.query !== undefined) {
        const cypher = await readQuery(opts.query);
        const params = parseQueryParams(opts.param);
        const rowLimit = positiveInt("--row-limit", opts.rowLimit);
        const timeoutMs = positiveInt("--timeout", opts.timeout);
        const config = neo4jConfigFromEnv();
        const driver = await connect(config);
        try {
          const result = await neo4jSubgraph(driver, cypher, params, {
            database: config.database,
            rowLimit,
            timeoutMs,
            vocabulary,
          });
          if (result.truncated)
            console.error(`kg: warning: only the first ${result.rows} rows were read (--row-limit)`);
          if (result.skippedNodes + result.skippedRelationships > 0) {
            console.error(
              `kg: ${result.skippedNodes} non-entity nodes and ${result.skippedRelationships} relationships ` +
                `outside the entity graph were left out`,
            );
          }
          graph = filterGraph(result.graph, filter);
          if (opts.citations) {
            const data = await neo4jCitationData(driver, graph, { database: config.database });
            citationData = async () => data;
          }
        } finally {
          await driver.close();
        }
      } else {
        graph = await storeSubgraph(opts.data, filter);
        citationData = () => readStore(opts.data);
      }

      // progress in KiB written: rendering is one pass, so output size is the measure of work done;
      // small exports finish before a line would help
      const progress = graph.size >= 10_000 ? createProgress({ label: "export", unit: "KiB" }) : null;
      let pending = 0;
      const onChunk = (chars: number) => {
        pending += chars;
        if (pending >= 1024) {
          progress?.tick(Math.floor(pending / 1024));
          pending %= 1024;
        }
      };
      let written: string[];
      if (opts.out === "-") {
        for (const s of renderExportStreams(graph, format.data, { vocabulary, onChunk })) {
          for (const chunk of s.chunks()) {
            // wait for the pipe to drain: a large export must not pile up in memory
            if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once("drain", resolve));
          }
        }
        written = ["stdout"];
      } else {
        written = await writeExport(graph, format.data, opts.out, { vocabulary, onChunk });
      }
      if (opts.citations && citationData) {
        const data = await citationData();
        const missing = citationRows(graph, data).filter((r) => r.quote === null).length;
        if (missing > 0)
          console.error(`kg: warning: ${missing} claims behind exported links were not found (no quote)`);
        await writeFileAtomic(opts.citations, renderCitations(graph, data));
        written.push(opts.citations);
      }
      progress?.done();
      console.error(`kg: exported ${graph.order} entities and ${graph.size} links: ${written.join(", ")}`);
      // what the format could not keep: no loss goes unsaid
      for (const line of lossReport(format.data, exportLosses(graph, format.data))) console.error(`kg: ${line}`);
    });
}
