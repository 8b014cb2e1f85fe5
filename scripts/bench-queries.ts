/**
 * `npm run bench:queries [-- --claims 1000000 --runs 20 --warmup 3 --batch-size 10000]`
 *
 * p50/p95 latency of every queries/*.cypher file through the query runner of `kg query`, on a
 * generated graph (scripts/gen/synthetic-store.ts, seeded) loaded by `kg load`'s loader, with the
 * project's constraints and indexes in place. A graph of the same size and seed already in the
 * database is reused (the load takes a while at a million claims); anything else there is
 * replaced. Uses NEO4J_URI and EMPTIES its database when it has to load.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_VOCABULARY } from "../src/model/vocabulary.js";
import { neo4jConfigFromEnv } from "../src/neo4j/config.js";
import { connect } from "../src/neo4j/connect.js";
import { clearDatabase, loadIntoNeo4j } from "../src/neo4j/load.js";
import { parseQueryFile, resolveParams } from "../src/neo4j/query-file.js";
import { runQuery } from "../src/neo4j/query.js";
import { ensureSchema } from "../src/neo4j/schema.js";
import { createProgress } from "../src/cli/progress.js";
import { arg, graphCounts, printTable } from "./gen/bench-common.js";
import { generateStore } from "./gen/synthetic-store.js";

const queriesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../queries");

/** The defaults name the sample articles' entities; these name ones the generated graph has. */
const BENCH_PARAMS: Record<string, Record<string, unknown>> = {
  "claims-by-source.cypher": { source: "organization:research-group-1" },
  "claims-in-article.cypher": { article: "gen_0000000" },
  "entity-search.cypher": { q: "China" },
  "supply-path.cypher": { from: "country:china", to: "country:russia" },
};

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function main() {
  const claims = Number(arg("claims", "1000000"));
  const runs = Number(arg("runs", "20"));
  const warmup = Number(arg("warmup", "3"));
  const batchSize = Number(arg("batch-size", "10000"));
  const config = neo4jConfigFromEnv();
  const { database } = config;
  const driver = await connect(config);
  try {
    console.log(`generating ${claims} claims (seed 42)…`);
    const data = generateStore({ claims, seed: 42 });
    const probe = data.claims[data.claims.length - 1]!.id;
    const present = await graphCounts(driver, database);
    const found = await driver.executeQuery(
      "MATCH (c:Claim {id: $id}) RETURN count(c) AS n",
      { id: probe },
      { database },
    );
    if (present.claims === data.claims.length && (found.records[0]!.get("n") as number) === 1) {
      console.log(`reusing the graph already in ${config.uri}: ${present.claims} claims`);
      await ensureSchema(driver, database, DEFAULT_VOCABULARY);
    } else {
      console.log(`emptying ${config.uri} (${database}) and loading…`);
      await clearDatabase(driver, database);
      const s = await loadIntoNeo4j(driver, data, {
        database,
        vocabulary: DEFAULT_VOCABULARY,
        batchSize,
        progress: (label, total, unit) => createProgress({ label, total, unit }),
      });
      console.log(`loaded in ${s.seconds.toFixed(0)} s (${Math.round(data.claims.length / s.seconds)} claims/s)`);
    }
    const counts = await graphCounts(driver, database);

    const files = readdirSync(queriesDir)
      .filter((f) => f.endsWith(".cypher"))
      .sort();
    const rows: Array<Array<string | number>> = [];
    for (const file of files) {
      const text = readFileSync(path.join(queriesDir, file), "utf8");
      const params = resolveParams(parseQueryFile(text, file), BENCH_PARAMS[file] ?? {}, file);
      const times: number[] = [];
      let returned = 0;
      for (let i = 0; i < warmup + runs; i++) {
        const t0 = performance.now();
        const r = await runQuery(driver, text, params, { database, timeoutMs: 120_000, rowLimit: 1000 });
        const ms = performance.now() - t0;
        if (i >= warmup) times.push(ms);
        returned = r.rows.length;
      }
      times.sort((a, b) => a - b);
      rows.push([file, returned, percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1)]);
      console.log(`${file}: p50 ${percentile(times, 50).toFixed(1)} ms`);
    }
    console.log("");
    console.log(
      `Neo4j ${config.uri}: ${counts.claims} claims, ${counts.entities} entities, ${counts.articles} articles, ` +
        `${counts.links} direct links, ${counts.relationships} relationships; ${runs} runs after ${warmup} warm-up runs, ` +
        `row limit 1000, times measured in the client (query + transfer)`,
    );
    printTable(["query", "rows", "p50 ms", "p95 ms"], rows);
  } finally {
    await driver.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
