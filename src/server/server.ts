import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Vocabulary } from "../model/vocabulary.js";
import type { Neo4jConfig } from "../neo4j/config.js";
import { DEFAULT_MAX_BYTES } from "../neo4j/query.js";
import { checkToken, hostAllowed, isLoopback, loopbackHostHeaders, requireToken } from "./access.js";
import { createApiRouter } from "./api.js";
import { HttpError, sendError } from "./http.js";
import { Neo4jConnection } from "./neo4j-connection.js";
import { QuerySlots } from "./query-slots.js";
import { serveStatic } from "./static.js";
import { StoreSource } from "./store-source.js";

export const DEFAULT_HOST = "127.0.0.1";
/** the port the viewer's dev server proxies /api to (viewer/vite.config.ts), clear of Vite's own 5173 */
export const DEFAULT_PORT = 8080;
export const DEFAULT_QUERY_TIMEOUT_MS = 15_000;
export const DEFAULT_ROW_LIMIT = 1_000;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_QUERY_MAX_BYTES = DEFAULT_MAX_BYTES;
/** two cores: more queries at once than that only slow each other and the viewer down */
export const DEFAULT_MAX_QUERIES = 2;

/** viewer/dist of this checkout (src/server → ../../viewer/dist). */
export const DEFAULT_VIEWER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../viewer/dist");

export interface ServerOptions {
  dataDir: string;
  viewerDir?: string;
  host?: string;
  /** 0 picks a free port */
  port?: number;
  /** null: do not use Neo4j */
  neo4j?: Neo4jConfig | null;
  queryTimeoutMs?: number;
  rowLimit?: number;
  /** bytes of JSON a Cypher result may take */
  queryMaxBytes?: number;
  /** Cypher queries of clients running at once */
  maxQueries?: number;
  /** required on every API request (Authorization: Bearer); mandatory off loopback */
  token?: string | null;
  bodyLimit?: number;
  /** relation and entity types allowed in csv and cypher exports (kg.config.json) */
  vocabulary?: Vocabulary;
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  server: Server;
  neo4j: Neo4jConnection | null;
  close(): Promise<void>;
}

/** Starts `kg serve`: the JSON API under /api/ and the built viewer everywhere else. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? ((m: string) => console.error(`kg serve: ${m}`));
  const host = opts.host ?? DEFAULT_HOST;
  const port = opts.port ?? DEFAULT_PORT;
  const viewerDir = opts.viewerDir ?? DEFAULT_VIEWER_DIR;
  const token = opts.token ? checkToken(opts.token, "token") : null;
  const loopback = isLoopback(host);
  if (!loopback && !token) {
    throw new Error(
      `listening on ${host} would let anyone who reaches it read the graph and run Cypher: ` +
        `set a token (KG_SERVE_TOKEN or --token), or listen on 127.0.0.1`,
    );
  }
  const maxQueries = opts.maxQueries ?? DEFAULT_MAX_QUERIES;
  const store = new StoreSource(opts.dataDir, log);
  // loading before listening: a broken store is reported at start, not on the first request
  await store.current();
  const neo4j = opts.neo4j ? new Neo4jConnection(opts.neo4j, log, undefined, maxQueries) : null;
  await neo4j?.start();
  const router = createApiRouter({
    store,
    neo4j,
    queryTimeoutMs: opts.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    rowLimit: opts.rowLimit ?? DEFAULT_ROW_LIMIT,
    queryMaxBytes: opts.queryMaxBytes ?? DEFAULT_QUERY_MAX_BYTES,
    querySlots: new QuerySlots(maxQueries),
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    vocabulary: opts.vocabulary,
    log,
  });
  // known once listening (port 0 picks one)
  let hostHeaders: Set<string> = new Set();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (loopback && !hostAllowed(req, hostHeaders)) {
      throw new HttpError(403, "this server only answers to localhost, 127.0.0.1 or [::1] with its port");
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
      if (token) requireToken(req, token);
      const route = router.match(req.method ?? "GET", url.pathname);
      if (!route) throw new HttpError(404, `no API endpoint ${url.pathname}`);
      await route.handler({ req, res, url, params: route.params });
      return;
    }
    await serveStatic(viewerDir, req, res, url);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const error =
        e instanceof HttpError
          ? e
          : new HttpError(500, `internal error: ${e instanceof Error ? e.message : String(e)}`);
      if (!(e instanceof HttpError)) log(`${req.method} ${req.url}: ${e instanceof Error ? e.stack : String(e)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // an unread request body would otherwise keep the connection busy
      if (error.status === 413) res.setHeader("connection", "close");
      sendError(res, error);
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      void neo4j?.close();
      if (e.code === "EADDRINUSE") reject(new Error(`${host}:${port} is already in use: choose another with --port`));
      else if (e.code === "EACCES")
        reject(new Error(`not allowed to listen on ${host}:${port}: choose a port above 1023 with --port`));
      else reject(e);
    });
    server.listen(port, host, () => {
      server.removeAllListeners("error");
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  hostHeaders = loopbackHostHeaders(address.address, address.port);
  // a wildcard address is not one a browser can open: show this machine's loopback instead
  const wildcard = address.address === "0.0.0.0" || address.address === "::";
  const shownHost = wildcard ? "127.0.0.1" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}/`;
  let closing: Promise<void> | null = null;
  return {
    url,
    server,
    neo4j,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          // requests still running after a grace period are cut rather than waited for
          setTimeout(() => server.closeAllConnections(), 5_000).unref();
        });
        await neo4j?.close();
      })();
      return closing;
    },
  };
}
