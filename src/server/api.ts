import { z } from "zod";
import {
  QueryRequestSchema,
  type EntityResponse,
  type EvidenceResponse,
  type GraphResponse,
  type HealthResponse,
  type SearchResponse,
} from "../model/api.js";
import { EntityIdSchema, type Entity } from "../model/entity.js";
import { GraphFilterSchema, type GraphFilter } from "../model/filter.js";
import type { Vocabulary } from "../model/vocabulary.js";
import type { KnowledgeGraph } from "../graph/build.js";
import { compareClaims } from "../store/store.js";
import { filterGraph, findNode, UnknownFocusError } from "../graph/filter.js";
import { ExportFormatSchema, renderExportStreams, type ExportStream } from "../export/index.js";
import { QueryError } from "../neo4j/errors.js";
import { toCypherParams } from "../neo4j/params.js";
import { runQuery } from "../neo4j/query.js";
import { CachedJson, HttpError, parseInput, queryObject, readJsonBody, sendJson, writeChunks } from "./http.js";
import { Backends } from "./backends.js";
import { isConnectionError, type Neo4jConnection } from "./neo4j-connection.js";
import { filteredGraphResponse, graphResponse, neighborhood, withArticles } from "./responses.js";
import type { QuerySlots } from "./query-slots.js";
import { Router, type RouteContext } from "./router.js";
import type { StoreSnapshot, StoreSource } from "./store-source.js";

/**
 * The JSON API of `kg serve` (types in src/model/api.ts). Every response is JSON
 * (`application/json; charset=utf-8`) except export files; errors are ApiError {error, issues?}.
 *
 *   GET  /api/health                      {ok, backend, articles, claims, neo4j}
 *   GET  /api/graph?<GraphFilter>         GraphResponse; Neo4j when connected and loaded, else the store
 *   GET  /api/search?q=&limit=20          SearchResponse: names and aliases, prefix and word-prefix,
 *                                         case- and accent-insensitive, ranked, at most `limit` (≤ 100)
 *   GET  /api/entity/:id?limit=&offset=   EntityResponse: the claims naming it in any role, a page of
 *                                         them (default 1,000, in article order) and `total`
 *   GET  /api/evidence/:linkId?limit=&offset=   EvidenceResponse: the claims behind one link, paged alike
 *   GET  /api/neighbors/:id?hops=1&<GraphFilter but focus>   the neighbourhood as a GraphResponse
 *   POST /api/query {cypher, params}      QueryResponse: read-only (read-guard.ts), timeout, row and byte
 *                                         caps; 403 for a write or a refused operator, 400 for a bad
 *                                         query, 504 for a timeout, 502 when Neo4j dropped the query,
 *                                         503 without Neo4j or with every query slot taken
 *   GET  /api/export?format=graphml|gexf|json|cypher&<GraphFilter>   one file as an attachment
 *   GET  /api/export?format=csv&<GraphFilter>   {files: {"nodes.csv": "...", "relationships.csv": "...",
 *                                         "import.txt": "..."}} as a JSON attachment; add
 *                                         &file=nodes|relationships|import for that one file as text/csv
 */
export interface ApiOptions {
  store: StoreSource;
  neo4j: Neo4jConnection | null;
  /** server-side timeout of POST /api/query */
  queryTimeoutMs: number;
  /** rows kept by POST /api/query */
  rowLimit: number;
  /** bytes of JSON kept by POST /api/query */
  queryMaxBytes: number;
  /** how many POST /api/query run at once; more are answered 503 at once */
  querySlots: QuerySlots;
  /** largest JSON body accepted */
  bodyLimit: number;
  /** relation and entity types allowed in csv and cypher exports (kg.config.json) */
  vocabulary?: Vocabulary;
  log?: (message: string) => void;
}

