import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Vocabulary } from "../model/vocabulary.js";
import type { Neo4jConfig } from "../neo4j/config.js";
import { createApiRouter } from "./api.js";
import { HttpError, sendError } from "./http.js";
import { Neo4jConnection } from "./neo4j-connection.js";
import { serveStatic } from "./static.js";
import { StoreSource } from "./store-source.js";

export const DEFAULT_HOST = "127.0.0.1";
/** the port the viewer's dev server proxies /api to (viewer/vite.config.ts), clear of Vite's own 5173 */
export const DEFAULT_PORT = 8080;
export const DEFAULT_QUERY_TIMEOUT_MS = 15_000;
export const DEFAULT_ROW_LIMIT = 1_000;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

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

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || host.startsWith("127.");
}

/**
 * On a loopback address only loopback Host headers are served: a web page cannot reach the API
 * through a rebinding DNS name pointing at 127.0.0.1.
 */
function hostAllowed(req: IncomingMessage): boolean {
  const header = req.headers.host;
  if (!header) return false;
  const name = header.startsWith("[") ? header.slice(0, header.indexOf("]") + 1) : header.replace(/:\d+$/, "");
  return isLoopback(name.toLowerCase());
}

/** Starts `kg serve`: the JSON API under /api/ and the built viewer everywhere else. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? ((m: string) => console.error(`kg serve: ${m}`));
  const host = opts.host ?? DEFAULT_HOST;
  const port = opts.port ?? DEFAULT_PORT;
  const viewerDir = opts.viewerDir ?? DEFAULT_VIEWER_DIR;
  const store = new StoreSource(opts.dataDir, log);
  // loading before listening: a broken store is reported at start, not on the first request
  await store.current();
  const neo4j = opts.neo4j ? new Neo4jConnection(opts.neo4j, log) : null;
  await neo4j?.start();
  const router = createApiRouter({
    store,
    neo4j,
    queryTimeoutMs: opts.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    rowLimit: opts.rowLimit ?? DEFAULT_ROW_LIMIT,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    vocabulary: opts.vocabulary,
    log,
  });
  const checkHost = isLoopback(host);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (checkHost && !hostAllowed(req)) throw new HttpError(403, "this server only answers to localhost addresses");
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
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
