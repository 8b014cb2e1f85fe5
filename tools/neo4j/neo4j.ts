/**
 * Local Neo4j without Docker: resolves Neo4j Community 5.26 (and APOC core) from Maven Central,
 * then starts, stops or reports on an embedded DBMS run by Launcher.java.
 *
 *   tsx tools/neo4j/neo4j.ts start|stop|status
 *
 * Settings (environment): NEO4J_URI (its port is the Bolt port), NEO4J_PASSWORD,
 * KG_NEO4J_HOME (default .kg-neo4j in the project), KG_NEO4J_HEAP (default 1g),
 * KG_NEO4J_PAGECACHE (default 512m), KG_NEO4J_JAVA_OPTS (replaces the GC choice below),
 * KG_NEO4J_SETTINGS (extra neo4j.conf settings, "key=value;key=value").
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { copyFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { boltPort, neo4jConfigFromEnv, type Neo4jConfig } from "../../src/neo4j/config.js";
import { createDriver } from "../../src/neo4j/connect.js";
import { alive, logTail, readPidFile, sleep, terminate } from "../process.js";

const toolDir = path.dirname(fileURLToPath(import.meta.url));
const projectDir = path.resolve(toolDir, "../..");

export interface LocalNeo4j {
  home: string;
  lib: string;
  plugins: string;
  data: string;
  pidFile: string;
  logFile: string;
  port: number;
  config: Neo4jConfig;
}

export function localNeo4j(env: NodeJS.ProcessEnv = process.env): LocalNeo4j {
  const config = neo4jConfigFromEnv(env);
  const home = path.resolve(env.KG_NEO4J_HOME || path.join(projectDir, ".kg-neo4j"));
  return {
    home,
    lib: path.join(home, "lib"),
    plugins: path.join(home, "plugins"),
    data: path.join(home, "data"),
    pidFile: path.join(home, "neo4j.pid"),
    logFile: path.join(home, "neo4j.log"),
    port: boltPort(config.uri),
    config,
  };
}

const log = (msg: string) => console.log(`neo4j: ${msg}`);

/**
 * Jars are resolved once into lib/ (Maven caches them in ~/.m2). A marker says lib/ is whole and
 * holds the pom's hash, so that a changed pom.xml (a version, an exclusion) is resolved anew.
 */