const SearchQuerySchema = z
  .object({
    q: z.string().trim().min(1, "q must not be empty"),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

/** Entity and evidence pages: a hub like Russia may have tens of thousands of claims. */
const PageSchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

const LinkIdSchema = z.string().regex(/^l_[0-9a-f]{16}$/, "link id must be l_ + 16 hex digits");
const EntityParamSchema = z.object({ id: EntityIdSchema });
const LinkParamSchema = z.object({ linkId: LinkIdSchema });
const ExportQuerySchema = z.object({
  format: ExportFormatSchema,
  file: z.enum(["nodes", "relationships", "import"]).optional(),
});

/** Query parameters as a GraphFilter (400 naming the field), minus the keys an endpoint takes itself. */
function graphFilterOf(url: URL, omit: readonly string[] = []): GraphFilter {
  return parseInput(GraphFilterSchema, queryObject(url, omit), "query parameters");
}

function isDefaultFilter(url: URL): boolean {
  return [...url.searchParams.keys()].length === 0;
}

function focusError(e: unknown): never {
  if (e instanceof UnknownFocusError) {
    throw new HttpError(400, e.message, [{ path: "focus", message: `no entity named or with id "${e.focus}"` }]);
  }
  throw e;
}

export function createApiRouter(opts: ApiOptions): Router {
  const { store } = opts;
  const backends = new Backends(store, opts.neo4j, opts.log);
  const withNeo4j = backends.withNeo4j.bind(backends);
  const meta = backends.meta.bind(backends);
  const connected = () => backends.connected;
  /** the unfiltered graph of the current store version, serialised once */
  let wholeGraphCache: { version: string; body: CachedJson } | null = null;

  const health = async ({ res }: RouteContext) => {
    const snapshot = await store.current();
    const c = await backends.counts(snapshot);
    const body: HealthResponse = {
      ok: true,
      backend: c.backend,
      articles: c.articles,
      claims: c.claims,
      neo4j: connected(),
    };
    sendJson(res, 200, body);
  };

  /** The graph a filter selects, from Neo4j when connected, else from the store. */
  async function selectGraph(
    filter: GraphFilter,
    snapshot: StoreSnapshot,
  ): Promise<{ graph: KnowledgeGraph; meta: GraphResponse["meta"] }> {
    const fromNeo4j = await withNeo4j(async (s) => {
      let graph: KnowledgeGraph | null;
      if (filter.focus !== undefined) {
        // resolved like findNode (id, name or alias, folded), then only the neighbourhood is read
        const focus = (await backends.neo4jSearchIndex(s)).resolve(filter.focus);
        graph = focus === undefined ? null : await s.neighborhood(focus, filter);
        if (!graph) focusError(new UnknownFocusError(filter.focus));
      } else {
        graph = await s.graph(filter);
      }
      return { graph, c: await s.counts() };
    });
    if (fromNeo4j) return { graph: fromNeo4j.value.graph, meta: meta("neo4j", fromNeo4j.value.c) };
    let graph: KnowledgeGraph;
    if (filter.focus !== undefined) {
      const focus = findNode(snapshot.graph, filter.focus);
      if (focus === undefined) focusError(new UnknownFocusError(filter.focus));
      graph = neighborhood(snapshot.graph, focus, filter);
    } else {
      graph = filterGraph(snapshot.graph, filter);
    }
    return { graph, meta: meta("store", snapshot.counts) };
  }

  const graph = async ({ req, res, url }: RouteContext) => {
    const filter = graphFilterOf(url);
    const snapshot = await store.current();
    if (isDefaultFilter(url) && !connected()) {
      // the viewer's first request: the same bytes until the store changes, serialised (and gzipped) once
      if (wholeGraphCache?.version !== snapshot.version) {
        const body = new CachedJson(graphResponse(snapshot.graph, meta("store", snapshot.counts)));
        wholeGraphCache = { version: snapshot.version, body };
      }
      await wholeGraphCache.body.send(req, res);
      return;
    }
    if (filter.focus === undefined && !connected()) {
      sendJson(res, 200, filteredGraphResponse(snapshot.graph, filter, meta("store", snapshot.counts)));
      return;
    }
    const selected = await selectGraph(filter, snapshot);
    sendJson(res, 200, graphResponse(selected.graph, selected.meta));
  };

  const search = async ({ res, url }: RouteContext) => {
    const { q, limit } = parseInput(SearchQuerySchema, queryObject(url), "query parameters");
    const fromNeo4j = await withNeo4j((s) => backends.neo4jSearchIndex(s));
    const index = fromNeo4j ? fromNeo4j.value : (await store.current()).search;
    const body: SearchResponse = { results: index.search(q, limit) };
    sendJson(res, 200, body);
  };

  const entity = async ({ res, url, params }: RouteContext) => {
    const { id } = parseInput(EntityParamSchema, params, "path");
    const page = parseInput(PageSchema, queryObject(url), "query parameters");
    const fromNeo4j = await withNeo4j((s) => s.entity(id, page));
    if (fromNeo4j) {
      if (!fromNeo4j.value) throw new HttpError(404, `no entity with id "${id}"`);
      // Neo4j does not keep merge reasons: the store's record has them (for auditing a merge)
      const stored = (await store.current()).entities.get(id);
      const body: EntityResponse = stored ? { ...fromNeo4j.value, entity: stored } : fromNeo4j.value;
      sendJson(res, 200, body);
      return;
    }
    const snapshot = await store.current();
    let record: Entity | undefined = snapshot.entities.get(id);
    if (!record && snapshot.graph.hasNode(id)) {
      const a = snapshot.graph.getNodeAttributes(id);
      record = { id, type: a.type, name: a.name, aliases: a.aliases, merges: [] };
    }
    if (!record) throw new HttpError(404, `no entity with id "${id}"`);
    const ids = snapshot.claimsByEntity.get(id) ?? [];
    const claims = ids.slice(page.offset, page.offset + page.limit).map((c) => snapshot.claims.get(c)!);
    const body: EntityResponse = { entity: record, claims: withArticles(claims, snapshot.articles), total: ids.length };
    sendJson(res, 200, body);
  };

  const evidence = async ({ res, url, params }: RouteContext) => {
    const { linkId } = parseInput(LinkParamSchema, params, "path");
    const page = parseInput(PageSchema, queryObject(url), "query parameters");
    const fromNeo4j = await withNeo4j((s) => s.evidence(linkId, page));
    if (fromNeo4j) {
      if (!fromNeo4j.value) throw new HttpError(404, `no link with id "${linkId}"`);
      sendJson(res, 200, fromNeo4j.value satisfies EvidenceResponse);
      return;
    }
    const snapshot = await store.current();
    const g = snapshot.graph;
    if (!g.hasEdge(linkId)) throw new HttpError(404, `no link with id "${linkId}"`);
    const link = { id: linkId, source: g.source(linkId), target: g.target(linkId), ...g.getEdgeAttributes(linkId) };
    const claims = link.claimIds
      .map((c) => snapshot.claims.get(c))
      .filter((c) => c !== undefined)
      .sort(compareClaims)
      .slice(page.offset, page.offset + page.limit);
    const body: EvidenceResponse = {
      link,
      claims: withArticles(claims, snapshot.articles),
      total: link.claimIds.length,
    };
    sendJson(res, 200, body);
  };

  const neighbors = async ({ res, url, params }: RouteContext) => {
    const { id } = parseInput(EntityParamSchema, params, "path");
    if (url.searchParams.has("focus")) {
      throw new HttpError(400, "focus: not allowed here, the entity is the one in the path", [
        { path: "focus", message: "not allowed here, the entity is the one in the path" },
      ]);
    }
    const filter = graphFilterOf(url);
    const snapshot = await store.current();
    const fromNeo4j = await withNeo4j(async (s) => {
      const graph = await s.neighborhood(id, filter);
      return graph ? { graph, c: await s.counts() } : null;
    });
    if (fromNeo4j) {
      if (!fromNeo4j.value) throw new HttpError(404, `no entity with id "${id}"`);
      sendJson(res, 200, graphResponse(fromNeo4j.value.graph, meta("neo4j", fromNeo4j.value.c)));
      return;
    }
    if (!snapshot.graph.hasNode(id)) {
      const e = snapshot.entities.get(id);
      if (!e) throw new HttpError(404, `no entity with id "${id}"`);
      // an entity named only as a source or intermediary has no links: it stands alone
      sendJson(res, 200, {
        nodes: [{ id, type: e.type, name: e.name, aliases: e.aliases, claims: 0, degree: 0 }],
        links: [],
        meta: meta("store", snapshot.counts),
      } satisfies GraphResponse);
      return;
    }
    sendJson(res, 200, graphResponse(neighborhood(snapshot.graph, id, filter), meta("store", snapshot.counts)));
  };

  const query = async ({ req, res }: RouteContext) => {
    const body = parseInput(QueryRequestSchema, await readJsonBody(req, opts.bodyLimit), "request body");
    const driver = opts.neo4j?.queryDriver;
    if (!driver || !opts.neo4j) {
      throw new HttpError(
        503,
        opts.neo4j
          ? `Cypher queries need Neo4j, and ${opts.neo4j.config.uri} is not answering (kg serve keeps retrying; ` +
              "start it with npm run neo4j:start)"
          : "Cypher queries need Neo4j, which is not configured: start it (npm run neo4j:start), load the store " +
              "(kg load), set NEO4J_URI and restart kg serve",
      );
    }
    const release = opts.querySlots.tryTake();
    if (!release) {
      throw new HttpError(
        503,
        `${opts.querySlots.size} Cypher queries are already running on this server; try again when one has finished`,
        undefined,
        { "retry-after": "1" },
      );
    }
    try {
      const result = await runQuery(driver, body.cypher, toCypherParams(body.params) as Record<string, unknown>, {
        database: opts.neo4j.config.database,
        write: false,
        timeoutMs: opts.queryTimeoutMs,
        rowLimit: opts.rowLimit,
        maxBytes: opts.queryMaxBytes,
      });
      sendJson(res, 200, result);
    } catch (e) {
      throw queryHttpError(e, opts.queryTimeoutMs);
    } finally {
      release();
    }
  };

  const exportGraph = async ({ res, url }: RouteContext) => {
    const { format, file } = parseInput(
      ExportQuerySchema,
      { format: url.searchParams.get("format") ?? undefined, file: url.searchParams.get("file") ?? undefined },
      "query parameters",
    );
    if (file && format !== "csv") {
      throw new HttpError(400, "file: only for format=csv", [{ path: "file", message: "only for format=csv" }]);
    }
    const filter = graphFilterOf(url, ["format", "file"]);
    const snapshot = await store.current();
    const { graph } = await selectGraph(filter, snapshot);
    let files: ExportStream[];
    try {
      files = renderExportStreams(graph, format, { vocabulary: opts.vocabulary });
    } catch (e) {
      // the exporters refuse what their format cannot hold (an unknown relation type, an XML-hostile id)
      throw new HttpError(422, `cannot export as ${format}: ${(e as Error).message}`);
    }
    const picked = file ? files.filter((f) => f.name.replace(/\.[^.]*$/, "") === file) : files;
    if (picked.length === 0) throw new HttpError(404, `the ${format} export has no ${file} file`);
    if (picked.length === 1) {
      const f = picked[0]!;
      res.writeHead(200, {
        "content-type": f.mediaType.includes("charset") ? f.mediaType : `${f.mediaType}; charset=utf-8`,
        "content-disposition": `attachment; filename="kg-${f.name}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      await writeChunks(res, f.chunks());
      return;
    }
    // several files (csv): one JSON object, file name → content, so a client can save each
    const body = { files: Object.fromEntries(picked.map((f) => [f.name, [...f.chunks()].join("")])) };
    sendJson(res, 200, body, { "content-disposition": `attachment; filename="kg-${format}.json"` });
  };

  return new Router()
    .on("GET", "/api/health", health)
    .on("GET", "/api/graph", graph)
    .on("GET", "/api/search", search)
    .on("GET", "/api/entity/:id", entity)
    .on("GET", "/api/evidence/:linkId", evidence)
    .on("GET", "/api/neighbors/:id", neighbors)
    .on("POST", "/api/query", query)
    .on("GET", "/api/export", exportGraph);
}

/** A failed Cypher query as the status a client can act on. */
function queryHttpError(e: unknown, timeoutMs: number): HttpError {
  if (e instanceof QueryError) {
    const code = e.code ?? "";
    if (code === "kg.ReadOnly") return new HttpError(403, e.message);
    if (code === "kg.NoAnswer") return new HttpError(502, e.message);
    if (
      code === "Neo.ClientError.Statement.AccessMode" ||
      code === "Neo.ClientError.Transaction.ForbiddenDueToTransactionType"
    ) {
      return new HttpError(
        403,
        "read-only: queries through the API may not write to the database (CREATE, MERGE, SET, DELETE, ... are refused)",
      );
    }
    if (code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
      return new HttpError(504, `the query ran longer than ${timeoutMs} ms and was stopped; narrow it or add a LIMIT`);
    }
    if (code.startsWith("Neo.ClientError.Security")) return new HttpError(403, e.message);
    if (code.startsWith("Neo.ClientError")) return new HttpError(400, e.message);
    if (code.startsWith("Neo.TransientError")) return new HttpError(503, e.message);
    return new HttpError(500, e.message);
  }
  const code = (e as { code?: unknown } | null)?.code;
  // the driver refuses parameter values it cannot send before the query runs
  if (code === "ProtocolError" || e instanceof TypeError)
    return new HttpError(400, `invalid query parameters: ${(e as Error).message}`);
  // Clients' queries have connections of their own: one that breaks says nothing about the
  // rest of the API (the viewer's requests notice a Neo4j that is really gone by themselves).
  if (isConnectionError(e)) return new HttpError(503, `Neo4j connection lost: ${(e as Error).message}`);
  return new HttpError(500, `query failed: ${(e as Error).message}`);
}
