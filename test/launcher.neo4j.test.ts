import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localNeo4j } from "../tools/neo4j/neo4j.js";

// The npm scripts a user runs: start, status, stop, on a second port and home so that the
// suite's own Neo4j is untouched. The jars are shared with the suite's instance.
const home = mkdtempSync(path.join(os.tmpdir(), "kg-neo4j-launcher-"));
const port = 7787;
const env = {
  ...process.env,
  NEO4J_URI: `bolt://127.0.0.1:${port}`,
  KG_NEO4J_HOME: home,
  KG_NEO4J_HEAP: "512m",
  KG_NEO4J_PAGECACHE: "64m",
  KG_NEO4J_SETTINGS: "db.transaction.timeout=77s; db.lock.acquisition.timeout=33s",
};
const shared = localNeo4j({ ...process.env, NEO4J_URI: undefined, KG_NEO4J_HOME: process.env.KG_NEO4J_HOME });
mkdirSync(home, { recursive: true });
symlinkSync(shared.lib, path.join(home, "lib"));
symlinkSync(shared.plugins, path.join(home, "plugins"));

const npm = (script: string) =>
  spawnSync("npm", ["run", "--silent", script], { env, encoding: "utf8", timeout: 240_000 });

afterAll(() => {
  spawnSync("npm", ["run", "--silent", "neo4j:stop"], { env, timeout: 120_000 });
  rmSync(home, { recursive: true, force: true });
});

function javaProcessesFor(dir: string): string[] {
  const out = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return out.split("\n").filter((l) => l.includes("Launcher.java") && l.includes(dir));
}

describe("npm run neo4j:start / status / stop", () => {
  // skipped (and reported as skipped) only when the suite is pointed at an external Neo4j
  it.skipIf(Boolean(process.env.NEO4J_URI))("starts, reports, stops and leaves no process behind", () => {
    const started = npm("neo4j:start");
    expect(started.status, started.stderr + started.stdout).toBe(0);
    expect(started.stdout).toMatch(new RegExp(`ready on bolt://127\\.0\\.0\\.1:${port}`));
    expect(javaProcessesFor(home)).toHaveLength(1);
    // the throughput collector unless KG_NEO4J_JAVA_OPTS says otherwise
    expect(javaProcessesFor(home)[0]).toContain("-XX:+UseParallelGC");
    // KG_NEO4J_SETTINGS reach the neo4j.conf the DBMS was built from
    const conf = readFileSync(path.join(home, "data", "neo4j.conf"), "utf8");
    expect(conf).toMatch(/^db\.transaction\.timeout=77s$/m);
    expect(conf).toMatch(/^db\.lock\.acquisition\.timeout=33s$/m);

    const status = npm("neo4j:status");
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/running \(pid \d+\), Bolt answers/);

    const again = npm("neo4j:start");
    expect(again.stdout).toMatch(/already running/);

    const stopped = npm("neo4j:stop");
    expect(stopped.status).toBe(0);
    expect(stopped.stdout).toMatch(/stopped/);
    expect(javaProcessesFor(home)).toHaveLength(0);

    const after = npm("neo4j:status");
    expect(after.status).toBe(3);
    expect(after.stdout).toMatch(/not running/);
  });

  it.skipIf(Boolean(process.env.NEO4J_URI))("refuses a KG_NEO4J_SETTINGS entry that is not key=value", () => {
    const bad = spawnSync("npm", ["run", "--silent", "neo4j:start"], {
      env: { ...env, KG_NEO4J_SETTINGS: "db.transaction.timeout" },
      encoding: "utf8",
      timeout: 240_000,
    });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/KG_NEO4J_SETTINGS: expected key=value, got 'db\.transaction\.timeout'/);
    expect(javaProcessesFor(home)).toHaveLength(0);
  });
});
