import { promises as fs } from "node:fs";
import { request as httpRequest } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiErrorSchema,
  ClaimsResponseSchema,
  EntityResponseSchema,
  EvidenceResponseSchema,
  GraphResponseSchema,
  SearchResponseSchema,
  linkId,
  type ApiError,
  type GraphResponse,
} from "../src/model/index.js";
import { createServer } from "node:http";
import { gunzipSync } from "node:zlib";
import { CachedJson } from "../src/server/http.js";
import { buildGraph } from "../src/graph/build.js";
import { filterGraph } from "../src/graph/filter.js";
import { GraphFilterSchema } from "../src/model/index.js";
import { filteredGraphResponse, graphResponse } from "../src/server/responses.js";
import { startServer, type RunningServer } from "../src/server/server.js";
import { writeStore } from "../src/store/store.js";
import { csvObjects } from "./export-helpers.js";
import {
  CHINA,
  CLAIMS,
  CSIS,
  EXPECTED,
  ISKANDER,
  LETHAL_WEAPONS,
  MACHINE_TOOLS,
  PERCHLORATE,
  RUSSIA,
  STORE_DATA,
  UKRAINE,
} from "./server-fixture.js";

let tmp: string;
let dataDir: string;
let viewerDir: string;
let server: RunningServer;
const logs: string[] = [];

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kg-server-"));
  dataDir = path.join(tmp, "data");
  viewerDir = path.join(tmp, "dist");
  await writeStore(dataDir, STORE_DATA);
  await fs.mkdir(path.join(viewerDir, "assets"), { recursive: true });
  await fs.writeFile(
    path.join(viewerDir, "index.html"),
    '<!doctype html><title>kg viewer</title><script src="/assets/app.js"></script>',
  );
  await fs.writeFile(path.join(viewerDir, "assets", "app.js"), "console.log('viewer');\n");
  await fs.writeFile(path.join(viewerDir, "assets", "app.css"), "body { margin: 0 }\n");
  await fs.writeFile(path.join(tmp, "secret.txt"), "TOP SECRET outside the viewer folder\n");
  server = await startServer({ dataDir, viewerDir, port: 0, neo4j: null, log: (m) => logs.push(m) });
});

