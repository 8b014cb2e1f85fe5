import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiErrorSchema, DEFAULT_VOCABULARY, QueryResponseSchema } from "../src/model/index.js";
import { neo4jConfigFromEnv } from "../src/neo4j/config.js";
import { connect } from "../src/neo4j/connect.js";
import { clearDatabase, loadIntoNeo4j } from "../src/neo4j/load.js";
import { startServer, type RunningServer } from "../src/server/server.js";
import { writeStore } from "../src/store/store.js";
import { STORE_DATA } from "./server-fixture.js";

// The read-only path (`kg query` without --write, POST /api/query) against the real Neo4j: it
// reads no file and no URL, sees and ends no one else's work, and its time and size limits hold.
const config = neo4jConfigFromEnv();
const { database } = config;
const root = path.resolve(import.meta.dirname, "..");
let admin: Driver;
let tmp: string;
let server: RunningServer;
/** a web server on loopback that counts the requests Neo4j sends it */
let web: Server;
let webHits = 0;
let webUrl: string;

beforeAll(async () => {
  admin = await connect(config);
  await clearDatabase(admin, database);
  await loadIntoNeo4j(admin, STORE_DATA, { database, vocabulary: DEFAULT_VOCABULARY, batchSize: 100 });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kg-read-only-"));
  await writeStore(path.join(tmp, "data"), STORE_DATA);
  server = await startServer({
    dataDir: path.join(tmp, "data"),
    viewerDir: path.join(tmp, "dist"),
    port: 0,
    neo4j: config,
    queryTimeoutMs: 5_000,
    log: () => undefined,
  });
  web = createServer((_req, res) => {
    webHits++;
    res.end('{"secret": "fetched by Neo4j"}\n');
  });
  await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
  webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/data.csv`;
});

afterAll(async () => {
  await server?.close();
  await admin?.close();
  await new Promise((resolve) => web?.close(resolve));
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

function query(cypher: string, signal?: AbortSignal, target: RunningServer = server) {
  return fetch(new URL("/api/query", target.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ cypher }),
    signal: signal ?? AbortSignal.timeout(60_000),
  });
}

function kgQuery(
  args: string[],
  timeoutMs = 90_000,
): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/kg.js", "query", ...args], { cwd: root, env: process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** 4 KB of nested parentheses: Neo4j's parser overflows its stack on it. */
const NESTED = `RETURN ${"(".repeat(2000)}1${")".repeat(2000)} AS x`;

describe("the database itself refuses files and URLs", () => {
  it("LOAD CSV cannot read a local file or fetch a URL, whoever asks", async () => {
    // straight to Neo4j, not through kg: the settings of the database hold on their own
    for (const url of ["file:///etc/passwd", webUrl]) {
      const session = admin.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        await expect(session.run(`LOAD CSV FROM '${url}' AS line RETURN line`)).rejects.toThrow(/./);
      } finally {
        await session.close();
      }
    }
    expect(webHits).toBe(0);
  });

  it("APOC cannot load JSON from a URL or a file", async () => {
    for (const url of [webUrl, "file:///etc/passwd"]) {
      await expect(
        admin.executeQuery(`CALL apoc.load.json('${url}') YIELD value RETURN value`, {}, { database }),
      ).rejects.toThrow(/./);
    }
    expect(webHits).toBe(0);
  });
});

describe("kg query (read-only)", () => {
  it("returns no file content for LOAD CSV FROM file:///etc/passwd", async () => {
    const r = await kgQuery(["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "--format", "json"]);
    expect(r.stdout).not.toContain("root:");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/LOAD CSV|file/i);
  });

  it("stops a deeply nested expression within its --timeout", async () => {
    const r = await kgQuery([NESTED, "--timeout", "5000"]);
    expect(r.status).not.toBe(0);
    expect(r.ms).toBeLessThan(30_000);
    expect(r.stderr).toMatch(/kg:/);
  });

  it("neutralises spreadsheet formulas in --format csv", async () => {
    const r = await kgQuery([
      "RETURN '=HYPERLINK(\"http://x\")' AS a, '-1+2' AS b, -3 AS n, 'ok' AS c",
      "--format",
      "csv",
    ]);
    expect(r.status, r.stderr).toBe(0);
    const [header, row] = r.stdout.split("\r\n");
    expect(header).toBe("a,b,n,c");
    expect(row).toBe(`"'=HYPERLINK(""http://x"")",'-1+2,-3,ok`);
  });
});

