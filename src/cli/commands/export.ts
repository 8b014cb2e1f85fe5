import { promises as fs } from "node:fs";
import type { Command } from "commander";
import { loadConfig } from "../../config/load.js";
import {
  citationRows,
  EXPORT_FORMATS,
  exportLosses,
  ExportFormatSchema,
  filterReport,
  neo4jCitationData,
  neo4jSubgraph,
  renderCitations,
  renderExportStreams,
  storeGraph,
  writeExport,
  type CitationData,
  type FilterReport,
} from "../../export/index.js";
import { parseQueryParams } from "../../export/params.js";
import type { KnowledgeGraph } from "../../graph/build.js";
import { filterGraph, graphFilterNames } from "../../graph/filter.js";
import { GraphFilterSchema, type FilterNames, type GraphFilter } from "../../model/filter.js";
import {
  FLOW_PREDICATE,
  FLOW_RELATION,
  isGraphPredicate,
  ROUTE_PREDICATE,
  type Vocabulary,
} from "../../model/vocabulary.js";
import { issuesOf } from "../../model/validate.js";
import { neo4jConfigFromEnv } from "../../neo4j/config.js";
import { connect } from "../../neo4j/connect.js";
import { writeFileAtomic } from "../../store/atomic.js";
import { DEFAULT_DATA_DIR, readStore } from "../../store/store.js";
import { CliError } from "../errors.js";
import { lossReport } from "../loss-report.js";
import { writeStdout } from "../pipe.js";
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
  recipients?: string;
  via?: string;
  items?: string;
  supplierCountries?: string;
  fromYear?: string;
  toYear?: string;
  minSources?: string;
  hideNegated?: boolean;
  hideContested?: boolean;
}

const FILTER_OPTIONS: Record<string, string> = {
  focus: "--focus",
  hops: "--hops",
  predicates: "--predicates",
  types: "--types",
  sources: "--sources",
  recipients: "--recipients",
  via: "--via",
  items: "--items",
  supplierCountries: "--supplier-countries",
  fromYear: "--from-year",
  toYear: "--to-year",
  minSources: "--min-sources",
  hideNegated: "--hide-negated",
  hideContested: "--hide-contested",
};