afterAll(async () => {
  await server?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const get = (p: string, init?: RequestInit) => fetch(new URL(p, server.url), init);

async function json<T>(p: string, status = 200): Promise<T> {
  const res = await get(p);
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return body as T;
}

async function apiError(p: string, status: number, init?: RequestInit): Promise<ApiError> {
  const res = await get(p, init);
  expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  const body = ApiErrorSchema.parse(await res.json());
  expect(res.status, body.error).toBe(status);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/); // no stack traces
  return body;
}

/** A raw request, so that the path reaches the server exactly as written (fetch would normalise `..`). */
function raw(
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: rawPath, method: "GET", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

const linkIdOf = (s: { id: string }, p: string, o: { id: string }) => linkId(s.id, p, o.id);
const nodeIds = (g: GraphResponse) => g.nodes.map((n) => n.id).sort();

describe("GET /api/health and /api/graph", () => {
  it("reports the store's counts", async () => {
    const body = await json<Record<string, unknown>>("/api/health");
    expect(body).toEqual({
      ok: true,
      backend: "store",
      articles: EXPECTED.articles,
      entities: EXPECTED.entities,
      claims: EXPECTED.claims,
      neo4j: false,
    });
  });

  it("returns the whole graph with degrees, claim counts and link aggregates", async () => {
    const g = GraphResponseSchema.parse(await json("/api/graph"));
    expect(g.nodes).toHaveLength(EXPECTED.nodes);
    expect(g.links).toHaveLength(EXPECTED.links);
    expect(g.meta).toEqual({ backend: "store", articles: 3, entities: 11, claims: 8, neo4j: false });
    const china = g.nodes.find((n) => n.id === CHINA.id)!;
    // five supply and relation links, and the flow to Russia
    expect(china).toMatchObject({ name: "China", type: "Country", degree: 6, claims: 6 });
    expect(china.aliases).toContain("Zhōngguó");
    // CSIS is only a source: it is no node, but it is in the link's provenance
    expect(g.nodes.some((n) => n.id === CSIS.id)).toBe(false);
    const tools = g.links.find((l) => l.id === linkIdOf(CHINA, "SUPPLIES", MACHINE_TOOLS))!;
    expect(tools).toMatchObject({ claims: 2, sourceCount: 2, firstYear: 2024, lastYear: 2025, recipients: ["Russia"] });
    expect(tools.sources).toEqual(["CSIS", "Ukraine's Foreign Intelligence Service"]);
    const negated = g.links.find((l) => l.target === LETHAL_WEAPONS.id)!;
    expect(negated.negated).toBe(true);
  });

  it.each([
    ["predicates=ATTACKS", [RUSSIA.id, UKRAINE.id], 1],
    ["hideNegated=true", null, EXPECTED.links - 1],
    ["minSources=2", [CHINA.id, MACHINE_TOOLS.id, RUSSIA.id], 2],
    ["fromYear=2025", null, 4],
    ["fromYear=2024&toYear=2024", null, 4],
    ["types=Country", [CHINA.id, RUSSIA.id, UKRAINE.id], 2],
    ["types=country", [CHINA.id, RUSSIA.id, UKRAINE.id], 2],
    ["predicates=supplies_to", [CHINA.id, RUSSIA.id], 1],
    ["sources=csis", null, 5],
    ["focus=Iskander%20missiles&hops=1", [ISKANDER.id, PERCHLORATE.id], 1],
    ["focus=iskander-m&hops=2", [CHINA.id, ISKANDER.id, PERCHLORATE.id], 2],
    ["focus=country:china&hops=1&predicates=SUPPLIES&hideNegated=1", null, 4],
  ])("filters by %s", async (query, nodes, links) => {
    const g = GraphResponseSchema.parse(await json(`/api/graph?${query}`));
    expect(g.links).toHaveLength(links);
    if (nodes) expect(nodeIds(g)).toEqual([...nodes].sort());
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const l of g.links) expect(ids.has(l.source) && ids.has(l.target)).toBe(true);
  });

  it.each([
    ["hops=eleven", "hops"],
    ["hops=11", "hops"],
    ["predicates=supplies!", "predicates"],
    ["hops=2", "hops"],
    ["fromYear=2025&toYear=2020", "fromYear"],
    ["minSources=-1", "minSources"],
    ["hop=2", "hop"],
    ["focus=Atlantis", "focus"],
  ])("refuses %s with 400 naming %s", async (query, field) => {
    const body = await apiError(`/api/graph?${query}`, 400);
    expect(body.error).toContain(field);
    // a list parameter names the bad item: predicates[0]
    expect(body.issues?.some((i) => i.path === field || i.path.startsWith(`${field}[`))).toBe(true);
  });
});

describe("the fast filtered response", () => {
  it.each([
    "",
    "predicates=SUPPLIES",
    "types=Item,Country",
    "minSources=2",
    "hideNegated=1&fromYear=2025",
    "sources=CSIS",
  ])("equals filterGraph's for %s", (query) => {
    const graph = buildGraph(STORE_DATA.entities, STORE_DATA.claims, STORE_DATA.articles);
    const filter = GraphFilterSchema.parse(Object.fromEntries(new URLSearchParams(query)));
    const m = { backend: "store" as const, articles: 3, entities: 8, claims: 8, neo4j: false };
    const sorted = (g: GraphResponse) => ({
      nodes: [...g.nodes].sort((a, b) => a.id.localeCompare(b.id)),
      links: [...g.links].sort((a, b) => a.id.localeCompare(b.id)),
    });
    const fast = filteredGraphResponse(graph, filter, m);
    expect(sorted(fast)).toEqual(sorted(graphResponse(filterGraph(graph, filter), m)));
    expect(fast.links.length).toBeGreaterThan(0);
  });
});

describe("GET /api/search with sentences", () => {
  it("finds the sentences that contain the words, one per sentence, with the link and flow they support", async () => {
    const body = SearchResponseSchema.parse(await json("/api/search?q=MACHINE%20tools&sentences=5"));
    const hit = body.sentences!.find((s) => s.object === "machine tools")!;
    expect(hit.quote.toLowerCase()).toContain("machine tools");
    expect(hit.linkId).toBe(linkIdOf(CHINA, "SUPPLIES", MACHINE_TOOLS));
    expect(hit.flowId).toBe(linkIdOf(CHINA, "SUPPLIES_TO", RUSSIA));
    const keys = body.sentences!.map((s) => `${s.doc}:${s.quote}`);
    expect(new Set(keys).size).toBe(keys.length);
    // without sentences=N, only entities, as before
    expect((await json<Record<string, unknown>>("/api/search?q=machine")).sentences).toBeUndefined();
  });
});

describe("GET /api/search", () => {
  const search = async (q: string, extra = "") =>
    SearchResponseSchema.parse(await json(`/api/search?q=${encodeURIComponent(q)}${extra}`)).results;

  it("ranks a name prefix before a later word's prefix", async () => {
    const results = await search("ch");
    expect(results.map((r) => r.name)).toEqual(["China", "computer chips"]);
  });

  it("ranks equal matches by how many claims name the entity", async () => {
    // all three names start with "c": China (6 claims), CSIS (4, as the source), computer chips (1)
    const results = await search("c");
    expect(results.slice(0, 3).map((r) => r.id)).toEqual([CHINA.id, CSIS.id, "item:computer-chips"]);
  });

  it("finds later words of a name, case-insensitively", async () => {
    expect((await search("PERCH")).map((r) => r.id)).toEqual([PERCHLORATE.id]);
    expect((await search("missiles"))[0]!.id).toBe(ISKANDER.id);
  });

  it("matches aliases, accent-insensitively, and says which alias matched", async () => {
    const [hit] = await search("zhongguo");
    expect(hit).toMatchObject({ id: CHINA.id, matched: "Zhōngguó" });
    const [csis] = await search("csis");
    expect(csis).toMatchObject({
      id: CSIS.id,
      name: "Center for Strategic and International Studies",
      matched: "CSIS",
    });
  });

  it("puts an exact match first and caps the results", async () => {
    expect((await search("russia"))[0]!.id).toBe(RUSSIA.id);
    expect(await search("c", "&limit=1")).toHaveLength(1);
    expect(await search("no such thing")).toEqual([]);
  });

  it.each(["/api/search", "/api/search?q=", "/api/search?q=%20%20", "/api/search?q=x&limit=0"])(
    "refuses %s with 400",
    async (p) => {
      const body = await apiError(p, 400);
      expect(body.issues?.[0]?.path).toMatch(/^(q|limit)$/);
    },
  );
});

describe("GET /api/entity/:id and /api/evidence/:linkId", () => {
  it("returns an entity with every claim naming it, each with its article", async () => {
    const body = EntityResponseSchema.parse(await json(`/api/entity/${encodeURIComponent(CHINA.id)}`));
    expect(body.entity).toMatchObject({ id: CHINA.id, name: "China" });
    expect(body.claims).toHaveLength(6);
    expect(body.total).toBe(6);
    for (const { claim, article } of body.claims) {
      expect(article?.id).toBe(claim.doc);
      expect(article?.title).toBeTruthy();
    }
  });

  it("lists claims where the entity is only the recipient or the source", async () => {
    const russia = EntityResponseSchema.parse(await json(`/api/entity/${RUSSIA.id}`));
    expect(russia.claims).toHaveLength(7); // 6 as recipient + 1 as attacker
    const csis = EntityResponseSchema.parse(await json(`/api/entity/${CSIS.id}?limit=2&offset=1`));
    expect(csis.total).toBe(4);
    expect(csis.claims).toHaveLength(2);
  });

  it("answers 404 for an unknown entity and 400 for a malformed id", async () => {
    expect((await apiError("/api/entity/country:atlantis", 404)).error).toContain("country:atlantis");
    const bad = await apiError("/api/entity/China", 400);
    expect(bad.issues?.[0]?.path).toBe("id");
  });

  it("returns the evidence of a link: quote, article title, publisher, date and url", async () => {
    const id = linkIdOf(CHINA, "SUPPLIES", MACHINE_TOOLS);
    const body = EvidenceResponseSchema.parse(await json(`/api/evidence/${id}`));
    expect(body.link).toMatchObject({ id, source: CHINA.id, target: MACHINE_TOOLS.id, predicate: "SUPPLIES" });
    expect(body.claims).toHaveLength(2);
    const byDoc = new Map(body.claims.map((c) => [c.claim.doc, c]));
    const csis = byDoc.get("000_ac698359f206abe5")!;
    expect(csis.claim.evidence.quote).toBe("Russia’s defense industry received computer chips, machine tools");
    expect(csis.claim.attributedTo).toEqual(["CSIS"]);
    expect(csis.article).toEqual({
      id: "000_ac698359f206abe5",
      title: "Overnight Russian strikes leave dead and injured in several regions in Ukraine",
      publisher: "Euromaidan Press",
      date: "2026-02-05",
      url: "https://news.example.org/000_ac698359f206abe5",
    });
    expect(byDoc.get("003_0a244f4867f7f563")!.claim.attributedTo).toEqual(["Ukraine's Foreign Intelligence Service"]);
  });

  it("answers 404 for an unknown link and 400 for a malformed link id", async () => {
    await apiError(`/api/evidence/${linkId("a:b", "SUPPLIES", "c:d")}`, 404);
    expect((await apiError("/api/evidence/l_xyz", 400)).issues?.[0]?.path).toBe("linkId");
  });
});

describe("GET /api/neighbors/:id", () => {
  it("returns the neighbourhood subgraph", async () => {
    const one = GraphResponseSchema.parse(await json(`/api/neighbors/${PERCHLORATE.id}`));
    expect(nodeIds(one)).toEqual([CHINA.id, ISKANDER.id, PERCHLORATE.id].sort());
    expect(one.links).toHaveLength(2);
    const two = GraphResponseSchema.parse(await json(`/api/neighbors/${ISKANDER.id}?hops=2`));
    expect(two.nodes).toHaveLength(3);
    const filtered = GraphResponseSchema.parse(await json(`/api/neighbors/${CHINA.id}?hideNegated=true`));
    expect(filtered.nodes.map((n) => n.id)).not.toContain(LETHAL_WEAPONS.id);
    // four items and Russia, whom China supplies
    expect(filtered.nodes).toHaveLength(6);
  });

  it("returns an entity without links alone, 404 for unknown ids, 400 for focus", async () => {
    const csis = GraphResponseSchema.parse(await json(`/api/neighbors/${CSIS.id}`));
    expect(csis.nodes.map((n) => n.id)).toEqual([CSIS.id]);
    await apiError("/api/neighbors/country:atlantis", 404);
    expect((await apiError(`/api/neighbors/${CHINA.id}?focus=x`, 400)).issues?.[0]?.path).toBe("focus");
  });
});

describe("POST /api/claims (the claims table)", () => {
  const post = (body: unknown) =>
    get("/api/claims", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("returns the claims asked for with their articles, once each, and names the ones it lacks", async () => {
    const ids = [CLAIMS[0]!.id, CLAIMS[2]!.id, CLAIMS[0]!.id, "c_0000000000000000"];
    const res = await post({ ids });
    expect(res.status).toBe(200);
    const body = ClaimsResponseSchema.parse(await res.json());
    expect(body.claims.map((c) => c.claim.id).sort()).toEqual([CLAIMS[0]!.id, CLAIMS[2]!.id].sort());
    expect(body.claims[0]!.article?.publisher).toBe("Euromaidan Press");
    expect(body.missing).toEqual(["c_0000000000000000"]);
  });

  it("writes the table as CSV: recipient, via, amount, event time and report time columns", async () => {
    const res = await post({ ids: CLAIMS.map((c) => c.id), format: "csv" });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = csvObjects(await res.text());
    expect(rows).toHaveLength(CLAIMS.length);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["recipient", "via", "amount", "time", "reported"]));
    const perchlorate = rows.find((r) => r.object === "ammonium perchlorate")!;
    expect(perchlorate).toMatchObject({ subject: "China", recipient: "Russia", time: "2024", reported: "2026-02-05" });
  });

  it("refuses a malformed id or too many ids", async () => {
    expect((await post({ ids: ["x"] })).status).toBe(400);
    expect((await post({ ids: Array.from({ length: 5001 }, () => CLAIMS[0]!.id) })).status).toBe(400);
  });
});

