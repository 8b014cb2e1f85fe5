import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateFlows } from "../src/model/flow.js";
import { aggregateLinks, LINK_AGGREGATE_FIELDS, linkId } from "../src/model/link.js";
import { articleFactsOf } from "../src/model/sources.js";
import { entityId } from "../src/model/entity.js";
import { DEFAULT_VOCABULARY } from "../src/model/vocabulary.js";
import { neo4jConfigFromEnv } from "../src/neo4j/config.js";
import { connect } from "../src/neo4j/connect.js";
import { clearDatabase, loadIntoNeo4j } from "../src/neo4j/load.js";
import { writeStore, type StoreData } from "../src/store/store.js";
import { buildClaim, CLAIMS, fixtureStore } from "./load-fixtures.js";
import { graphCounts } from "../scripts/gen/bench-common.js";

// `kg load` against the real Neo4j: counts, idempotence, incremental loads, re-ingested
// articles, and hostile entity names stored as plain data.
const config = neo4jConfigFromEnv();
const { database } = config;
const root = path.resolve(import.meta.dirname, "..");
let driver: Driver;
const tmp = mkdtempSync(path.join(os.tmpdir(), "kg-load-test-"));

beforeAll(async () => {
  driver = await connect(config);
  await clearDatabase(driver, database);
});
afterAll(async () => {
  await driver?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function one<T = unknown>(cypher: string, params: Record<string, unknown> = {}): Promise<T> {
  const r = await driver.executeQuery(cypher, params, { database });
  return r.records[0]?.get(0) as T;
}

const counts = () => graphCounts(driver, database);

/** Every direct link (relation links, flows, route legs) with its aggregate, comparable with the store's. */
async function linksInNeo4j() {
  const fields = LINK_AGGREGATE_FIELDS.map((f) => `l.${f} AS ${f}`).join(", ");
  const r = await driver.executeQuery(
    `MATCH (s:Entity)-[l]->(o:Entity)
     RETURN l.id AS id, s.id AS source, o.id AS target, type(l) AS predicate, ${fields}, l.dirty AS dirty
     ORDER BY id`,
    {},
    { database },
  );
  return r.records.map((x) => x.toObject());
}

const load = (data: StoreData, batchSize = 7) =>
  loadIntoNeo4j(driver, data, { database, vocabulary: DEFAULT_VOCABULARY, batchSize });

function expectedLinks(data: StoreData) {
  const facts = articleFactsOf(data.articles);
  return [...aggregateLinks(data.claims, facts), ...aggregateFlows(data.claims, facts)]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((l) => ({ ...l, dirty: null }));
}

describe("kg load", () => {
  const full = fixtureStore();

  it("loads every article, entity and claim with its relationships, and one link per (subject, predicate, object)", async () => {
    const s = await load(full);
    expect(s.claims).toEqual({ written: full.claims.length, unchanged: 0, removed: 0 });
    const c = await counts();
    expect(c.claims).toBe(full.claims.length);
    expect(c.articles).toBe(full.articles.length);
    expect(c.entities).toBe(full.entities.length);
    expect(c.links).toBe(expectedLinks(full).length);
    const roles =
      full.claims.length * 3 +
      full.claims.filter((x) => x.recipientId).length +
      full.claims.reduce((n, x) => n + (x.viaIds?.length ?? 0) + (x.attributedToIds?.length ?? 0), 0);
    expect(c.relationships).toBe(roles + c.links);
    // the aggregates are exactly the store's (the same function computes the viewer's links)
    expect(await linksInNeo4j()).toEqual(expectedLinks(full));
  });

  it("keeps the provenance: China supplies ammonium perchlorate to Russia according to CSIS, in the Kyiv Post article", async () => {
    const r = await driver.executeQuery(
      `MATCH (china:Country {id: "country:china"})<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(:Item {name: "ammonium perchlorate"}),
             (c)-[:RECIPIENT]->(r:Entity), (c)-[:ATTRIBUTED_TO]->(src:Organization), (c)-[:STATED_IN]->(a:Article)
       MATCH (china)-[l:SUPPLIES]->(:Item {name: "ammonium perchlorate"})
       RETURN r.name AS recipient, src.name AS source, a.publisher AS publisher, c.quote AS quote, c.time AS time,
              l.sources AS linkSources, l.claimIds AS linkClaims, c.id AS claim`,
      {},
      { database },
    );
    expect(r.records).toHaveLength(1);
    const row = r.records[0]!.toObject();
    expect(row).toMatchObject({
      recipient: "Russia",
      source: "CSIS",
      publisher: "Kyiv Post",
      quote: "China increased sales of ammonium perchlorate",
      time: "2024",
      linkSources: ["CSIS"],
    });
    expect(row.linkClaims).toEqual([row.claim]);
    // the full-text index finds an entity by alias
    const hit = await one<string>(
      `CALL db.index.fulltext.queryNodes("entity_names", "Strategic") YIELD node RETURN node.id LIMIT 1`,
    );
    expect(hit).toBe("organization:csis");
  });

  it("loading the same store again writes nothing and changes no count", async () => {
    const before = await counts();
    const linksBefore = await linksInNeo4j();
    const s = await load(full);
    expect(s.claims).toEqual({ written: 0, unchanged: full.claims.length, removed: 0 });
    expect(s.entities.written).toBe(0);
    expect(s.articles.written).toBe(0);
    expect(s.links).toEqual({ updated: 0, removed: 0 });
    expect(await counts()).toEqual(before);
    expect(await linksInNeo4j()).toEqual(linksBefore);
  });

  it("an incremental load adds only the new article's claims and updates the links' aggregates", async () => {
    await clearDatabase(driver, database);
    const without = fixtureStore(["kyivpost", "chinaAssist", "tiChips", "nitro"]);
    await load(without);
    const machineTools = linkId("country:china", "SUPPLIES", "item:machine-tools");
    const before = await one<number>(`MATCH ()-[l:SUPPLIES {id: $id}]->() RETURN l.sourceCount`, { id: machineTools });
    expect(before).toBe(2);

    const s = await load(full);
    const added = full.claims.length - without.claims.length;
    expect(s.claims).toEqual({ written: added, unchanged: without.claims.length, removed: 0 });
    expect((await counts()).claims).toBe(full.claims.length);
    const l = (
      await driver.executeQuery(
        `MATCH ()-[l:SUPPLIES {id: $id}]->() RETURN l {.*} AS l`,
        { id: machineTools },
        { database },
      )
    ).records[0]!.get("l") as Record<string, unknown>;
    expect(l).toMatchObject({
      claims: 3,
      sourceCount: 3,
      sources: ["CSIS", "Foreign Intelligence Service of Ukraine", "U.S. intelligence agencies"],
      firstYear: 2023,
      lastYear: 2025,
    });
    // the new article's denial makes China → gunpowder contested
    const gunpowder = await one<boolean>(
      `MATCH (:Entity {id: "country:china"})-[l:SUPPLIES]->(:Entity {id: "item:gunpowder"}) RETURN l.contested`,
    );
    expect(gunpowder).toBe(true);
    expect(await linksInNeo4j()).toEqual(expectedLinks(full));
  });

  it("a re-ingested article whose claims changed or disappeared: Neo4j drops and rewrites them, links follow", async () => {
    const kyiv = "000_ac698359f206abe5";
    const chips = full.claims.find((c) => c.doc === kyiv && c.object === "computer chips")!;
    const perchlorate = full.claims.find((c) => c.object === "ammonium perchlorate")!;
    const changed = { ...perchlorate, attributedTo: ["Reuters"], attributedToIds: ["organization:reuters"] };
    const reingested: StoreData = {
      ...full,
      entities: [
        ...full.entities,
        { id: "organization:reuters", type: "Organization", name: "Reuters", aliases: [], merges: [] },
      ],
      claims: full.claims.filter((c) => c.id !== chips.id).map((c) => (c.id === perchlorate.id ? changed : c)),
    };
    const s = await load(reingested);
    expect(s.claims).toEqual({ written: 1, unchanged: full.claims.length - 2, removed: 2 });
    expect((await counts()).claims).toBe(full.claims.length - 1);
    expect(await one<number>(`MATCH (c:Claim {id: $id}) RETURN count(c)`, { id: chips.id })).toBe(0);
    // the chips link rested on that claim alone: gone
    const chipsLink = linkId("country:china", "SUPPLIES", "item:computer-chips");
    expect(await one<number>(`MATCH ()-[l:SUPPLIES {id: $id}]->() RETURN count(l)`, { id: chipsLink })).toBe(0);
    expect(
      await one<string[]>(`MATCH (c:Claim {id: $id})-[:ATTRIBUTED_TO]->(s) RETURN collect(s.name)`, {
        id: perchlorate.id,
      }),
    ).toEqual(["Reuters"]);
    expect(await linksInNeo4j()).toEqual(expectedLinks(reingested));
    // an entity's claims are those naming it in any role (docs/model.md, "Counts")
    expect(await one<number>(`MATCH (e:Entity {id: "country:china"}) RETURN e.claims`)).toBe(
      reingested.claims.filter((c) =>
        [c.subjectId, c.objectId, c.recipientId, ...(c.viaIds ?? []), ...(c.attributedToIds ?? [])].includes(
          "country:china",
        ),
      ).length,
    );
  });

  it("stores names with quotes, backticks, braces and Cypher keywords as plain data", async () => {
    await clearDatabase(driver, database);
    const hostile = [
      "x'}) DETACH DELETE n //",
      "Robert`); MATCH (n) DETACH DELETE n; //",
      'Acme "Trading" {LLC}',
      "$name",
    ];
    const base = fixtureStore(["kyivpost"]);
    const extra = hostile.map((name, i) => {
      const spec = { ...CLAIMS[0]!, s: ["Organization", name] as [string, string] };
      const c = buildClaim(spec);
      return { ...c, subject: name, confidence: 0.5 + i / 100 };
    });
    const data: StoreData = {
      ...base,
      entities: [
        ...base.entities,
        ...hostile.map((name) => ({
          id: entityId("Organization", name),
          type: "Organization",
          name,
          aliases: [name],
          merges: [],
        })),
      ],
      claims: [...base.claims, ...extra],
    };
    await load(data);
    const names = await one<string[]>(`MATCH (e:Organization) WHERE e.id IN $ids RETURN collect(e.name)`, {
      ids: hostile.map((n) => entityId("Organization", n)),
    });
    expect([...names].sort()).toEqual([...hostile].sort());
    expect((await counts()).claims).toBe(data.claims.length);
    // and `kg query` passes them back as parameters, not as Cypher
    const out = spawnSync(
      "node",
      [
        "bin/kg.js",
        "query",
        "MATCH (e:Entity {name: $n})<-[:SUBJECT]-(c:Claim) RETURN e.name AS name, count(c) AS claims",
        "--param",
        `n=${hostile[0]}`,
        "--format",
        "json",
      ],
      { cwd: root, encoding: "utf8", env: process.env },
    );
    expect(out.stderr).toBe("");
    expect(JSON.parse(out.stdout).rows).toEqual([{ name: hostile[0], claims: 1 }]);
  });

  it("refuses a claim whose predicate is not in the vocabulary, before writing anything", async () => {
    await clearDatabase(driver, database);
    const data = fixtureStore(["kyivpost"]);
    const bad = { ...data.claims[0]!, predicate: "FINANCES" };
    await expect(load({ ...data, claims: [...data.claims, bad] })).rejects.toThrow(/unknown relation type "FINANCES"/);
    expect((await counts()).nodes).toBe(0);
  });
});

describe("kg load (the command)", () => {
  const dir = path.join(tmp, "store");
  const kg = (...args: string[]) =>
    spawnSync("node", ["bin/kg.js", ...args], { cwd: root, encoding: "utf8", env: process.env, timeout: 120_000 });

  it("loads a store folder and reports what it wrote", async () => {
    await clearDatabase(driver, database);
    const data = fixtureStore();
    await writeStore(dir, data);
    const r = kg("load", "--data", dir, "--batch-size", "5");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`claims ${data.claims.length} written, 0 unchanged, 0 removed`));
    expect((await counts()).claims).toBe(data.claims.length);
  });

  it("--reset refuses without --yes when not on a terminal, and changes nothing", async () => {
    const before = await counts();
    const r = kg("load", "--data", dir, "--reset");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--reset deletes everything .* add --yes/);
    expect(await counts()).toEqual(before);
  });

  it("--reset --yes empties the database first and loads the store again", async () => {
    await driver.executeQuery("CREATE (:Entity {id: 'country:atlantis', name: 'Atlantis'})", {}, { database });
    const r = kg("load", "--data", dir, "--reset", "--yes");
    expect(r.status, r.stderr).toBe(0);
    expect(await one<number>("MATCH (e:Entity {id: 'country:atlantis'}) RETURN count(e)")).toBe(0);
    expect((await counts()).claims).toBe(fixtureStore().claims.length);
  });

  it("names the folder when there is no store", () => {
    const r = kg("load", "--data", path.join(tmp, "nothing-here"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("nothing-here: no store here");
  });
});