/** The shared GraphFilter schema validates the options; its messages are given the option names. */
function parseFilter(opts: ExportOptions): GraphFilter {
  // hops count from the focus: without one they would be ignored without a word
  if (opts.hops !== undefined && opts.focus === undefined) {
    throw new CliError("--hops needs --focus (the entity whose neighbourhood to export)");
  }
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

/**
 * Relation and entity types are names of the vocabulary, in any case ("supplies", "country"); a
 * name outside it would silently export an empty graph, so it is refused.
 */
function checkVocabulary(filter: GraphFilter, vocabulary: Vocabulary, config: string): GraphFilter {
  const types = filter.types?.map((t) => {
    const known = [...vocabulary.entityTypes].find((x) => x.toLowerCase() === t.toLowerCase());
    if (!known) {
      throw new CliError(
        `--types: unknown entity type ${t} (known: ${[...vocabulary.entityTypes].join(", ")}; configure others in ${config})`,
      );
    }
    return known;
  });
  for (const p of filter.predicates ?? []) {
    if (!isGraphPredicate(p, vocabulary)) {
      throw new CliError(
        `--predicates: unknown relation type ${p} (known: ${[...vocabulary.relationTypes.keys()].join(", ")}, ` +
          `and SUPPLIES_TO, ROUTES_TO for flows; configure others in ${config})`,
      );
    }
  }
  return types ? { ...filter, types } : filter;
}

function optionText(key: keyof GraphFilter, filter: GraphFilter): string {
  const v = filter[key];
  const option = FILTER_OPTIONS[key] ?? key;
  if (typeof v === "boolean") return option;
  if (key === "focus") return `--focus ${String(v)} --hops ${filter.hops}`;
  return `${option} ${Array.isArray(v) ? v.join(",") : String(v)}`;
}

/** Which options let nothing through, and what each lets through alone. */
function nothingExported(report: FilterReport, filter: GraphFilter): string {
  if (report.total === 0) return "nothing to export: the graph has no links (run `kg ingest` first)";
  const parts = report.options.map((o) => `${optionText(o.key, filter)}: ${o.passes} of ${report.total} links`);
  const note = reportTimeNote(report);
  return (
    `nothing to export: no link passes all the filters (alone, ${parts.join("; ")}); ` +
    `names are matched with entities' names and aliases, in any case` +
    (note ? `; ${note}` : "")
  );
}

function reportTimeNote(report: FilterReport): string | null {
  const r = report.reportTimeOnly;
  if (!r || r.links === 0) return null;
  return (
    `${r.links} link${r.links === 1 ? "" : "s"} (${r.claims} claim${r.claims === 1 ? "" : "s"}) left out by the ` +
    `year filter: their sentences state no time, only the article's date (report time) is known`
  );
}

/**
 * Asked for supplies alone, an analyst gets supplier → item links and no supplier of any
 * recipient (in NetworkX, no in_edges of Russia): say where those are.
 */
function flowsNote(filter: GraphFilter): string | null {
  const asked = new Set((filter.predicates ?? []).map((p) => p.toUpperCase()));
  if (!asked.has(FLOW_RELATION) || asked.has(FLOW_PREDICATE)) return null;
  return (
    `${FLOW_RELATION} links go supplier → item; who supplies whom is ${FLOW_PREDICATE} (supplier → recipient) ` +
    `and ${ROUTE_PREDICATE} (route legs), left out here: --predicates ${FLOW_RELATION},${FLOW_PREDICATE},${ROUTE_PREDICATE} keeps them`
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
    .option(
      "--sources <list>",
      "sources (who said it: attributions, or the publisher of an unattributed article), comma separated",
    )
    .option("--recipients <list>", "supply links, flows and routes to these recipients")
    .option("--via <list>", "supply links, flows and routes through these intermediaries")
    .option("--items <list>", "supply links, flows and routes of these items")
    .option(
      "--supplier-countries <list>",
      "supply links, flows and routes from these countries (or firms located there)",
    )
    .option("--from-year <year>", "links whose claims state a time in or after this year (event time)")
    .option("--to-year <year>", "links whose claims state a time in or before this year (event time)")
    .option("--min-sources <n>", "links with at least this many independent supporting sources")
    .option("--hide-negated", "leave out links that every claim denies")
    .option("--hide-contested", "leave out links that some claims affirm and others deny")
    .action(async (opts: ExportOptions, command: Command) => {
      // options of a Cypher query would otherwise be dropped without a word on a store export
      if (opts.query === undefined) {
        const given = [
          opts.param.length > 0 ? "--param" : null,
          command.getOptionValueSource("rowLimit") === "cli" ? "--row-limit" : null,
          command.getOptionValueSource("timeout") === "cli" ? "--timeout" : null,
        ].filter((x): x is string => x !== null);
        if (given.length > 0)
          throw new CliError(
            `${given.join(", ")} ${given.length === 1 ? "needs" : "need"} --query (options of a Cypher query run on Neo4j)`,
          );
      }
      const format = ExportFormatSchema.safeParse(opts.format);
      if (!format.success)
        throw new CliError(`--format: expected one of ${EXPORT_FORMATS.join(", ")}, got ${opts.format}`);
      if (opts.out === "-" && format.data === "csv")
        throw new CliError("--out: csv writes a folder of files, not stdout");
      const { vocabulary } = await loadConfig(opts.config);
      const filter = checkVocabulary(parseFilter(opts), vocabulary, opts.config);

      let graph: KnowledgeGraph;
      let whole: KnowledgeGraph;
      let names: FilterNames;
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
          names = graphFilterNames(result.graph);
          whole = result.graph;
          graph = filterGraph(result.graph, filter, names);
          if (opts.citations) {
            const data = await neo4jCitationData(driver, graph, { database: config.database });
            citationData = async () => data;
          }
        } finally {
          await driver.close();
        }
      } else {
        ({ graph: whole, names } = await storeGraph(opts.data));
        graph = filterGraph(whole, filter, names);
        citationData = () => readStore(opts.data);
      }
      const report = filterReport(whole, filter, names);
      // an export of nothing is a filter that matched nothing: say which, and write no file
      if (graph.size === 0) throw new CliError(nothingExported(report, filter));

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
          for (const chunk of s.chunks()) await writeStdout(chunk);
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
      const note = reportTimeNote(report);
      if (note) console.error(`kg: ${note}`);
      const flows = flowsNote(filter);
      if (flows) console.error(`kg: ${flows}`);
      // what the format could not keep: no loss goes unsaid
      for (const line of lossReport(format.data, exportLosses(graph, format.data))) console.error(`kg: ${line}`);
    });
}
