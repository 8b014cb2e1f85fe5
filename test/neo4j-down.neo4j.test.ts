import { promises as fs } from "node:fs";
import { createServer, connect as tcpConnect, type Server, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_VOCABULARY, GraphResponseSchema, SearchResponseSchema } from "../src/model/index.js";
import { boltPort, neo4jConfigFromEnv } from "../src/neo4j/config.js";
import { connect } from "../src/neo4j/connect.js";
import { clearDatabase, loadIntoNeo4j } from "../src/neo4j/load.js";
import { startServer, type RunningServer } from "../src/server/server.js";
import { writeStore } from "../src/store/store.js";
import { CHINA, STORE_DATA } from "./server-fixture.js";

// Neo4j going away under a running `kg serve`: the real Neo4j is reached through a loopback TCP
// relay that the test cuts, as a crash or a stopped container would. The viewer's requests must
// fall back to the store at once rather than hang and fail.
const config = neo4jConfigFromEnv();
let admin: Driver;
let tmp: string;
let relay: Server;
let relayPort: number;
const sockets = new Set<Socket>();
let server: RunningServer;

function startRelay(port = 0): Promise<number> {
  relay = createServer((client) => {
    const upstream = tcpConnect(boltPort(config.uri), "127.0.0.1");
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
  });
  return new Promise((resolve) =>
    relay.listen(port, "127.0.0.1", () => resolve((relay.address() as { port: number }).port)),
  );
}

/** Neo4j "goes down": every connection is cut and nothing listens any more. */
async function cutRelay(): Promise<void> {
  await new Promise((resolve) => {
    relay.close(resolve);
    for (const s of sockets) s.destroy();
  });
}

beforeAll(async () => {
  admin = await connect(config);
  await clearDatabase(admin, config.database);
  await loadIntoNeo4j(admin, STORE_DATA, { database: config.database, vocabulary: DEFAULT_VOCABULARY, batchSize: 100 });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kg-neo4j-down-"));
  await writeStore(path.join(tmp, "data"), STORE_DATA);
  relayPort = await startRelay();
  server = await startServer({
    dataDir: path.join(tmp, "data"),
    viewerDir: path.join(tmp, "dist"),
    port: 0,
    neo4j: { ...config, uri: `bolt://127.0.0.1:${relayPort}` },
    log: () => undefined,
  });
});

afterAll(async () => {
  await server?.close();
  await admin?.close();
  if (relay?.listening) await cutRelay();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

async function timed(p: string): Promise<{ status: number; ms: number; body: unknown }> {
  const t0 = Date.now();
  const res = await fetch(new URL(p, server.url), { signal: AbortSignal.timeout(60_000) });
  const body: unknown = await res.json();
  return { status: res.status, ms: Date.now() - t0, body };
}

describe("kg serve when Neo4j goes down", () => {
  it("answers from Neo4j first, then from the store within seconds of Neo4j going away", async () => {
    const before = await timed(`/api/neighbors/${encodeURIComponent(CHINA.id)}`);
    expect(before.status).toBe(200);
    expect(GraphResponseSchema.parse(before.body).meta.backend).toBe("neo4j");

    await cutRelay();
    // several requests at once, as the viewer sends them
    const answers = await Promise.all([
      timed("/api/graph?predicates=SUPPLIES"),
      timed(`/api/neighbors/${encodeURIComponent(CHINA.id)}`),
      timed("/api/search?q=chin"),
      timed("/api/health"),
    ]);
    for (const a of answers) {
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      expect(a.ms).toBeLessThan(5_000);
    }
    expect(GraphResponseSchema.parse(answers[0]!.body).meta.backend).toBe("store");
    expect(SearchResponseSchema.parse(answers[2]!.body).results[0]?.id).toBe(CHINA.id);
    // and the next ones too, without waiting on a dead connection again
    const later = await timed("/api/graph?predicates=SUPPLIES");
    expect(later.status).toBe(200);
    expect(later.ms).toBeLessThan(2_000);
  });
});
