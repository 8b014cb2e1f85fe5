/**
 * One benchmark configuration, run in its own process so that its peak RSS is its own:
 *   tsx scripts/bench-extract/measure.ts <extract|baseline> <articles> <threads>
 * Prints one JSON line (a Measurement).
 */
import { Worker } from "node:worker_threads";

export interface ThreadTask {
  mode: "extract" | "baseline";
  from: number;
  to: number;
  step: number;
}
export interface ThreadResult {
  articles: number;
  bytes: number;
  busyMs: number;
  claims: number;
  sentences: number;
  failures: number;
  /** epoch ms when the thread began its first article, and finished its last */
  startedAt: number;
  endedAt: number;
  /** the process's CPU time (all threads) at those moments, in ms */
  cpuStartMs: number;
  cpuEndMs: number;
}
export interface Measurement extends Omit<ThreadResult, "cpuStartMs" | "cpuEndMs"> {
  mode: ThreadTask["mode"];
  threads: number;
  /** from the first article's start to the last article's end, over all threads */
  wallMs: number;
  /** slowest thread's busy time: what a single core spent */
  maxBusyMs: number;
  peakRssMB: number;
  /** CPU time of the whole process while articles were processed */
  cpuMs: number;
}

function runThread(task: ThreadTask): Promise<ThreadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./thread.mjs", import.meta.url), { workerData: task });
    worker.once("message", (r: ThreadResult) => resolve(r));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`benchmark thread exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  const [mode, articlesText, threadsText] = process.argv.slice(2);
  if ((mode !== "extract" && mode !== "baseline") || !articlesText || !threadsText) {
    throw new Error("usage: measure.ts <extract|baseline> <articles> <threads>");
  }
  const articles = Number(articlesText);
  const threads = Number(threadsText);
  const results = await Promise.all(
    Array.from({ length: threads }, (_, t) => runThread({ mode, from: t, to: articles, step: threads })),
  );
  const wallMs = Math.max(...results.map((r) => r.endedAt)) - Math.min(...results.map((r) => r.startedAt));
  const sum = (k: "articles" | "bytes" | "busyMs" | "claims" | "sentences" | "failures") =>
    results.reduce((s, r) => s + r[k], 0);
  const m: Measurement = {
    mode,
    threads,
    articles: sum("articles"),
    bytes: sum("bytes"),
    busyMs: sum("busyMs"),
    claims: sum("claims"),
    sentences: sum("sentences"),
    failures: sum("failures"),
    wallMs,
    maxBusyMs: Math.max(...results.map((r) => r.busyMs)),
    startedAt: Math.min(...results.map((r) => r.startedAt)),
    endedAt: Math.max(...results.map((r) => r.endedAt)),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    cpuMs: Math.max(...results.map((r) => r.cpuEndMs)) - Math.min(...results.map((r) => r.cpuStartMs)),
  };
  console.log(JSON.stringify(m));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
