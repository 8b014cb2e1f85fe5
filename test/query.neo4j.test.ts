import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_VOCABULARY } from "../src/model/vocabulary.js";
import { neo4jConfigFromEnv } from "../src/neo4j/config.js";
import { connect } from "../src/neo4j/connect.js";
import { QueryError } from "../src/neo4j/errors.js";
import { clearDatabase, loadIntoNeo4j } from "../src/neo4j/load.js";
import { runQuery } from "../src/neo4j/query.js";
import { fixtureStore } from "./load-fixtures.js";

// `kg query` and the read-only runner behind it (also used by `kg serve`'s POST /api/query).
const config = neo4jConfigFromEnv();
const { database } = config;
const root = path.resolve(import.meta.dirname, "..");
let driver: Driver;

beforeAll(async () => {
  driver = await connect(config);
  await clearDatabase(driver, database);
  await loadIntoNeo4j(driver, fixtureStore(), { database, vocabulary: DEFAULT_VOCABULARY, batchSize: 100 });
});
afterAll(async () => {
  await driver?.close();
});

const kg = (...args: string[]) =>
  spawnSync("node", ["bin/kg.js", "query", ...args], {
    cwd: root,
    encoding: "utf8",
    env: process.env,
    timeout: 120_000,
  });
const count = async (cypher: string) =>
  (await driver.executeQuery(cypher, {}, { database })).records[0]!.get(0) as number;

describe("kg query", () => {
  it("runs a query file with its defaults and prints a table", () => {
    const r = kg("queries/what-x-supplies-to-y.cypher");
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^item\s+\| negated\s+\| saidBy/);
    expect(r.stdout).toMatch(/ammonium perchlorate\s+\| false\s+\| CSIS/);
    expect(r.stdout).toMatch(/\n11 rows\n$/);
  });

  it("overrides parameters with --param, typed: strings, numbers, lists", () => {
    const r = kg(
      "queries/what-x-supplies-to-y.cypher",
      "--param",
      "supplier=country:iran",
      "--param",
      "limit=5",
      "--format",
      "json",
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).rows.map((x: { item: string }) => x.item)).toEqual(["weapons"]);
    const list = kg(
      "RETURN $xs AS xs, $n + 1 AS n, $b AS b",
      "--param",
      'xs=[1,"two"]',
      "--param",
      "n=41",
      "--param",
      "b=true",
      "--format",
      "json",
    );
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).rows).toEqual([{ xs: [1, "two"], n: 42, b: true }]);
  });

  it("refuses a parameter the file does not declare", () => {
    const r = kg("queries/what-x-supplies-to-y.cypher", "--param", "suplier=country:iran");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("no parameter suplier (it declares supplier, recipient, limit)");
  });

  it("prints CSV with quoting", () => {
    const r = kg("RETURN 'a, \"b\"' AS text, [1, 2] AS list", "--format", "csv");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('text,list\r\n"a, ""b""","[1,2]"\r\n');
  });

  it("refuses a write without --write, and nothing is written", async () => {
    const r = kg("CREATE (:Entity {id: 'country:atlantis', name: 'Atlantis'})");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/read-only unless --write/);
    expect(await count("MATCH (e:Entity {id: 'country:atlantis'}) RETURN count(e)")).toBe(0);
    const w = kg("CREATE (e:Entity {id: 'country:atlantis', name: 'Atlantis'}) RETURN e.name AS name", "--write");
    expect(w.status, w.stderr).toBe(0);
    expect(await count("MATCH (e:Entity {id: 'country:atlantis'}) RETURN count(e)")).toBe(1);
    await driver.executeQuery("MATCH (e:Entity {id: 'country:atlantis'}) DELETE e", {}, { database });
  });

  it("shows a Cypher error with its line, column and a caret under the query line", () => {
    const r = kg("MATCH (c:Claim)\nWHERE c.negated = true\nRETRUN c.quote");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("SyntaxError at line 3, column 1: Invalid input 'RETRUN'");
    expect(r.stderr).toContain("  3 | RETRUN c.quote\n    | ^");
  });

  it("says when --limit cut the rows, and stops the query at --timeout", () => {
    const r = kg("UNWIND range(1, 100) AS x RETURN x", "--limit", "3", "--format", "json");
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: [{ x: 1 }, { x: 2 }, { x: 3 }], truncated: true });
    expect(r.stderr).toContain("stopped at --limit 3 rows");
    const slow = kg("UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x)", "--timeout", "300");
    expect(slow.status).toBe(1);
    expect(slow.stderr).toMatch(/longer than its timeout of 300 ms/);
  });

  it("names a missing query file", () => {
    const r = kg("queries/no-such-query.cypher");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("queries/no-such-query.cypher: no such file");
  });
});

describe("runQuery", () => {
  it("stops streaming at the row limit instead of fetching everything", async () => {
    const r = await runQuery(
      driver,
      "UNWIND range(1, 50000000) AS x RETURN x",
      {},
      { database, timeoutMs: 60_000, rowLimit: 5 },
    );
    expect(r.rows).toEqual([1, 2, 3, 4, 5].map((x) => ({ x })));
    expect(r.truncated).toBe(true);
  });

  it("collects entity nodes and links (with their aggregates) from rows, lists and paths", async () => {
    const r = await runQuery(
      driver,
      `MATCH p = (s:Entity {id: "country:china"})-[l:SUPPLIES]->(o:Entity {id: "item:machine-tools"}) RETURN p, [l] AS ls`,
      {},
      { database, timeoutMs: 10_000, rowLimit: 10 },
    );
    expect(r.columns).toEqual(["p", "ls"]);
    expect(r.nodes.map((n) => [n.id, n.type, n.name]).sort()).toEqual([
      ["country:china", "Country", "China"],
      ["item:machine-tools", "Item", "machine tools"],
    ]);
    expect(r.nodes.find((n) => n.id === "country:china")).toMatchObject({ aliases: ["Beijing", "PRC"], degree: 1 });
    expect(r.links).toEqual([
      expect.objectContaining({
        source: "country:china",
        target: "item:machine-tools",
        predicate: "SUPPLIES",
        sourceCount: 3,
        claims: 3,
      }),
    ]);
    expect(r.links[0]!.id).toMatch(/^l_[0-9a-f]{16}$/);
  });

  it("fetches the end nodes of relationships returned without them", async () => {
    const r = await runQuery(
      driver,
      `MATCH (:Country)-[l:TRADES_WITH]->() RETURN l`,
      {},
      { database, timeoutMs: 10_000, rowLimit: 10 },
    );
    expect(r.nodes.map((n) => n.id).sort()).toEqual(["country:china", "country:russia"]);
    expect(r.rows[0]!.l).toMatchObject({ type: "TRADES_WITH", properties: { sourceCount: 1 } });
  });

  it("throws a QueryError with the position for Neo4j's errors", async () => {
    const err = await runQuery(
      driver,
      "RETURN\n  nosuchfunction(1)",
      {},
      { database, timeoutMs: 10_000, rowLimit: 10 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).position).toMatchObject({ line: 2, column: 3 });
  });
});