describe("POST /api/query (read-only)", () => {
  it("does not read local files, the Neo4j process's environment included", async () => {
    for (const url of ["file:///etc/passwd", "file:///proc/self/environ"]) {
      const res = await query(`LOAD CSV FROM '${url}' AS line FIELDTERMINATOR '\\u0000' RETURN line`);
      const text = await res.text();
      expect(res.status, text).toBeGreaterThanOrEqual(400);
      expect(text).not.toContain("root:");
      expect(text).not.toContain(config.password);
    }
  });

  it("does not make Neo4j fetch URLs (LOAD CSV, apoc.load.json)", async () => {
    for (const cypher of [
      `LOAD CSV FROM '${webUrl}' AS line RETURN line`,
      `CALL apoc.load.json('${webUrl}') YIELD value RETURN value`,
    ]) {
      const res = await query(cypher);
      expect(res.status, await res.text()).toBeGreaterThanOrEqual(400);
    }
    expect(webHits).toBe(0);
  });

  describe("with another client's query running", () => {
    let other: Driver;
    let running: Promise<unknown>;
    let ids: { transactionId: string; connectionId: string };

    beforeAll(async () => {
      other = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password));
      const session = other.session({ database, defaultAccessMode: neo4j.session.READ });
      running = session
        .executeRead((tx) => tx.run("UNWIND range(1, 20000000000) AS x RETURN count(x) AS n"), {
          timeout: 60_000,
          metadata: { app: "someone-else" },
        })
        .catch((e: unknown) => e)
        .finally(() => session.close());
      for (let i = 0; i < 100; i++) {
        const { records } = await admin.executeQuery(
          "SHOW TRANSACTIONS YIELD transactionId, connectionId, metaData WHERE metaData.app = 'someone-else' " +
            "RETURN transactionId, connectionId",
          {},
          { database },
        );
        if (records.length > 0) {
          ids = { transactionId: records[0]!.get("transactionId"), connectionId: records[0]!.get("connectionId") };
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error("the other client's transaction did not show up");
    });

    afterAll(async () => {
      await admin.executeQuery(`TERMINATE TRANSACTIONS $id`, { id: ids?.transactionId }, { database }).catch(() => 0);
      await running;
      await other?.close();
    });

    const stillRunning = async () =>
      (
        await admin.executeQuery(
          "SHOW TRANSACTIONS YIELD transactionId WHERE transactionId = $id RETURN count(*) AS n",
          { id: ids.transactionId },
          { database },
        )
      ).records[0]!.get("n") as number;

    it("cannot list other clients' transactions or connections", async () => {
      for (const cypher of ["SHOW TRANSACTIONS", "SHOW TRANSACTIONS YIELD *", "CALL dbms.listConnections()"]) {
        const res = await query(cypher);
        const text = await res.text();
        expect(res.status, `${cypher}: ${text}`).toBe(403);
        expect(text).not.toContain(ids.transactionId);
        expect(text).not.toContain("someone-else");
      }
    });

    it("cannot end another client's transaction or connection", async () => {
      for (const cypher of [
        `TERMINATE TRANSACTIONS '${ids.transactionId}'`,
        `CALL dbms.killConnection('${ids.connectionId}')`,
        `CALL dbms.killConnections(['${ids.connectionId}'])`,
      ]) {
        const res = await query(cypher);
        const body = ApiErrorSchema.parse(await res.json());
        expect(res.status, `${cypher}: ${body.error}`).toBe(403);
        expect(body.error).toMatch(/read-only/);
      }
      expect(await stillRunning()).toBe(1);
    });
  });

  it("still answers the usual read queries, procedures and functions included", async () => {
    for (const cypher of [
      "MATCH (e:Entity) RETURN count(e) AS n",
      `CALL db.index.fulltext.queryNodes("entity_names", "China") YIELD node RETURN node.id AS id LIMIT 1`,
      "CALL db.labels() YIELD label RETURN label",
      "RETURN apoc.text.join(['a', 'b'], '-') AS joined",
      "EXPLAIN MATCH (n) RETURN n",
    ]) {
      const res = await query(cypher);
      expect(res.status, `${cypher}: ${await res.clone().text()}`).toBe(200);
      QueryResponseSchema.parse(await res.json());
    }
  });

  it("answers a deeply nested expression within the timeout instead of hanging", async () => {
    const started = Date.now();
    const res = await query(NESTED, AbortSignal.timeout(60_000));
    const body = ApiErrorSchema.parse(await res.json());
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(body.error).toMatch(/./);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("keeps /api/health and /api/search answering while 105 such queries are sent at once", async () => {
    const flood = Array.from({ length: 105 }, () =>
      query(NESTED, AbortSignal.timeout(60_000)).then(
        (r) => r.status,
        () => 0,
      ),
    );
    await new Promise((r) => setTimeout(r, 2_000));
    const t0 = Date.now();
    const health = await fetch(new URL("/api/health", server.url), { signal: AbortSignal.timeout(10_000) });
    expect(health.status).toBe(200);
    const search = await fetch(new URL("/api/search?q=chin", server.url), { signal: AbortSignal.timeout(10_000) });
    expect(search.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(5_000);
    const statuses = await Promise.all(flood);
    // every request got an answer (an error or "too many queries"), none was left hanging
    expect(statuses.filter((s) => s === 0)).toEqual([]);
    const res = await query("RETURN 1 AS one");
    expect(res.status).toBe(200);
  });

  it("keeps the rest of the API quick while slow queries run", async () => {
    const slow = Array.from({ length: 30 }, () =>
      query("UNWIND range(1, 20000000000) AS x RETURN count(x) AS n", AbortSignal.timeout(60_000)).then(
        (r) => r.status,
        () => 0,
      ),
    );
    await new Promise((r) => setTimeout(r, 1_000));
    let worst = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      const res = await fetch(new URL("/api/search?q=russ", server.url), { signal: AbortSignal.timeout(20_000) });
      expect(res.status).toBe(200);
      worst = Math.max(worst, Date.now() - t0);
    }
    const statuses = await Promise.all(slow);
    expect(statuses.filter((s) => s === 0)).toEqual([]);
    expect(worst).toBeLessThan(3_000);
  });

  it("caps a result in bytes, not only in rows", async () => {
    const capped = await startServer({
      dataDir: path.join(tmp, "data"),
      viewerDir: path.join(tmp, "dist"),
      port: 0,
      neo4j: config,
      queryMaxBytes: 1_000_000,
      log: () => undefined,
    });
    try {
      // one 16 MB string, then rows of 100 KB
      for (const cypher of [
        "RETURN reduce(s = 'x', i IN range(1, 24) | s + s) AS big",
        "UNWIND range(1, 100) AS i RETURN reduce(s = 'x', j IN range(1, 17) | s + s) AS row",
      ]) {
        const res = await query(cypher, undefined, capped);
        const text = await res.text();
        expect(res.status, text.slice(0, 300)).toBe(200);
        expect(text.length).toBeLessThan(1_100_000);
        const body = QueryResponseSchema.parse(JSON.parse(text));
        expect(body.truncated).toBe(true);
      }
    } finally {
      await capped.close();
    }
  });
});
