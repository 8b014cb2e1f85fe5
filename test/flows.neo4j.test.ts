import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateFlows } from "../src/model/flow.js";
import { LINK_AGGREGATE_FIELDS, linkId } from "../src/model/link.js";
import { articleFactsOf } from "../src/model/sources.js";
import { DEFAULT_VOCABULARY } from "../src/model/vocabulary.js";
import { neo4jConfigFromEnv } from "../src/neo4j/config.js";
import { connect } from "../src/neo4j/connect.js";
import { clearDatabase, loadIntoNeo4j } from "../src/neo4j/load.js";
import { Neo4jSource } from "../src/server/neo4j-source.js";
import type { StoreData } from "../src/store/store.js";
import { buildClaim, CLAIMS, fixtureStore } from "./load-fixtures.js";

/**
 * Supply flows and route legs in Neo4j after `kg load`: every supplier of Russia is one
 * SUPPLIES_TO away from it, routes are chains of ROUTES_TO, and they stay equal to the store's
 * through a reload, a re-ingested article and a load that died before its flows were written.
 */
const config = neo4jConfigFromEnv();
const { database } = config;
let driver: Driver;

beforeAll(async () => {
  driver = await connect(config);
  await clearDatabase(driver, database);
});
afterAll(async () => {
  await driver?.close();
});

const load = (data: StoreData) =>
  loadIntoNeo4j(driver, data, { database, vocabulary: DEFAULT_VOCABULARY, batchSize: 5 });

async function rows(cypher: string, params: Record<string, unknown> = {}) {
  return (await driver.executeQuery(cypher, params, { database })).records.map((r) => r.toObject());
}

/** Flows and route legs as Neo4j holds them, comparable with the store's aggregateFlows. */
async function flowsInNeo4j() {
  const fields = LINK_AGGREGATE_FIELDS.map((f) => `l.${f} AS ${f}`).join(", ");
  return rows(
    `MATCH (s:Entity)-[l:SUPPLIES_TO|ROUTES_TO]->(o:Entity)
     RETURN l.id AS id, s.id AS source, o.id AS target, type(l) AS predicate, ${fields}
     ORDER BY id`,
  );
}

const storeFlows = (data: StoreData) => aggregateFlows(data.claims, articleFactsOf(data.articles));

