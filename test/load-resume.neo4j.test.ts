import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_VOCABULARY } from "../src/model/vocabulary.js";
import { neo4jConfigFromEnv } from "../src/neo4j/config.js";
import { connect } from "../src/neo4j/connect.js";
import { clearDatabase, loadIntoNeo4j } from "../src/neo4j/load.js";
import { readStore, writeStore } from "../src/store/store.js";
import { generateStore } from "../scripts/gen/synthetic-store.js";

// A load killed halfway (SIGKILL, no chance to clean up) is completed by the next load, with
// nothing duplicated: the graph then equals the one a clean load gives, count for count and
// link for link.
const config = neo4jConfigFromEnv();
const { database } = config;
const root = path.resolve(import.meta.dirname, "..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "kg-load-resume-"));
let driver: Driver;

beforeAll(async () => {
  driver = await connect(config);
  await clearDatabase(driver, database);
});
afterAll(async () => {
  await driver?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function snapshot() {
  const q = async (cypher: string) =>
    (await driver.executeQuery(cypher, {}, { database })).records.map((r) => r.toObject());
  return {
    counts: await q(
      `CALL () { MATCH (n) RETURN count(n) AS nodes }
       CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
       CALL () { MATCH (c:Claim) RETURN count(c) AS claims, count(DISTINCT c.id) AS distinctClaims }
       CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
       RETURN nodes, relationships, claims, distinctClaims, entities`,
    ),
    links: await q(
      `MATCH (s:Entity)-[l]->(o:Entity)
       RETURN l.id AS id, s.id AS s, o.id AS o, l.claims AS claims, l.claimIds AS claimIds, l.sources AS sources,
              l.sourceCount AS sourceCount, l.firstYear AS firstYear, l.negated AS negated, l.dirty AS dirty
       ORDER BY id`,
    ),
    entityCounts: await q(`MATCH (e:Entity) RETURN e.id AS id, e.claims AS claims, e.countDirty AS dirty ORDER BY id`),
    roles: await q(`MATCH (c:Claim)-[r]->(e) RETURN type(r) AS type, count(*) AS n ORDER BY type`),
  };
}

const claimCount = async () =>
  (await driver.executeQuery("MATCH (c:Claim) RETURN count(c) AS n", {}, { database })).records[0]!.get("n") as number;

describe("an interrupted kg load", () => {
  it("is completed by the next load, with the same graph as a clean load", async () => {
    const dir = path.join(tmp, "store");
    await writeStore(dir, generateStore({ claims: 6000, seed: 7 }));
    const data = await readStore(dir);

    const child = spawn("node", ["bin/kg.js", "load", "--data", dir, "--batch-size", "150"], {
      cwd: root,
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // kill it once the first batches of claims are committed
    let seen = 0;
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline) {
      seen = await claimCount();
      if (seen >= 300) break;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGKILL");
    const code = await exited;
    expect(code, `the load finished before it could be killed: ${stderr}`).toBeNull();
    // a commit the client sent before it died still completes on the server: wait until the
    // count stops moving before taking it as what the killed load left
    let partial = await claimCount();
    for (let stable = 0; stable < 4;) {
      await new Promise((r) => setTimeout(r, 250));
      const now = await claimCount();
      stable = now === partial ? stable + 1 : 0;
      partial = now;
    }
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(data.claims.length);

    const resumed = await loadIntoNeo4j(driver, data, { database, vocabulary: DEFAULT_VOCABULARY, batchSize: 1000 });
    expect(resumed.claims.written).toBe(data.claims.length - partial);
    expect(resumed.claims.removed).toBe(0);
    const afterResume = await snapshot();

    // the clean load writes small batches in four transactions at once, on the same hub entities
    await clearDatabase(driver, database);
    await loadIntoNeo4j(driver, data, { database, vocabulary: DEFAULT_VOCABULARY, batchSize: 150, concurrency: 4 });
    const clean = await snapshot();

    expect(afterResume.counts).toEqual(clean.counts);
    expect(afterResume.counts[0]).toMatchObject({ claims: data.claims.length, distinctClaims: data.claims.length });
    expect(afterResume.roles).toEqual(clean.roles);
    expect(afterResume.links).toEqual(clean.links);
    expect(afterResume.entityCounts).toEqual(clean.entityCounts);
    // no mark of unfinished work is left behind
    expect(afterResume.links.some((l) => l.dirty !== null)).toBe(false);
    expect(afterResume.entityCounts.some((e) => e.dirty !== null)).toBe(false);
  });
});
