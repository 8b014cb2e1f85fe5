import type { Command } from "commander";
import { DEFAULT_DATA_DIR, readStore } from "../../store/store.js";

/** `kg stats`: what the embedded store holds. */
export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("counts of articles, entities, claims (per predicate) and links in the store")
    .option("--data <dir>", "data folder", DEFAULT_DATA_DIR)
    .option("--json", "print JSON")
    .action(async (opts: { data: string; json?: boolean }) => {
      const data = await readStore(opts.data);
      const perPredicate: Record<string, number> = {};
      for (const c of data.claims) perPredicate[c.predicate] = (perPredicate[c.predicate] ?? 0) + 1;
      const links = new Set(data.claims.map((c) => `${c.subjectId}|${c.predicate}|${c.objectId}`)).size;
      const stats = {
        articles: data.articles.length,
        entities: data.entities.length,
        claims: data.claims.length,
        links,
        perPredicate: Object.fromEntries(Object.entries(perPredicate).sort()),
      };
      if (opts.json) console.log(JSON.stringify(stats, null, 2));
      else {
        console.log(
          `articles ${stats.articles}, entities ${stats.entities}, claims ${stats.claims}, links ${stats.links}`,
        );
        for (const [p, n] of Object.entries(stats.perPredicate)) console.log(`  ${p.padEnd(16)} ${n}`);
      }
    });
}
