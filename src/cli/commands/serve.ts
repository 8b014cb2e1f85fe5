import { existsSync } from "node:fs";
import path from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { loadConfig } from "../../config/load.js";
import { neo4jConfigFromEnv } from "../../neo4j/config.js";
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_QUERY_TIMEOUT_MS,
  DEFAULT_ROW_LIMIT,
  DEFAULT_VIEWER_DIR,
  isLoopback,
  startServer,
} from "../../server/server.js";
import { VIEWER_NOT_BUILT } from "../../server/static.js";
import { DEFAULT_DATA_DIR, storeExists } from "../../store/store.js";

const integer = (name: string, min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
  return n;
};

interface ServeOptions {
  data: string;
  port: number;
  host: string;
  viewer: string;
  queryTimeout: number;
  rowLimit: number;
}

/**
 * `kg serve`: the viewer and the JSON API on one port, until Ctrl-C. Neo4j is used when NEO4J_URI
 * is set and answers; otherwise everything comes from the embedded store.
 */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the graph viewer and its JSON API (from the store, or from Neo4j when NEO4J_URI is set)")
    .option("--data <dir>", "data folder", DEFAULT_DATA_DIR)
    .option("--port <n>", "port (0: any free port)", integer("--port", 0, 65535), DEFAULT_PORT)
    .option("--host <host>", "address to listen on (anything but loopback exposes the data and Cypher)", DEFAULT_HOST)
    .option("--viewer <dir>", "built viewer folder", DEFAULT_VIEWER_DIR)
    .option(
      "--query-timeout <ms>",
      "timeout of each Cypher query",
      integer("--query-timeout", 1, 3_600_000),
      DEFAULT_QUERY_TIMEOUT_MS,
    )
    .option(
      "--row-limit <n>",
      "rows returned by a Cypher query",
      integer("--row-limit", 1, 1_000_000),
      DEFAULT_ROW_LIMIT,
    )
    .action(async (opts: ServeOptions) => {
      const log = (m: string) => console.error(`kg serve: ${m}`);
      if (!isLoopback(opts.host)) {
        log(
          `warning: listening on ${opts.host}: anyone who can reach this address can read the whole graph ` +
            `and run read-only Cypher; there is no authentication`,
        );
      }
      if (!(await storeExists(opts.data))) {
        log(`no store in ${path.resolve(opts.data)} yet: serving an empty graph (run kg ingest to fill it)`);
      }
      if (!existsSync(path.join(opts.viewer, "index.html"))) log(VIEWER_NOT_BUILT);
      const { vocabulary } = await loadConfig();
      const running = await startServer({
        dataDir: opts.data,
        viewerDir: opts.viewer,
        host: opts.host,
        port: opts.port,
        neo4j: process.env.NEO4J_URI ? neo4jConfigFromEnv() : null,
        queryTimeoutMs: opts.queryTimeout,
        rowLimit: opts.rowLimit,
        vocabulary,
        log,
      });
      const neo4jNote = running.neo4j?.source ? "Neo4j" : "the embedded store";
      console.log(`kg serve: listening on ${running.url} (graph from ${neo4jNote}; Ctrl-C to stop)`);
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          log(`${signal}: closing`);
          // a second signal while connections drain ends the process at once
          const force = () => process.exit(130);
          process.once("SIGINT", force);
          process.once("SIGTERM", force);
          running.close().then(resolve, resolve);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });
}
