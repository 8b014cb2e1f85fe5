/**
 * Local Stanford CoreNLP without Docker: resolves CoreNLP 4.5.10 and its English models from
 * Maven Central, then starts, stops or reports on the server run by Launcher.java, which listens
 * on 127.0.0.1 only and speaks the stock CoreNLP server protocol.
 *
 *   tsx tools/corenlp/corenlp.ts resolve|start|stop|status
 *
 * Settings (environment, see settings.ts): KG_NLP_URL (default http://127.0.0.1:9000; its port is
 * the local server's port), KG_NLP_HOME (default .kg-corenlp in the project), KG_NLP_HEAP,
 * KG_NLP_THREADS (default: the cores), KG_NLP_IDLE_MINUTES (0 = never).
 */
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { requireCommand, resolveClasspath } from "./classpath.js";
import { alive, logTail, readPidFile, sleep, terminate } from "../process.js";
import { nlpAnswers, portTaken } from "./probe.js";
import { isLoopback, localCoreNlp, ON_DEMAND_IDLE_MINUTES, toolDir, type LocalCoreNlp } from "./settings.js";

export { resolveClasspath } from "./classpath.js";
export { nlpAnswers } from "./probe.js";
export { localCoreNlp, type LocalCoreNlp } from "./settings.js";

/** The annotators loaded at start, so that the first request does not wait for the models. */
export const PRELOADED_ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse";
/**
 * The server's own timeout for requests that send none. A 100,000-character article (the stock
 * server's limit) takes about 30 s on one warm core; a cold server or a busy machine takes longer.
 */
const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

const log = (msg: string) => console.log(`corenlp: ${msg}`);

/**
 * The port `pid` serves if it is this home's launcher, else null. A pid file left by a crash may
 * name a process that reuses the number; where /proc exists, the command line must be ours.
 * Without /proc the port is taken to be the one asked for.
 */
function ourServerPort(n: LocalCoreNlp, pid: number): number | null {
  if (!alive(pid)) return null;
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return n.port;
  }
  if (!args.some((a) => a.endsWith("Launcher.java")) || !args.includes(n.pidFile)) return null;
  const port = Number(args[args.indexOf("--port") + 1]);
  return Number.isInteger(port) ? port : null;
}

/** This home's server, on whatever port it serves. */
function homeServer(n: LocalCoreNlp): { pid: number; port: number } | null {
  const pid = readPidFile(n.pidFile);
  const port = pid === null ? null : ourServerPort(n, pid);
  return pid !== null && port !== null ? { pid, port } : null;
}

/** This home's server when it serves the port of `n.url` (KG_NLP_URL may name another). */
function runningPid(n: LocalCoreNlp): number | null {
  const s = homeServer(n);
  return s !== null && s.port === n.port ? s.pid : null;
}

async function waitUntilReady(n: LocalCoreNlp, pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return false;
    if (await nlpAnswers(n.url)) return true;
    await sleep(500);
  }
  return false;
}

/**
 * One start at a time per home: two `kg ingest` runs that both find no server must not both
 * launch one (the second would fail on the port after loading the models for nothing).
 */
async function withStartLock<T>(n: LocalCoreNlp, timeoutMs: number, body: () => Promise<T>): Promise<T> {
  const lock = path.join(n.home, "start.lock");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: "wx" });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readPidFile(lock);
      if (holder === null || !alive(holder)) rmSync(lock, { force: true });
      else if (Date.now() > deadline)
        throw new Error(`another process (pid ${holder}) is starting CoreNLP; see ${n.logFile}`);
      else await sleep(500);
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lock, { force: true });
  }
}

export interface StartOptions {
  /** annotation threads (requests annotated at once); default KG_NLP_THREADS or the cores */
  threads?: number;
  /** exit after this many minutes without a request; 0 = never; default KG_NLP_IDLE_MINUTES or 0 */
  idleMinutes?: number;
  /** how long to wait for the server to be ready (models load in ~20 s) */
  timeoutMs?: number;
  /** progress for the user (resolving the jars); default: a line on stdout */
  say?: (msg: string) => void;
}

