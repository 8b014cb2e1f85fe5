import type { Command } from "commander";
import path from "node:path";
import { checkStoreFiles, REPAIR_ADVICE } from "../../store/integrity.js";
import { DEFAULT_DATA_DIR, readManifest, readStore } from "../../store/store.js";

interface Stats {
  articles: number;
  entities: number;
  claims: number;
  links: number;
  perPredicate: Record<string, number>;
}

/**
 * The counts from store.json; a store written before it held per-predicate counts, or whose
 * files are not the ones store.json names (a half-written store), is read whole.
 */
async function storeStats(dir: string, damaged: boolean): Promise<Stats> {
  const manifest = await readManifest(dir);
  if (manifest?.claimsPerPredicate && !damaged) {
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
      const damage = await checkStoreFiles(opts.data);
      for (const d of damage) console.error(`kg: ${path.join(opts.data, d.file)}: ${d.problem}`);
      if (damage.length > 0) {
        console.error(`kg: ${REPAIR_ADVICE}; the counts below are of the files as they are`);
        process.exitCode = 1;
      }
      const stats = await storeStats(opts.data, damage.length > 0);
      if (opts.json) console.log(JSON.stringify(stats, null, 2));
      else {
        console.log(
          `articles ${stats.articles}, entities ${stats.entities}, claims ${stats.claims}, links ${stats.links}`,
        );
        for (const [p, n] of Object.entries(stats.perPredicate)) console.log(`  ${p.padEnd(16)} ${n}`);
      }
    });
}