describe("flows in Neo4j", () => {
  const full = fixtureStore();

  it("after a load, every supplier of Russia is one SUPPLIES_TO away, with the items", async () => {
    const s = await load(full);
    expect(s.flows.removed).toBe(0);
    expect(s.flows.updated).toBe(storeFlows(full).length);
    const suppliers = await rows(
      `MATCH (s:Entity)-[f:SUPPLIES_TO]->(:Entity {id: "country:russia"})
       RETURN s.name AS supplier, f.items AS items, f.negated AS negated ORDER BY supplier`,
    );
    expect(suppliers).toEqual([
      { supplier: "China", items: expect.arrayContaining(["machine tools", "assault rifles"]), negated: false },
      { supplier: "Hong Kong", items: ["chips"], negated: false },
      { supplier: "Iran", items: ["weapons"], negated: false },
      { supplier: "North Korea", items: ["weapons"], negated: false },
      { supplier: "Texas Instruments", items: ["chips"], negated: false },
    ]);
    expect(await flowsInNeo4j()).toEqual(storeFlows(full));
  });

  it("a route is a path of ROUTES_TO legs: China → Turkey → UAE → Russia", async () => {
    const r = await rows(
      `MATCH p = (:Entity {id: "country:china"})-[:ROUTES_TO*]->(:Entity {id: "country:russia"})
       RETURN [n IN nodes(p) | n.name] AS stops`,
    );
    expect(r.map((x) => x.stops)).toEqual([["China", "Turkey", "United Arab Emirates", "Russia"]]);
    // Texas Instruments' denial of selling to Hong Kong is a denied flow, not a route
    const ti = await rows(
      `MATCH (:Entity {id: "organization:texas-instruments"})-[f:SUPPLIES_TO]->(h:Entity {id: "place:hong-kong"})
       RETURN f.negated AS negated, f.deniedItems AS denied`,
    );
    expect(ti).toEqual([{ negated: true, denied: ["chips"] }]);
  });

  it("loading the same store again writes no flow", async () => {
    const before = await flowsInNeo4j();
    const s = await load(full);
    expect(s.flows).toEqual({ updated: 0, removed: 0 });
    expect(await flowsInNeo4j()).toEqual(before);
  });

  it("a re-ingested article whose route changed: the legs go, the flow follows its claims", async () => {
    const routed = full.claims.find((c) => c.subjectId === "organization:texas-instruments" && c.viaIds)!;
    const direct = buildClaim({
      ...CLAIMS.find((c) => c.s[1] === "Texas Instruments" && c.via)!,
      via: undefined,
      quote: "US semiconductors have continued to flow to Russian military-linked companies",
    });
    const reingested: StoreData = { ...full, claims: [...full.claims.filter((c) => c.id !== routed.id), direct] };
    const s = await load(reingested);
    expect(s.claims.removed).toBe(1);
    const legs = await rows(
      `MATCH (a:Entity)-[:ROUTES_TO]->(b:Entity) WHERE "place:hong-kong" IN [a.id, b.id] RETURN a.id AS a, b.id AS b`,
    );
    expect(legs).toEqual([]);
    const flow = linkId("organization:texas-instruments", "SUPPLIES_TO", "country:russia");
    const [ti] = await rows(`MATCH ()-[f:SUPPLIES_TO {id: $id}]->() RETURN f.claimIds AS ids, f.via AS via`, {
      id: flow,
    });
    expect(ti).toEqual({ ids: [direct.id], via: [] });
    expect(await flowsInNeo4j()).toEqual(storeFlows(reingested));
  });

  it("a load that died before writing its flows is completed by the next one", async () => {
    // what a load killed between its claims and its flows leaves: pending claims, no flows
    await driver.executeQuery(
      `MATCH ()-[f:SUPPLIES_TO|ROUTES_TO]->() DELETE f
       WITH count(*) AS gone MATCH (c:Claim {predicate: "SUPPLIES"}) SET c.flowPending = true`,
      {},
      { database },
    );
    const s = await load(full);
    expect(s.flows.updated).toBe(storeFlows(full).length);
    expect(await flowsInNeo4j()).toEqual(storeFlows(full));
    expect(await rows("MATCH (c:Claim) WHERE c.flowPending = true RETURN c.id")).toEqual([]);
  });

  it("a flow that claims of two stores support, loaded one after the other, counts the claims of both", async () => {
    await clearDatabase(driver, database);
    const first = fixtureStore(["kyivpost", "chinaAssist"]);
    const second = fixtureStore(["ukrIntel", "nitro"]);
    await load(first);
    await load(second);
    const both: StoreData = {
      articles: [...first.articles, ...second.articles],
      entities: first.entities,
      claims: [...first.claims, ...second.claims],
    };
    const flow = linkId("country:china", "SUPPLIES_TO", "country:russia");
    const [china] = await flowsInNeo4j().then((all) => all.filter((f) => f.id === flow));
    expect(china).toEqual(storeFlows(both).find((f) => f.id === flow));
    expect(china!.articles).toEqual(expect.arrayContaining(["002_53aa1e862d9e80ee", "003_0a244f4867f7f563"]));
  });

  it("an article's new publisher is counted as the source of its unattributed claims, on links and flows", async () => {
    await clearDatabase(driver, database);
    await load(full);
    const renamed: StoreData = {
      ...full,
      articles: full.articles.map((a) => (a.id === "002_53aa1e862d9e80ee" ? { ...a, publisher: "Vision Times" } : a)),
    };
    await load(renamed);
    // North Korea's weapons are in that article, attributed to no one
    const [nk] = await rows(
      `MATCH (:Entity {id: "country:north-korea"})-[f:SUPPLIES_TO]->(:Entity {id: "country:russia"}) RETURN f.sources AS sources`,
    );
    expect(nk).toEqual({ sources: ["Vision Times"] });
    const [link] = await rows(
      `MATCH (:Entity {id: "country:north-korea"})-[l:SUPPLIES]->(:Entity {id: "item:weapons"}) RETURN l.sources AS sources`,
    );
    expect(link).toEqual({ sources: ["Vision Times"] });
    expect(await flowsInNeo4j()).toEqual(storeFlows(renamed));
  });

  it("the API finds a flow's evidence in Neo4j: the claims behind it, with their articles", async () => {
    const source = new Neo4jSource(driver, database);
    const flow = linkId("country:north-korea", "SUPPLIES_TO", "country:russia");
    const ev = await source.evidence(flow, { limit: 10, offset: 0 });
    expect(ev?.link).toMatchObject({ predicate: "SUPPLIES_TO", items: ["weapons"] });
    expect(ev?.claims.map((c) => c.claim.evidence.quote)).toEqual([
      "China has provided Russia with lethal weapons like Iran and North Korea",
    ]);
    expect(ev?.claims[0]?.article?.id).toBe("002_53aa1e862d9e80ee");
  });

  it("event and report times on the claims: the article's date as reportedOn, eventTime only when stated", async () => {
    const r = await rows(
      `MATCH (c:Claim) WHERE c.quote STARTS WITH "In 2023, the amount nearly doubled"
       RETURN c.eventTime AS eventTime, c.reportedOn AS reportedOn`,
    );
    expect(r).toEqual([{ eventTime: "2023", reportedOn: "2024-05-02" }]);
  });
});
