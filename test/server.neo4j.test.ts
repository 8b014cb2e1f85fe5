import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiErrorSchema,
  DEFAULT_VOCABULARY,
  EntityResponseSchema,
  EvidenceResponseSchema,
  GraphResponseSchema,
  linkId,
  QueryResponseSchema,
  SearchResponseSchema,
  type GraphResponse,
} from "../src/model/index.js";
import { neo4jConfigFromEnv } from "../src/neo4j/config.js";
import { connect } from "../src/neo4j/connect.js";
import { loadIntoNeo4j } from "../src/neo4j/load.js";
import { startServer, type RunningServer } from "../src/server/server.js";
import { writeStore } from "../src/store/store.js";
import { CHINA, CSIS, EXPECTED, MACHINE_TOOLS, PERCHLORATE, STORE_DATA } from "./server-fixture.js";

// The API against the real Neo4j, loaded with `kg load`'s loader from the same fixture the store
// tests use; a second server on the store alone gives the answers Neo4j must match.
const config = neo4jConfigFromEnv();
let driver: Driver;
let tmp: string;
let neo: RunningServer;
let storeOnly: RunningServer;

beforeAll(async () => {
  driver = await connect(config);
  await driver.executeQuery("MATCH (n) DETACH DELETE n", {}, { database: config.database });
  await loadIntoNeo4j(driver, STORE_DATA, {
    database: config.database,
    vocabulary: DEFAULT_VOCABULARY,
    batchSize: 100,
  });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kg-server-neo4j-"));
  await writeStore(path.join(tmp, "data"), STORE_DATA);
  const quiet = { log: () => undefined, viewerDir: path.join(tmp, "dist"), port: 0 };
  // Neo4j's answers must not come from the store: this server's store folder is empty
  neo = await startServer({
    ...quiet,
    dataDir: path.join(tmp, "empty"),
    neo4j: config,
    rowLimit: 3,
    queryTimeoutMs: 5_000,
  });
  storeOnly = await startServer({ ...quiet, dataDir: path.join(tmp, "data"), neo4j: null });
});

