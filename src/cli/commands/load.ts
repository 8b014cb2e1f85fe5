import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { loadConfig } from "../../config/load.js";
import { neo4jConfigFromEnv } from "../../neo4j/config.js";
import { connect } from "../../neo4j/connect.js";
import { clearDatabase, DEFAULT_LOAD_BATCH_SIZE, DEFAULT_LOAD_CONCURRENCY, loadIntoNeo4j } from "../../neo4j/load.js";
import { DEFAULT_DATA_DIR, readStore, storeExists } from "../../store/store.js";
import { CliError } from "../errors.js";
import { createProgress } from "../progress.js";

interface LoadCliOptions {
  data: string;
  batchSize: string;
  concurrency: string;
  reset?: boolean;
  yes?: boolean;
  config: string;
}

/** `kg load`: the embedded store into Neo4j (NEO4J_URI), incrementally and resumably. */
export function registerLoad(program: Command): void {
  program
    .command("load")
    .description("load the store into Neo4j (NEO4J_URI): only what changed; a re-run completes a load that died")
    .option("--data <dir>", "data folder", DEFAULT_DATA_DIR)
    .option("--batch-size <n>", "rows per transaction", String(DEFAULT_LOAD_BATCH_SIZE))
    .option("--concurrency <n>", "transactions writing claims at the same time", String(DEFAULT_LOAD_CONCURRENCY))
    .option("--reset", "empty the database first (asks for confirmation unless --yes)")
    .option("--yes", "do not ask before --reset")
    .option("--config <file>", "configuration with extra relation and entity types", "kg.config.json")
    .action(async (opts: LoadCliOptions) => {
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
        throw new CliError(`--batch-size: expected an integer from 1 to 100000, got ${opts.batchSize}`, 2);
      }
      const concurrency = Number(opts.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) {
        throw new CliError(`--concurrency: expected an integer from 1 to 16, got ${opts.concurrency}`, 2);
      }
      if (opts.yes && !opts.reset) throw new CliError("--yes only goes with --reset", 2);
      if (!(await storeExists(opts.data))) {
        throw new CliError(`${opts.data}: no store here (run \`kg ingest\` first, or pass --data DIR)`);
      }
      const { vocabulary } = await loadConfig(opts.config);
      const neo4jConfig = neo4jConfigFromEnv();
      const data = await readStore(opts.data);
      const driver = await connect(neo4jConfig);
      try {
        if (opts.reset) {
          await confirmReset(neo4jConfig.uri, neo4jConfig.database, Boolean(opts.yes));
          await clearDatabase(driver, neo4jConfig.database);
          console.error(`kg: emptied database "${neo4jConfig.database}" at ${neo4jConfig.uri}`);
        }
        const s = await loadIntoNeo4j(driver, data, {
          database: neo4jConfig.database,
          vocabulary,
          batchSize,
          concurrency,
          progress: (label, total, unit) => createProgress({ label, total, unit }),
        });
        const rate = s.seconds > 0 ? Math.round(s.claims.written / s.seconds) : 0;
        console.log(
          `loaded into ${neo4jConfig.uri} (${neo4jConfig.database}) in ${s.seconds.toFixed(1)} s: ` +
            `claims ${s.claims.written} written, ${s.claims.unchanged} unchanged, ${s.claims.removed} removed; ` +
            `entities ${s.entities.written} written, ${s.entities.unchanged} unchanged; ` +
            `articles ${s.articles.written} written, ${s.articles.unchanged} unchanged; ` +
            `links ${s.links.updated} updated, ${s.links.removed} removed; ` +
            `flows and route legs ${s.flows.updated} updated, ${s.flows.removed} removed` +
            (s.claims.written > 0 ? ` (${rate} claims/s)` : ""),
        );
      } finally {
        await driver.close();
      }
    });
}

async function confirmReset(uri: string, database: string, yes: boolean): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY) {
    throw new CliError(`--reset deletes everything in database "${database}" at ${uri}: add --yes to confirm`, 2);
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`Delete every node and relationship in "${database}" at ${uri}? [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) throw new CliError("reset cancelled; nothing was changed", 1);
  } finally {
    rl.close();
  }
}
