import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_VOCABULARY } from "../src/model/vocabulary.js";
import { neo4jConfigFromEnv } from "../src/neo4j/config.js";
import { connect } from "../src/neo4j/connect.js";
import { clearDatabase, loadIntoNeo4j } from "../src/neo4j/load.js";
import { parseQueryFile, resolveParams } from "../src/neo4j/query-file.js";
import { runQuery } from "../src/neo4j/query.js";
import { fixtureStore } from "./load-fixtures.js";

// Every file of the query library runs as is (with its declared defaults) on the graph loaded
// from the hand-written sample claims, and answers what its header says it answers.
const config = neo4jConfigFromEnv();
const { database } = config;
const dir = path.resolve(import.meta.dirname, "../queries");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".cypher"))
  .sort();
let driver: Driver;

beforeAll(async () => {
  driver = await connect(config);
  await clearDatabase(driver, database);
  await loadIntoNeo4j(driver, fixtureStore(), { database, vocabulary: DEFAULT_VOCABULARY, batchSize: 100 });
});
afterAll(async () => {
  await driver?.close();
});

async function run(file: string, params: Record<string, unknown> = {}) {
  const text = readFileSync(path.join(dir, file), "utf8");
  const q = parseQueryFile(text, file);
  return runQuery(driver, text, resolveParams(q, params, file), { database, timeoutMs: 30_000, rowLimit: 1000 });
}

