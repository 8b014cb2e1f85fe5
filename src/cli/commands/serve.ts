import { existsSync } from "node:fs";
import path from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { loadConfig } from "../../config/load.js";
import { neo4jConfigFromEnv } from "../../neo4j/config.js";
import {
  DEFAULT_HOST,
  DEFAULT_MAX_QUERIES,
  DEFAULT_PORT,
  DEFAULT_QUERY_MAX_BYTES,
  DEFAULT_QUERY_TIMEOUT_MS,
  DEFAULT_ROW_LIMIT,
  DEFAULT_VIEWER_DIR,
  startServer,
} from "../../server/server.js";
import { checkToken, isLoopback } from "../../server/access.js";
import { CliError } from "../errors.js";
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
  queryMaxBytes: number;
  maxQueries: number;
  token?: string;
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
    .option(
      "--host <host>",
      "address to listen on; anything but loopback needs a token (KG_SERVE_TOKEN or --token)",
      DEFAULT_HOST,
    )
    .option(
      "--token <token>",
      "require 'Authorization: Bearer <token>' on every API request (prefer KG_SERVE_TOKEN: a command line is visible to other users)",
    )
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
    .option(
      "--query-max-bytes <n>",
      "bytes of JSON a Cypher result may take (the rest is cut, marked truncated)",
      integer("--query-max-bytes", 1024, 1024 ** 3),
      DEFAULT_QUERY_MAX_BYTES,
    )
    .option(
      "--max-queries <n>",
      "Cypher queries of clients running at once (more are answered 503)",
      integer("--max-queries", 1, 64),
      DEFAULT_MAX_QUERIES,
    )
    .action(async (opts: ServeOptions) => {
      const log = (m: string) => console.error(`kg serve: ${m}`);
      const token = opts.token ?? (process.env.KG_SERVE_TOKEN || undefined);
      if (!isLoopback(opts.host) && !token) {
        throw new CliError(
          `--host ${opts.host} lets anyone who reaches this machine read the graph and run Cypher: ` +
            `set a token in KG_SERVE_TOKEN (or --token), which every API request must send as ` +
            `'Authorization: Bearer <token>', or listen on 127.0.0.1`,
          2,
        );
      }
      if (token) {
        try {
          checkToken(token, opts.token ? "--token" : "KG_SERVE_TOKEN");
        } catch (e) {
          throw new CliError((e as Error).message, 2);
        }
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
        queryMaxBytes: opts.queryMaxBytes,
        maxQueries: opts.maxQueries,
        token: token ?? null,
        vocabulary,
        log,
      });
      const neo4jNote = running.neo4j?.source ? "Neo4j" : "the embedded store";
      console.log(`kg serve: listening on ${running.url} (graph from ${neo4jNote}; Ctrl-C to stop)`);
      // the token itself is never printed: it is a credential, and logs are kept and shared
      if (token) log(`API requests need the token: open ${running.url}#token=<your token> in the browser`);
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
