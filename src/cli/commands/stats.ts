import type { Command } from "commander";
import { DEFAULT_DATA_DIR, readManifest, readStore } from "../../store/store.js";

interface Stats {
  articles: number;
  entities: number;
  claims: number;
  links: number;
  perPredicate: Record<string, number>;
}

/** The counts from store.json; a store written before it held per-predicate counts is read whole. */
async function storeStats(dir: string): Promise<Stats> {
  const manifest = await readManifest(dir);
  if (manifest?.claimsPerPredicate) {
    const { articles, entities, claims, links, claimsPerPredicate } = manifest;
    return { articles, entities, claims, links, perPredicate: claimsPerPredicate };
  }
  const data = await readStore(dir);
  const perPredicate: Record<string, number> = {};
  for (const c of data.claims) perPredicate[c.predicate] = (perPredicate[c.predicate] ?? 0) + 1;
  return {
    articles: data.articles.length,
    entities: data.entities.length,
    claims: data.claims.length,
    links: new Set(data.claims.map((c) => `${c.subjectId}|${c.predicate}|${c.objectId}`)).size,
    perPredicate: Object.fromEntries(Object.entries(perPredicate).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/** `kg stats`: what the embedded store holds. */
export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("counts of articles, entities, claims (per predicate) and links in the store")
    .option("--data <dir>", "data folder", DEFAULT_DATA_DIR)
    .option("--json", "print JSON")
    .action(async (opts: { data: string; json?: boolean }) => {
      const stats = await storeStats(opts.data);
      if (opts.json) console.log(JSON.stringify(stats, null, 2));
      else {
        console.log(
          `articles ${stats.articles}, entities ${stats.entities}, claims ${stats.claims}, links ${stats.links}`,
        );
        for (const [p, n] of Object.entries(stats.perPredicate)) console.log(`  ${p.padEnd(16)} ${n}`);
      }
    });
}