describe("queries/*.cypher", () => {
  it("has at least twelve queries, each with a title, a description and declared parameters", () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) {
      const q = parseQueryFile(readFileSync(path.join(dir, f), "utf8"), f);
      expect(q.title, f).toBeTruthy();
      expect(q.description.length, f).toBeGreaterThan(20);
      // every $parameter the query uses is declared with a default
      const used = new Set([...q.cypher.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
      expect([...used].sort(), f).toEqual(q.params.map((p) => p.name).sort());
    }
  });

  it.each(files)("%s runs with its defaults and returns rows", async (file) => {
    const r = await run(file);
    expect(r.rows.length, file).toBeGreaterThan(0);
    expect(r.truncated).toBe(false);
  });

  it("what China supplies to Russia: ammonium perchlorate, attributed to CSIS, and the denials", async () => {
    const r = await run("what-x-supplies-to-y.cypher");
    const perchlorate = r.rows.filter((x) => x.item === "ammonium perchlorate");
    expect(perchlorate).toEqual([
      expect.objectContaining({
        negated: false,
        saidBy: ["CSIS"],
        quote: "China increased sales of ammonium perchlorate",
        publisher: "Kyiv Post",
        time: "2024",
      }),
    ]);
    expect(r.rows.filter((x) => x.item === "weapons").map((x) => x.negated)).toEqual([true, true]);
  });

  it("every supplier of machine tools: China, on three independent sources", async () => {
    const r = await run("suppliers-of-item.cypher");
    expect(r.rows).toEqual([
      expect.objectContaining({ supplier: "China", recipients: ["Russia"], independentSources: 3, claims: 3 }),
    ]);
  });

  it("chains from materials to weapons follow COMPONENT_OF over several steps", async () => {
    const r = await run("material-to-weapon-chains.cypher");
    expect(r.rows.map((x) => x.chain)).toEqual([["ammonium perchlorate", "solid propellant", "Iskander missiles"]]);
    // the path comes back as graph for the viewer too
    expect(r.nodes.map((n) => n.id).sort()).toEqual([
      "item:ammonium-perchlorate",
      "item:solid-propellant",
      "weapon:iskander-missiles",
    ]);
    expect(r.links.map((l) => l.predicate)).toEqual(["COMPONENT_OF", "COMPONENT_OF"]);
  });

  it("transshipment routes: through Turkey and the UAE in one claim, through Hong Kong over two claims", async () => {
    const r = await run("transshipment-routes.cypher");
    const routes = r.rows.map((x) => `${x.origin} > ${x.through} > ${x.destination}: ${x.item} (${x.evidence})`);
    expect(routes).toEqual(
      expect.arrayContaining([
        "China > Turkey > Russia: assault rifles (one claim naming the intermediary)",
        "China > United Arab Emirates > Russia: assault rifles (one claim naming the intermediary)",
        "Texas Instruments > Hong Kong > Russia: chips (two claims)",
      ]),
    );
    // Texas Instruments' denial of selling to Hong Kong is not a route
    expect(routes.every((x) => !x.includes("Hong Kong > Hong Kong"))).toBe(true);
  });

  it("claims by a given source: what CSIS says", async () => {
    const r = await run("claims-by-source.cypher");
    expect(r.rows.map((x) => `${x.subject} ${x.predicate} ${x.object}`).sort()).toEqual([
      "China SUPPLIES ammonium perchlorate",
      "China SUPPLIES computer chips",
      "China SUPPLIES machine tools",
      "Russia PRODUCES ballistic missiles",
    ]);
    const nhk = await run("claims-by-source.cypher", { source: "organization:nhk" });
    expect(nhk.rows.map((x) => x.object)).toEqual(["nitrocellulose"]);
  });

  it("links ranked by independent sources put China → machine tools first", async () => {
    const r = await run("links-by-independent-sources.cypher");
    expect(r.rows[0]).toMatchObject({ subject: "China", object: "machine tools", independentSources: 3 });
    const counts = r.rows.map((x) => x.independentSources as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("contested links: gunpowder (affirmed by Ukraine's intelligence, denied by Beijing) and TI chips", async () => {
    const r = await run("contested-links.cypher");
    expect(r.rows.map((x) => `${x.subject} → ${x.object}`).sort()).toEqual([
      "China → gunpowder",
      "Texas Instruments → chips",
    ]);
    const gunpowder = r.rows.find((x) => x.object === "gunpowder")!;
    expect(gunpowder.denied).toEqual([expect.objectContaining({ by: ["China"] })]);
    expect(gunpowder.affirmed).toEqual([expect.objectContaining({ by: ["Foreign Intelligence Service of Ukraine"] })]);
  });

  it("everything about one entity: China's roles and links", async () => {
    const r = await run("entity-profile.cypher");
    expect(r.rows[0]).toMatchObject({ id: "country:china", type: "Country", aliases: ["Beijing", "PRC"], asSource: 1 });
    const links = r.rows[0]!.links as Array<Record<string, unknown>>;
    expect(links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ direction: "out", predicate: "TRADES_WITH", other: "Russia" }),
      ]),
    );
  });

  it("the shortest supply path from China to Iskander missiles", async () => {
    const r = await run("shortest-supply-path.cypher");
    expect(r.rows[0]).toMatchObject({
      chain: ["China", "ammonium perchlorate", "solid propellant", "Iskander missiles"],
      predicates: ["SUPPLIES", "COMPONENT_OF", "COMPONENT_OF"],
    });
  });

  it("links first seen in a given year", async () => {
    const r = await run("links-first-seen-in-year.cypher");
    expect(r.rows.map((x) => `${x.subject} ${x.predicate} ${x.object}`).sort()).toEqual([
      "China SUPPLIES machine tools",
      "China SUPPLIES nitrocellulose",
      "China TRADES_WITH Russia",
    ]);
    const y2022 = await run("links-first-seen-in-year.cypher", { year: 2022 });
    expect(y2022.rows.map((x) => x.object)).toEqual(["assault rifles"]);
  });

  it("who supplies Russia: every supplier one flow away, with items and routes; denied flows left out", async () => {
    const r = await run("suppliers-of-recipient.cypher");
    expect(r.rows.map((x) => x.supplier).sort()).toEqual([
      "China",
      "Hong Kong",
      "Iran",
      "North Korea",
      "Texas Instruments",
    ]);
    const china = r.rows.find((x) => x.supplier === "China")!;
    expect(china).toMatchObject({ deniedItems: ["weapons"], via: ["Turkey", "United Arab Emirates"] });
    expect(china.items).toEqual(expect.arrayContaining(["assault rifles", "machine tools", "nitrocellulose"]));
    // Texas Instruments' denial of selling to Hong Kong is no supply of Hong Kong
    const hk = await run("suppliers-of-recipient.cypher", { recipient: "place:hong-kong" });
    expect(hk.rows).toEqual([]);
  });

  it("a supply path follows the flows' direction and gives each hop its evidence", async () => {
    const r = await run("supply-path.cypher");
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ chain: ["Texas Instruments", "Russia"], steps: 1 });
    const [hop] = r.rows[0]!.hops as Array<Record<string, unknown>>;
    expect(hop).toMatchObject({ from: "Texas Instruments", type: "SUPPLIES_TO", to: "Russia", items: ["chips"] });
    expect(hop!.evidence).toEqual([
      expect.objectContaining({
        quote: "many of them traveling through Hong Kong on their way to the sanctioned country",
        saidBy: ["C4ADS"],
      }),
    ]);
    // a sentence naming several items is one piece of evidence, not one per item
    const china = await run("supply-path.cypher", { from: "country:china", to: "country:russia" });
    const [flow] = china.rows[0]!.hops as Array<{ evidence: Array<{ quote: string }>; affirmingClaims: number }>;
    const quotes = flow!.evidence.map((e) => e.quote);
    expect(new Set(quotes).size).toBe(quotes.length);
    expect(quotes).toHaveLength(5);
    // route legs count as hops: China reaches the UAE through Turkey
    const legs = await run("supply-path.cypher", { from: "country:china", to: "country:united-arab-emirates" });
    expect(legs.rows[0]).toMatchObject({ chain: ["China", "Turkey", "United Arab Emirates"], steps: 2 });
    // against the flows' direction there is none
    const back = await run("supply-path.cypher", { from: "country:russia", to: "organization:texas-instruments" });
    expect(back.rows).toEqual([]);
  });

  it("top suppliers of Russia: China first, with its items", async () => {
    const r = await run("top-suppliers-of-russia.cypher");
    expect(r.rows[0]).toMatchObject({ supplier: "China", distinctItems: 6 });
    expect(r.rows.map((x) => x.supplier)).toEqual(expect.arrayContaining(["Iran", "North Korea", "Hong Kong"]));
  });

  it("links resting on a single source exclude the corroborated and the denied ones", async () => {
    const r = await run("single-source-links.cypher");
    const objects = r.rows.map((x) => `${x.subject} → ${x.object}`);
    expect(objects).toContain("China → ammonium perchlorate");
    expect(objects).not.toContain("China → machine tools");
    expect(objects.filter((x) => x === "China → weapons")).toEqual([]);
  });

  it("finds an entity by alias and lists one article's claims in reading order", async () => {
    const found = await run("entity-search.cypher");
    expect(found.rows[0]).toMatchObject({ id: "country:china", name: "China" });
    const article = await run("claims-in-article.cypher");
    const offsets = article.rows.map((x) => x.offset as number);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(article.rows).toHaveLength(7);
  });
});
