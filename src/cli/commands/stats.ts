import type { Command } from "commander";
import path from "node:path";
import { buildGraph } from "../../graph/build.js";
import { COUNT_DEFINITIONS, linkCounts, type LinkCounts } from "../../model/counts.js";
import { checkStoreFiles, REPAIR_ADVICE } from "../../store/integrity.js";
import { DEFAULT_DATA_DIR, GRAPH_VERSION, readManifest, readStore } from "../../store/store.js";

interface Stats extends LinkCounts {
  articles: number;
  entities: number;
  linkedEntities: number;
  claims: number;
  /** claims per relation type */
  perPredicate: Record<string, number>;
  /** links per relation type, flows (SUPPLIES_TO) and route legs (ROUTES_TO) */
  linksPerPredicate: Record<string, number>;
}

const byName = (r: Record<string, number>) =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * The counts from store.json; a store written before it held them, or whose files are not the
 * ones store.json names (a half-written store), is read whole.
 */
async function storeStats(dir: string, damaged: boolean): Promise<Stats> {
  const manifest = await readManifest(dir);
  if (
    manifest?.claimsPerPredicate &&
    manifest.linksPerPredicate &&
    manifest.graphVersion === GRAPH_VERSION &&
    !damaged
  ) {
    const { articles, entities, claims, nodes, claimsPerPredicate, linksPerPredicate } = manifest;
    return {
      articles,
      entities,
      linkedEntities: nodes,
      claims,
      ...linkCounts(linksPerPredicate),
      perPredicate: claimsPerPredicate,
      linksPerPredicate,
    };
  }
  const data = await readStore(dir);
  const graph = buildGraph(data.entities, data.claims, data.articles);
  const perPredicate: Record<string, number> = {};
  for (const c of data.claims) perPredicate[c.predicate] = (perPredicate[c.predicate] ?? 0) + 1;
  const linksPerPredicate: Record<string, number> = {};
  graph.forEachEdge((_e, a) => (linksPerPredicate[a.predicate] = (linksPerPredicate[a.predicate] ?? 0) + 1));
  return {
    articles: data.articles.length,
    entities: data.entities.length,
    linkedEntities: graph.order,
    claims: data.claims.length,
    ...linkCounts(linksPerPredicate),
    perPredicate: byName(perPredicate),
    linksPerPredicate: byName(linksPerPredicate),
  };
}

function table(stats: Stats): string[] {
  const predicates = [...new Set([...Object.keys(stats.perPredicate), ...Object.keys(stats.linksPerPredicate)])];
  const rows = predicates.map((p) => [
    p,
    String(stats.perPredicate[p] ?? "–"),
    String(stats.linksPerPredicate[p] ?? 0),
  ]);
  const width = Math.max(16, ...predicates.map((p) => p.length));
  return [
    `  ${"relation".padEnd(width)} ${"claims".padStart(7)} ${"links".padStart(7)}`,
    ...rows.map(([p, c, l]) => `  ${p!.padEnd(width)} ${c!.padStart(7)} ${l!.padStart(7)}`),
  ];
}

/** `kg stats`: what the embedded store holds, counted as docs/model.md ("Counts") defines. */
export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("counts of articles, entities, claims and links (per relation type) in the store")
    .option("--data <dir>", "data folder", DEFAULT_DATA_DIR)
    .option("--json", "print JSON")
    .option("--explain", "say what each count counts")
    .action(async (opts: { data: string; json?: boolean; explain?: boolean }) => {
      const damage = await checkStoreFiles(opts.data);
      for (const d of damage) console.error(`kg: ${path.join(opts.data, d.file)}: ${d.problem}`);
      if (damage.length > 0) {
        console.error(`kg: ${REPAIR_ADVICE}; the counts below are of the files as they are`);
        process.exitCode = 1;
      }
      const s = await storeStats(opts.data, damage.length > 0);
      if (opts.json) {
        console.log(JSON.stringify(s, null, 2));
        return;
      }
      console.log(
        `articles ${s.articles}, entities ${s.entities} (${s.linkedEntities} on links), claims ${s.claims}, ` +
          `links ${s.links} (${s.relationLinks} relation links, ${s.flows} supply flows, ${s.routeLegs} route legs)`,
      );
      for (const line of table(s)) console.log(line);
      if (opts.explain) {
        for (const key of [
          "entities",
          "linkedEntities",
          "claims",
          "links",
          "relationLinks",
          "flows",
          "routeLegs",
          "sources",
        ] as const) {
          console.log(`${key}: ${COUNT_DEFINITIONS[key]}`);
        }
      }
    });
}