/** Starts the local server unless it runs already; resolves when it is ready for requests. */
export async function start(n: LocalCoreNlp, opts: StartOptions = {}): Promise<{ pid: number; started: boolean }> {
  const timeoutMs = opts.timeoutMs ?? 180_000;
  if (!isLoopback(n.host))
    throw new Error(
      `KG_NLP_URL is ${n.url}: the local CoreNLP serves only 127.0.0.1; point KG_NLP_URL at ` +
        `http://127.0.0.1:PORT to start one, or start the server on ${n.host} yourself`,
    );
  mkdirSync(n.home, { recursive: true });
  return withStartLock(n, timeoutMs, async () => {
    const home = homeServer(n);
    if (home !== null && home.port !== n.port)
      // one server per home: a second would take over the pid file and the log of the first
      throw new Error(
        `the local CoreNLP of ${n.home} (pid ${home.pid}) serves port ${home.port}, not ${n.port}; ` +
          `use KG_NLP_URL=http://127.0.0.1:${home.port}, or stop it first with npm run nlp:stop`,
      );
    if (home !== null) {
      if (await waitUntilReady(n, home.pid, timeoutMs)) return { pid: home.pid, started: false };
      throw new Error(`the local CoreNLP (pid ${home.pid}) runs but does not answer on ${n.url}; see ${n.logFile}`);
    }
    if (await portTaken(n.port)) {
      const what = (await nlpAnswers(n.url))
        ? "a CoreNLP server that this launcher did not start"
        : "something that is not CoreNLP";
      const source = n.explicitUrl ? `KG_NLP_URL=${n.url}` : `the default, KG_NLP_URL unset`;
      throw new Error(
        `port ${n.port} (${source}) is taken by ${what}; stop it, or set KG_NLP_URL to a free ` +
          `port, e.g. KG_NLP_URL=http://127.0.0.1:${n.port + 1}`,
      );
    }
    const classpath = await resolveClasspath(n, opts.say);
    requireCommand("java");
    const threads = opts.threads ?? n.threads;
    const idleMinutes = opts.idleMinutes ?? n.idleMinutes ?? 0;
    const out = openSync(n.logFile, "w");
    const child = spawn(
      "java",
      [
        `-Xmx${n.heap}`,
        // a server short of heap exits (and the next kg ingest starts a fresh one) rather than
        // answering every later request with an error
        "-XX:+ExitOnOutOfMemoryError",
        "-Dfile.encoding=UTF-8",
        "-cp",
        classpath,
        path.join(toolDir, "Launcher.java"),
        "--port",
        String(n.port),
        "--threads",
        String(threads),
        "--timeout-ms",
        String(DEFAULT_REQUEST_TIMEOUT_MS),
        "--idle-minutes",
        String(idleMinutes),
        "--preload",
        PRELOADED_ANNOTATORS,
        "--pid-file",
        n.pidFile,
      ],
      { detached: true, stdio: ["ignore", out, out] },
    );
    closeSync(out);
    const pid = child.pid;
    if (pid === undefined) throw new Error("could not start java");
    let exited: string | null = null;
    child.once("exit", (code, signal) => (exited = signal ? `signal ${signal}` : `code ${code}`));
    child.unref();
    writeFileSync(n.pidFile, `${pid}\n`);
    if (!(await waitUntilReady(n, pid, timeoutMs))) {
      if (alive(pid)) process.kill(pid, "SIGKILL");
      rmSync(n.pidFile, { force: true });
      const what = exited
        ? `CoreNLP exited (${exited}) before it was ready`
        : `CoreNLP did not get ready on ${n.url} within ${timeoutMs / 1000} s`;
      throw new Error(`${what}. Log tail (${n.logFile}):\n${logTail(n.logFile)}`);
    }
    return { pid, started: true };
  });
}

/** Stops the local server (SIGTERM: it closes its port and exits; SIGKILL only after a long wait). */
export async function stop(n: LocalCoreNlp, { timeoutMs = 30_000 } = {}): Promise<boolean> {
  const pid = homeServer(n)?.pid ?? null;
  if (pid === null) {
    rmSync(n.pidFile, { force: true });
    return false;
  }
  await terminate(pid, timeoutMs, log);
  rmSync(n.pidFile, { force: true });
  return true;
}

export async function status(n: LocalCoreNlp): Promise<{ pid: number | null; running: boolean; answers: boolean }> {
  const pid = runningPid(n);
  return { pid, running: pid !== null, answers: await nlpAnswers(n.url) };
}

/**
 * The CoreNLP `kg ingest` uses. KG_NLP_URL, when set, is used as it is (a team's server, or one
 * started with `npm run nlp:start`) and never replaced by a local one; otherwise the local
 * default, started on demand with an idle shutdown so that it does not outlive its use for long.
 */
export async function ensureCoreNlp({
  say,
  env = process.env,
}: {
  say: (msg: string) => void;
  env?: NodeJS.ProcessEnv;
}): Promise<{ url: string; started: boolean }> {
  const n = localCoreNlp(env);
  if (await nlpAnswers(n.url)) return { url: n.url, started: false };
  if (n.explicitUrl) {
    // a local server of this home may still be loading its models (another kg ingest started it)
    if (isLoopback(n.host) && runningPid(n) !== null) return { url: n.url, started: (await start(n)).started };
    throw new Error(
      `no CoreNLP server answers on ${n.url} (KG_NLP_URL). Start one with \`npm run nlp:start\` ` +
        `(it serves KG_NLP_URL's port on 127.0.0.1), or unset KG_NLP_URL to let kg start its own.`,
    );
  }
  const idleMinutes = n.idleMinutes ?? ON_DEMAND_IDLE_MINUTES;
  say(
    `starting CoreNLP on ${n.url} (first start loads models, ~20 s); ` +
      (idleMinutes > 0
        ? `it stops after ${idleMinutes} min idle, or npm run nlp:stop`
        : "stop it with npm run nlp:stop"),
  );
  const { started } = await start(n, { idleMinutes, say });
  return { url: n.url, started };
}

async function main(cmd: string | undefined): Promise<number> {
  const n = localCoreNlp();
  switch (cmd) {
    case "start": {
      const t0 = Date.now();
      const r = await start(n);
      log(
        r.started
          ? `ready on ${n.url} in ${((Date.now() - t0) / 1000).toFixed(1)} s (pid ${r.pid}, log ${n.logFile})`
          : `already running (pid ${r.pid}) on ${n.url}`,
      );
      return 0;
    }
    case "stop": {
      log((await stop(n)) ? "stopped" : "not running");
      return 0;
    }
    case "status": {
      const s = await status(n);
      if (s.running) log(`running (pid ${s.pid}), ${s.answers ? "answers" : "does not answer (yet)"} on ${n.url}`);
      else log(`not running${s.answers ? `, but a CoreNLP server answers on ${n.url}` : ""}`);
      return s.running && s.answers ? 0 : 3;
    }
    case "resolve": {
      const classpath = await resolveClasspath(n);
      log(`${classpath.split(path.delimiter).length} jars from ~/.m2, listed in ${n.classpathFile}`);
      return 0;
    }
    default:
      console.error("usage: corenlp.ts start|stop|status|resolve");
      return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`corenlp: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