afterAll(async () => {
  await neo?.close();
  await storeOnly?.close();
  await driver?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

async function getJson(server: RunningServer, p: string, status = 200): Promise<unknown> {
  const res = await fetch(new URL(p, server.url));
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return body;
}

function query(body: unknown) {
  return fetch(new URL("/api/query", neo.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** A graph in a comparable form: sorted nodes and links, meta left out. */
function shape(g: GraphResponse) {
  return {
    nodes: [...g.nodes].sort((a, b) => a.id.localeCompare(b.id)),
    links: [...g.links].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

describe("kg serve with Neo4j", () => {
  it("reports Neo4j as its backend, with Neo4j's counts", async () => {
    expect(await getJson(neo, "/api/health")).toEqual({
      ok: true,
      backend: "neo4j",
      articles: EXPECTED.articles,
      entities: EXPECTED.entities,
      claims: EXPECTED.claims,
      neo4j: true,
    });
  });

  it("GET /api/graph reads the direct relationships from Neo4j, identical to the store's graph", async () => {
    const g = GraphResponseSchema.parse(await getJson(neo, "/api/graph"));
    expect(g.meta).toEqual({ backend: "neo4j", articles: 3, entities: 11, claims: 8, neo4j: true });
    expect(g.nodes).toHaveLength(EXPECTED.nodes);
    expect(g.links).toHaveLength(EXPECTED.links);
    const fromStore = GraphResponseSchema.parse(await getJson(storeOnly, "/api/graph"));
    expect(shape(g)).toEqual(shape(fromStore));
  });

  it.each([
    "predicates=ATTACKS",
    "hideNegated=true",
    "minSources=2",
    "fromYear=2025",
    "toYear=2024",
    "types=Item,Country",
    "sources=csis",
    "focus=Iskander%20missiles&hops=2",
    "focus=iskander-m&hops=1",
    "focus=country:china&hops=1&hideNegated=true",
  ])("filters by %s exactly as the store does", async (q) => {
    const g = GraphResponseSchema.parse(await getJson(neo, `/api/graph?${q}`));
    expect(g.meta.backend).toBe("neo4j");
    const fromStore = GraphResponseSchema.parse(await getJson(storeOnly, `/api/graph?${q}`));
    expect(shape(g)).toEqual(shape(fromStore));
  });

  it("refuses an unknown focus with 400 naming it", async () => {
    const body = ApiErrorSchema.parse(await getJson(neo, "/api/graph?focus=Atlantis", 400));
    expect(body.issues?.[0]?.path).toBe("focus");
  });

  it("GET /api/neighbors expands from Neo4j", async () => {
    for (const [id, hops] of [
      [PERCHLORATE.id, 1],
      [PERCHLORATE.id, 2],
      [CHINA.id, 1],
    ] as const) {
      const g = GraphResponseSchema.parse(await getJson(neo, `/api/neighbors/${id}?hops=${hops}`));
      expect(g.meta.backend).toBe("neo4j");
      const fromStore = GraphResponseSchema.parse(await getJson(storeOnly, `/api/neighbors/${id}?hops=${hops}`));
      expect(shape(g)).toEqual(shape(fromStore));
    }
    await getJson(neo, "/api/neighbors/country:atlantis", 404);
  });

  it("GET /api/entity and /api/evidence read claims and articles from Neo4j", async () => {
    const china = EntityResponseSchema.parse(await getJson(neo, `/api/entity/${CHINA.id}`));
    const chinaStore = EntityResponseSchema.parse(await getJson(storeOnly, `/api/entity/${CHINA.id}`));
    expect(china.total).toBe(6);
    expect(china.claims).toEqual(chinaStore.claims);
    const csis = EntityResponseSchema.parse(await getJson(neo, `/api/entity/${CSIS.id}?limit=1`));
    expect(csis.total).toBe(4);
    expect(csis.claims).toHaveLength(1);

    const id = linkId(CHINA.id, "SUPPLIES", MACHINE_TOOLS.id);
    const evidence = EvidenceResponseSchema.parse(await getJson(neo, `/api/evidence/${id}`));
    const evidenceStore = EvidenceResponseSchema.parse(await getJson(storeOnly, `/api/evidence/${id}`));
    expect(evidence).toEqual(evidenceStore);
    expect(evidence.claims.map((c) => c.article?.publisher).sort()).toEqual(["Army Recognition", "Euromaidan Press"]);
    await getJson(neo, `/api/evidence/${linkId("a:b", "SUPPLIES", "c:d")}`, 404);
    await getJson(neo, "/api/entity/country:atlantis", 404);
  });

  it("GET /api/entity keeps the store's merge reasons when the store has the entity", async () => {
    const both = await startServer({
      dataDir: path.join(tmp, "data"),
      viewerDir: path.join(tmp, "dist"),
      port: 0,
      neo4j: config,
      log: () => undefined,
    });
    try {
      const china = EntityResponseSchema.parse(await getJson(both, `/api/entity/${CHINA.id}`));
      expect(china.entity.merges.map((m) => m.alias)).toEqual(["Beijing", "PRC", "Zhōngguó"]);
      expect(china.total).toBe(6);
      const health = (await getJson(both, "/api/health")) as { backend: string };
      expect(health.backend).toBe("neo4j");
    } finally {
      await both.close();
    }
  });

  it("GET /api/search finds entities loaded into Neo4j", async () => {
    const { results } = SearchResponseSchema.parse(await getJson(neo, "/api/search?q=csis"));
    expect(results[0]).toMatchObject({ id: CSIS.id, matched: "CSIS" });
  });

  it("GET /api/export exports the graph Neo4j holds", async () => {
    const res = await fetch(new URL("/api/export?format=json&predicates=SUPPLIES", neo.url));
    const g = (await res.json()) as { nodes: unknown[]; edges: unknown[] };
    expect(g.edges).toHaveLength(5);
  });
});

describe("POST /api/query", () => {
  it("returns rows, nodes and links of a read query, with integer parameters", async () => {
    const res = await query({
      cypher:
        "MATCH (s:Entity {id: $id})-[r:SUPPLIES]->(o:Entity) WHERE NOT r.negated RETURN s, r, o ORDER BY o.id LIMIT $n",
      params: { id: CHINA.id, n: 3 },
    });
    const body = QueryResponseSchema.parse(await res.json());
    expect(res.status).toBe(200);
    expect(body.columns).toEqual(["s", "r", "o"]);
    expect(body.rows).toHaveLength(3);
    expect(body.links).toHaveLength(3);
    expect(body.links.every((l) => l.source === CHINA.id && l.predicate === "SUPPLIES")).toBe(true);
    expect(body.nodes.map((n) => n.id)).toContain(CHINA.id);
    expect(body.truncated).toBe(false);
  });

  it("caps the rows at the configured row limit", async () => {
    const body = QueryResponseSchema.parse(await (await query({ cypher: "MATCH (c:Claim) RETURN c.id AS id" })).json());
    expect(body.rows).toHaveLength(3);
    expect(body.truncated).toBe(true);
  });

  it.each([
    "CREATE (n:Injected {name: 'x'}) RETURN n",
    "MATCH (e:Entity {id: 'country:china'}) SET e.name = 'Changed'",
    "MATCH (n) DETACH DELETE n",
  ])("refuses the write %s with 403 and changes nothing", async (cypher) => {
    const res = await query({ cypher });
    const body = ApiErrorSchema.parse(await res.json());
    expect(res.status, body.error).toBe(403);
    expect(body.error).toMatch(/read-only/);
    const count = async (cypher: string) =>
      (await driver.executeQuery(cypher, {}, { database: config.database })).records[0]!.get(0) as unknown;
    expect(await count("MATCH (n:Injected) RETURN count(n)")).toBe(0);
    expect(await count("MATCH (e:Entity {id: 'country:china'}) RETURN e.name")).toBe("China");
    expect(await count("MATCH (c:Claim) RETURN count(c)")).toBe(EXPECTED.claims);
  });

  it("stops a query that runs past the timeout with 504", async () => {
    const quick = await startServer({
      dataDir: path.join(tmp, "data"),
      viewerDir: path.join(tmp, "dist"),
      port: 0,
      neo4j: config,
      queryTimeoutMs: 300,
      log: () => undefined,
    });
    try {
      const res = await fetch(new URL("/api/query", quick.url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ cypher: "UNWIND range(1, 2000000000) AS x RETURN count(x) AS n" }),
      });
      const body = ApiErrorSchema.parse(await res.json());
      expect(res.status, body.error).toBe(504);
      expect(body.error).toMatch(/300 ms/);
    } finally {
      await quick.close();
    }
  });

  it("answers a syntax error with 400 and where it is", async () => {
    const res = await query({ cypher: "MATCH (n RETURN n" });
    const body = ApiErrorSchema.parse(await res.json());
    expect(res.status).toBe(400);
    expect(body.error).toMatch(/line 1/);
  });
});

describe("an empty Neo4j next to a filled store", () => {
  it("serves the graph from the store and keeps Cypher available", async () => {
    await driver.executeQuery("MATCH (n) DETACH DELETE n", {}, { database: config.database });
    const logs: string[] = [];
    const server = await startServer({
      dataDir: path.join(tmp, "data"),
      viewerDir: path.join(tmp, "dist"),
      port: 0,
      neo4j: config,
      log: (m) => logs.push(m),
    });
    try {
      const g = GraphResponseSchema.parse(await getJson(server, "/api/graph"));
      expect(g.meta).toEqual({ backend: "store", articles: 3, entities: 11, claims: 8, neo4j: true });
      expect(g.links).toHaveLength(EXPECTED.links);
      expect(logs.join("\n")).toMatch(/kg load/);
      const res = await fetch(new URL("/api/query", server.url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ cypher: "MATCH (n) RETURN count(n) AS n" }),
      });
      expect(res.status).toBe(200);
      expect(QueryResponseSchema.parse(await res.json()).rows).toEqual([{ n: 0 }]);
    } finally {
      await server.close();
    }
  });
});
