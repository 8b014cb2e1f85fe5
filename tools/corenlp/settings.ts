/**
 * Where CoreNLP is and how the local one runs, from the environment:
 * KG_NLP_URL, KG_NLP_HOME, KG_NLP_HEAP, KG_NLP_THREADS, KG_NLP_IDLE_MINUTES.
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const toolDir = path.dirname(fileURLToPath(import.meta.url));
const projectDir = path.resolve(toolDir, "../..");

export const DEFAULT_NLP_URL = "http://127.0.0.1:9000";
/**
 * The models keep ~1.06 GB of heap once loaded. 1g cannot load them; at 1500m the collector drops
 * them (CoreNLP holds annotators through soft references) and a later request loads them again;
 * at 2g two of the longest texts the stock server accepts (100,000 characters) at once took about
 * twice as long as at 3g, and 4g bought nothing more (scripts/measure-corenlp.ts, README).
 */
export const DEFAULT_HEAP = "3g";
/** Idle shutdown of a server that `kg ingest` starts on demand, so it does not linger. */
export const ON_DEMAND_IDLE_MINUTES = 30;

export interface LocalCoreNlp {
  /** the CoreNLP kg talks to: KG_NLP_URL, or the local default */
  url: string;
  /** KG_NLP_URL was set: kg uses that server and never starts one in its place */
  explicitUrl: boolean;
  /** host and port of `url`; the local server listens on 127.0.0.1 at this port */
  host: string;
  port: number;
  home: string;
  classpathFile: string;
  /** holds the pom's hash once classpathFile is whole */
  classpathMarker: string;
  pidFile: string;
  logFile: string;
  heap: string;
  threads: number;
  /** KG_NLP_IDLE_MINUTES; undefined when unset, so each caller can choose its own default */
  idleMinutes: number | undefined;
}

export function localCoreNlp(env: NodeJS.ProcessEnv = process.env): LocalCoreNlp {
  const url = (env.KG_NLP_URL || DEFAULT_NLP_URL).replace(/\/+$/, "");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`KG_NLP_URL: not a URL: ${url}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new Error(`KG_NLP_URL: must be an http:// or https:// URL, got ${url}`);
  const port = parsed.port ? Number(parsed.port) : parsed.protocol === "https:" ? 443 : 80;
  const home = path.resolve(env.KG_NLP_HOME || path.join(projectDir, ".kg-corenlp"));
  return {
    url,
    explicitUrl: Boolean(env.KG_NLP_URL),
    host: parsed.hostname,
    port,
    home,
    classpathFile: path.join(home, "classpath.txt"),
    classpathMarker: path.join(home, "classpath.sha256"),
    pidFile: path.join(home, "corenlp.pid"),
    logFile: path.join(home, "corenlp.log"),
    heap: heapOf(env.KG_NLP_HEAP),
    threads: positiveInt("KG_NLP_THREADS", env.KG_NLP_THREADS) ?? os.availableParallelism(),
    idleMinutes: minutes("KG_NLP_IDLE_MINUTES", env.KG_NLP_IDLE_MINUTES),
  };
}

/** The local launcher binds 127.0.0.1 only, so it can serve only a URL that names it. */
export function isLoopback(host: string): boolean {
  return host === "127.0.0.1" || host === "localhost";
}

function heapOf(value: string | undefined): string {
  if (!value) return DEFAULT_HEAP;
  if (!/^\d+[kmgKMG]?$/.test(value))
    throw new Error(`KG_NLP_HEAP: expected a JVM size such as 3g or 2500m, got ${value}`);
  return value;
}

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: expected a whole number of at least 1, got ${value}`);
  return n;
}

function minutes(name: string, value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}: expected minutes (0 = never), got ${value}`);
  return n;
}