export async function resolveJars(n: LocalNeo4j): Promise<void> {
  const marker = path.join(n.lib, ".complete");
  const pomHash = createHash("sha256")
    .update(readFileSync(path.join(toolDir, "pom.xml")))
    .digest("hex");
  if (existsSync(marker) && readFileSync(marker, "utf8").trim() === pomHash) return;
  log("resolving Neo4j Community and APOC jars from Maven Central (first run only)…");
  const tmp = `${n.lib}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const mvn = spawnSync(
    "mvn",
    [
      "-q",
      "-B",
      "-f",
      path.join(toolDir, "pom.xml"),
      "dependency:copy-dependencies",
      `-DoutputDirectory=${tmp}`,
      "-DincludeScope=runtime",
    ],
    { stdio: "inherit" },
  );
  if (mvn.status !== 0)
    throw new Error(`mvn failed (exit ${mvn.status}); is Maven installed and Maven Central reachable?`);
  // APOC is loaded as a plugin from its own folder, the way a Neo4j server loads it
  rmSync(n.plugins, { recursive: true, force: true });
  mkdirSync(n.plugins, { recursive: true });
  for (const f of readdirSync(tmp)) {
    if (f.startsWith("apoc-")) {
      await copyFile(path.join(tmp, f), path.join(n.plugins, f));
      rmSync(path.join(tmp, f));
    }
  }
  writeFileSync(path.join(tmp, ".complete"), `${pomHash}\n`);
  rmSync(n.lib, { recursive: true, force: true });
  renameSync(tmp, n.lib);
}

function readPid(n: LocalNeo4j): number | null {
  return readPidFile(n.pidFile);
}

/** Does Bolt answer with the configured credentials? */
export async function boltAnswers(config: Neo4jConfig): Promise<boolean> {
  const driver = createDriver(config);
  try {
    await driver.getServerInfo({ database: config.database });
    return true;
  } catch {
    return false;
  } finally {
    await driver.close().catch(() => undefined);
  }
}

/** Starts the local DBMS unless it runs already; resolves when Bolt answers. */
export async function start(n: LocalNeo4j, { timeoutMs = 180_000 } = {}): Promise<{ pid: number; started: boolean }> {
  const running = readPid(n);
  if (running !== null && alive(running)) {
    if (await waitForBolt(n, running, timeoutMs)) return { pid: running, started: false };
    throw new Error(`a local Neo4j (pid ${running}) runs but Bolt on port ${n.port} does not answer; see ${n.logFile}`);
  }
  if (await boltAnswers(n.config)) {
    throw new Error(`something already answers on ${n.config.uri}; stop it or set NEO4J_URI to another port`);
  }
  await resolveJars(n);
  mkdirSync(n.data, { recursive: true });
  mkdirSync(n.plugins, { recursive: true });
  const out = openSync(n.logFile, "a");
  const heap = process.env.KG_NEO4J_HEAP || "1g";
  // The throughput collector: on 2 cores G1's concurrent work competes with the writes, and a
  // load of 100k claims ran at 3,039 claims/s with G1 and 3,826 with it (back to back, 3 loads each).
  const javaOpts = (process.env.KG_NEO4J_JAVA_OPTS || "-XX:+UseParallelGC").split(/\s+/).filter(Boolean);
  const child = spawn(
    "java",
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      ...javaOpts,
      "-Dfile.encoding=UTF-8",
      "-cp",
      `${n.lib}/*${path.delimiter}${n.plugins}/*`,
      path.join(toolDir, "Launcher.java"),
      n.data,
      String(n.port),
      n.plugins,
    ],
    {
      detached: true,
      stdio: ["ignore", out, out],
      env: { ...process.env, NEO4J_PASSWORD: n.config.password },
    },
  );
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start java");
  child.unref();
  writeFileSync(n.pidFile, `${pid}\n`);
  log(`starting (pid ${pid}), Bolt on 127.0.0.1:${n.port}, data in ${n.data}`);
  if (!(await waitForBolt(n, pid, timeoutMs))) {
    if (alive(pid)) process.kill(pid, "SIGKILL");
    rmSync(n.pidFile, { force: true });
    throw new Error(
      `Neo4j did not answer on ${n.config.uri} within ${timeoutMs / 1000} s. Log tail:\n${logTail(n.logFile)}`,
    );
  }
  return { pid, started: true };
}

async function waitForBolt(n: LocalNeo4j, pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return false;
    if (await boltAnswers(n.config)) return true;
    await sleep(500);
  }
  return false;
}

/** Stops the local DBMS (SIGTERM runs Neo4j's clean shutdown; SIGKILL only after a long wait). */
export async function stop(n: LocalNeo4j, { timeoutMs = 60_000 } = {}): Promise<boolean> {
  const pid = readPid(n);
  if (pid === null || !alive(pid)) {
    rmSync(n.pidFile, { force: true });
    return false;
  }
  await terminate(pid, timeoutMs, log);
  rmSync(n.pidFile, { force: true });
  return true;
}

export async function status(n: LocalNeo4j): Promise<{ pid: number | null; running: boolean; bolt: boolean }> {
  const pid = readPid(n);
  const running = pid !== null && alive(pid);
  const bolt = await boltAnswers(n.config);
  return { pid: running ? pid : null, running, bolt };
}

async function main(cmd: string | undefined): Promise<number> {
  const n = localNeo4j();
  switch (cmd) {
    case "start": {
      const t0 = Date.now();
      const r = await start(n);
      log(
        r.started
          ? `ready on ${n.config.uri} in ${((Date.now() - t0) / 1000).toFixed(1)} s (pid ${r.pid})`
          : `already running (pid ${r.pid}) on ${n.config.uri}`,
      );
      return 0;
    }
    case "stop": {
      log((await stop(n)) ? "stopped" : "not running");
      return 0;
    }
    case "status": {
      const s = await status(n);
      if (s.running) log(`running (pid ${s.pid}), Bolt ${s.bolt ? "answers" : "does not answer"} on ${n.config.uri}`);
      else log(`not running${s.bolt ? `, but something answers on ${n.config.uri}` : ""}`);
      return s.running && s.bolt ? 0 : 3;
    }
    case "resolve": {
      await resolveJars(n);
      log(`jars in ${n.lib}`);
      return 0;
    }
    default:
      console.error("usage: neo4j.ts start|stop|status|resolve");
      return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`neo4j: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
