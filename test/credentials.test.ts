import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { neo4jConfigFromEnv } from "../src/neo4j/config.js";
import { writeStore } from "../src/store/store.js";
import { STORE_DATA } from "./server-fixture.js";

// A NEO4J_URI may carry the password (bolt://user:password@host:port): it must never be echoed
// in logs, errors or API answers. Nothing listens on port 1, so Neo4j is never reached.
const kg = path.resolve(import.meta.dirname, "../bin/kg.js");
const SECRET = "S3cret-Passw0rd-in-uri";
const URI = `bolt://neo4j:${SECRET}@127.0.0.1:1`;
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kg-credentials-"));
  await writeStore(path.join(tmp, "data"), STORE_DATA);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const env = () => {
  const e: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: URI };
  delete e.NEO4J_PASSWORD;
  delete e.NEO4J_USERNAME;
  return e;
};

describe("a password in NEO4J_URI", () => {
  it("is taken as the credentials and left out of the URI kg shows", () => {
    const c = neo4jConfigFromEnv({ NEO4J_URI: URI });
    expect(c).toMatchObject({ uri: "bolt://127.0.0.1:1", username: "neo4j", password: SECRET });
    // an explicit NEO4J_PASSWORD still wins
    expect(neo4jConfigFromEnv({ NEO4J_URI: URI, NEO4J_PASSWORD: "other-password" }).password).toBe("other-password");
  });

  it("is not printed by kg query or kg load when Neo4j cannot be reached", () => {
    for (const args of [
      ["query", "RETURN 1"],
      ["load", "--data", path.join(tmp, "data")],
    ]) {
      const r = spawnSync(process.execPath, [kg, ...args], { env: env(), encoding: "utf8", timeout: 60_000 });
      expect(r.status, args.join(" ")).not.toBe(0);
      expect(r.stderr).toMatch(/127\.0\.0\.1:1/);
      expect(r.stderr + r.stdout).not.toContain(SECRET);
    }
  });

  it("is not in kg serve's log nor in any API answer", async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      [kg, "serve", "--port", "0", "--data", path.join(tmp, "data")],
      {
        env: env(),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout!.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on("exit", (code) => reject(new Error(`kg serve exited with ${code}: ${out}`)));
      });
      const answers = [
        await (await fetch(new URL("/api/health", url))).text(),
        await (
          await fetch(new URL("/api/query", url), {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ cypher: "RETURN 1" }),
          })
        ).text(),
      ];
      expect(answers[1]).toMatch(/127\.0\.0\.1:1/);
      for (const a of answers) expect(a).not.toContain(SECRET);
      expect(out).toMatch(/Neo4j not available/);
      expect(out).not.toContain(SECRET);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  });
});