describe("GET /api/export", () => {
  it("exports GraphML and GEXF as XML attachments", async () => {
    for (const format of ["graphml", "gexf"]) {
      const res = await get(`/api/export?format=${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toMatch(new RegExp(`attachment; filename="kg-graph\\.${format}"`));
      const text = await res.text();
      expect(text).toMatch(new RegExp(`<${format}[\\s>]`));
      expect(text.match(/<node\b/g)).toHaveLength(EXPECTED.nodes);
      expect(text.match(/<edge\b/g)).toHaveLength(EXPECTED.links);
    }
  });

  it("says so when nothing passes the filters, instead of sending an empty file", async () => {
    const body = await apiError("/api/export?format=graphml&sources=nobody", 404);
    expect(body.error).toMatch(/nothing to export/);
  });

  it("exports graphology JSON with the same filters as /api/graph", async () => {
    const res = await get("/api/export?format=json&predicates=ATTACKS");
    const g = (await res.json()) as { nodes: unknown[]; edges: unknown[] };
    expect(g.nodes).toHaveLength(2);
    expect(g.edges).toHaveLength(1);
  });

  it("exports csv as a JSON object of files, or one file with &file=", async () => {
    const all = (await json("/api/export?format=csv")) as { files: Record<string, string> };
    expect(Object.keys(all.files)).toEqual(expect.arrayContaining(["nodes.csv", "relationships.csv"]));
    expect(all.files["nodes.csv"]!.trim().split("\n")).toHaveLength(EXPECTED.nodes + 1);
    const res = await get("/api/export?format=csv&file=relationships");
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="kg-relationships.csv"');
    expect((await res.text()).trim().split("\n")).toHaveLength(EXPECTED.links + 1);
  });

  it("exports Cypher statements", async () => {
    const text = await (await get("/api/export?format=cypher")).text();
    expect(text).toMatch(/MERGE|CREATE/);
    expect(text).toContain("SUPPLIES");
  });

  it.each([
    ["/api/export", "format"],
    ["/api/export?format=pdf", "format"],
    ["/api/export?format=graphml&file=nodes", "file"],
    ["/api/export?format=json&hops=x", "hops"],
  ])("refuses %s with 400 naming %s", async (p, field) => {
    expect((await apiError(p, 400)).issues?.map((i) => i.path)).toContain(field);
  });
});

describe("POST /api/query without Neo4j", () => {
  const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
    ({ method: "POST", body, headers }) satisfies RequestInit;

  it("answers 503 with what to do", async () => {
    const body = await apiError("/api/query", 503, post(JSON.stringify({ cypher: "MATCH (n) RETURN n LIMIT 1" })));
    expect(body.error).toMatch(/Neo4j/);
    expect(body.error).toMatch(/NEO4J_URI/);
  });

  it("validates the body first: 400, 413, 415", async () => {
    expect((await apiError("/api/query", 400, post(JSON.stringify({ cypher: "" })))).issues?.[0]?.path).toBe("cypher");
    expect(
      (await apiError("/api/query", 400, post(JSON.stringify({ cypher: "RETURN 1", drop: 1 })))).issues?.[0]?.path,
    ).toBe("drop");
    expect((await apiError("/api/query", 400, post("{not json"))).error).toMatch(/not valid JSON/);
    await apiError(
      "/api/query",
      413,
      post(JSON.stringify({ cypher: "RETURN 1", params: { pad: "x".repeat(2_000_000) } })),
    );
    await apiError("/api/query", 415, post("cypher=RETURN 1", { "content-type": "text/plain" }));
  });
});

describe("routing and errors", () => {
  it("answers 404 JSON for an unknown API route and 405 for a wrong method", async () => {
    await apiError("/api/nope", 404);
    const res = await get("/api/graph", { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
    await apiError("/api/query", 405);
  });

  it("refuses a Host header that is not localhost (DNS rebinding)", async () => {
    const res = await raw("/api/health", { host: "attacker.example:80" });
    expect(res.status).toBe(403);
  });

  it("returns article text as JSON data, never as HTML", async () => {
    const res = await get(`/api/entity/${CHINA.id}`);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("static viewer", () => {
  it("serves index.html and assets with content types and security headers", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = res.headers.get("content-security-policy")!;
    for (const part of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "img-src 'self' data: blob:",
      "style-src 'self' 'unsafe-inline'",
    ]) {
      expect(csp).toContain(part);
    }
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toContain("kg viewer");
    const js = await get("/assets/app.js");
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await js.text()).toContain("viewer");
    expect((await get("/assets/app.css")).headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  it("falls back to index.html for page routes, not for missing assets", async () => {
    const page = await get("/entity/country:china");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("kg viewer");
    expect((await get("/assets/missing.js")).status).toBe(404);
  });

  it.each([
    "/../secret.txt",
    "/..%2fsecret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/%2e%2e/secret.txt",
    "/..\\secret.txt",
  ])("refuses the traversal %s", async (p) => {
    const res = await raw(p);
    expect(res.body).not.toContain("TOP SECRET");
    expect([400, 403, 404]).toContain(res.status);
  });

  it("says how to build the viewer when it is not built", async () => {
    const other = await startServer({ dataDir, viewerDir: path.join(tmp, "no-dist"), port: 0, neo4j: null });
    try {
      const res = await fetch(other.url);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain("npm run viewer:build");
      expect((await fetch(new URL("/api/health", other.url))).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe("store changes and empty stores", () => {
  it("serves an empty graph from a folder with no store", async () => {
    const other = await startServer({ dataDir: path.join(tmp, "nothing"), viewerDir, port: 0, neo4j: null });
    try {
      const g = GraphResponseSchema.parse(await (await fetch(new URL("/api/graph", other.url))).json());
      expect(g).toEqual({
        nodes: [],
        links: [],
        meta: { backend: "store", articles: 0, entities: 0, claims: 0, neo4j: false },
      });
      const s = await fetch(new URL("/api/search?q=china", other.url));
      expect(await s.json()).toEqual({ results: [] });
    } finally {
      await other.close();
    }
  });

  it("reloads when the store is rewritten", async () => {
    const dir = path.join(tmp, "changing");
    await writeStore(dir, { ...STORE_DATA, claims: CLAIMS.slice(0, 1) });
    const other = await startServer({ dataDir: dir, viewerDir, port: 0, neo4j: null, log: () => undefined });
    try {
      const before = GraphResponseSchema.parse(await (await fetch(new URL("/api/graph", other.url))).json());
      // the supply link and its flow to Russia
      expect(before.links).toHaveLength(2);
      await writeStore(dir, STORE_DATA);
      const after = GraphResponseSchema.parse(await (await fetch(new URL("/api/graph", other.url))).json());
      expect(after.links).toHaveLength(EXPECTED.links);
      expect(after.meta.claims).toBe(EXPECTED.claims);
    } finally {
      await other.close();
    }
  });
});

describe("Neo4j configured but not answering", () => {
  it("serves the store, says so in the log, and answers Cypher with 503", async () => {
    const seen: string[] = [];
    const other = await startServer({
      dataDir,
      viewerDir,
      port: 0,
      neo4j: { uri: "bolt://127.0.0.1:1", username: "neo4j", password: "x", database: "neo4j" },
      log: (m) => seen.push(m),
    });
    try {
      expect(seen.join("\n")).toMatch(/Neo4j not available, serving the embedded store/);
      const health = (await (await fetch(new URL("/api/health", other.url))).json()) as Record<string, unknown>;
      expect(health).toMatchObject({ backend: "store", neo4j: false, claims: EXPECTED.claims });
      const res = await fetch(new URL("/api/query", other.url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ cypher: "RETURN 1" }),
      });
      expect(res.status).toBe(503);
      expect(((await res.json()) as ApiError).error).toMatch(/bolt:\/\/127\.0\.0\.1:1 is not answering/);
    } finally {
      await other.close();
    }
  });
});

describe("the cached whole-graph response", () => {
  it("is sent gzipped to clients that accept it, and plain to others", async () => {
    const body = { nodes: Array.from({ length: 5000 }, (_, i) => ({ id: `item:n${i}`, name: `node ${i}` })) };
    const cached = new CachedJson(body);
    const plain = createServer((req, res) => void cached.send(req, res));
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    const { port } = plain.address() as { port: number };
    const fetchRaw = (encoding: string) =>
      new Promise<{ headers: Record<string, unknown>; data: Buffer }>((resolve, reject) => {
        const req = httpRequest(
          { host: "127.0.0.1", port, path: "/", headers: { "accept-encoding": encoding } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ headers: res.headers, data: Buffer.concat(chunks) }));
          },
        );
        req.on("error", reject);
        req.end();
      });
    try {
      const gz = await fetchRaw("gzip, deflate");
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(JSON.parse(gunzipSync(gz.data).toString("utf8"))).toEqual(body);
      const raw = await fetchRaw("identity");
      expect(raw.headers["content-encoding"]).toBeUndefined();
      expect(raw.data.length).toBeGreaterThan(gz.data.length * 3);
      expect(JSON.parse(raw.data.toString("utf8"))).toEqual(body);
    } finally {
      plain.close();
    }
  });
});

describe("start-up failures", () => {
  it("names the port in use and the option to change it", async () => {
    const port = Number(new URL(server.url).port);
    await expect(startServer({ dataDir, viewerDir, port, neo4j: null })).rejects.toThrow(
      `127.0.0.1:${port} is already in use: choose another with --port`,
    );
  });

  it("refuses to start on a broken store, naming the file, line and field", async () => {
    const dir = path.join(tmp, "broken");
    await writeStore(dir, STORE_DATA);
    const file = path.join(dir, "claims.jsonl");
    const lines = (await fs.readFile(file, "utf8")).split("\n");
    lines[1] = lines[1]!.replace('"predicate":"', '"predicate":"lower_');
    await fs.writeFile(file, lines.join("\n"));
    await expect(startServer({ dataDir: dir, viewerDir, port: 0, neo4j: null })).rejects.toThrow(
      /claims\.jsonl:2: predicate/,
    );
  });

  it("keeps serving the last good store when a rewrite cannot be read", async () => {
    const dir = path.join(tmp, "turns-bad");
    await writeStore(dir, STORE_DATA);
    const seen: string[] = [];
    const other = await startServer({ dataDir: dir, viewerDir, port: 0, neo4j: null, log: (m) => seen.push(m) });
    try {
      await fs.writeFile(path.join(dir, "claims.jsonl"), "{not json\n");
      await fs.writeFile(path.join(dir, "store.json"), JSON.stringify({ format: 1, touched: true }));
      const g = GraphResponseSchema.parse(await (await fetch(new URL("/api/graph?minSources=0", other.url))).json());
      expect(g.links).toHaveLength(EXPECTED.links);
      expect(seen.join("\n")).toMatch(/still serving the previous version: .*claims\.jsonl:1/);
    } finally {
      await other.close();
    }
  });
});
