/**
 * One benchmark thread: generates its share of the synthetic corpus (every `step`-th article
 * from `from`) and runs the extractor, or the baseline, on each, timing only that work.
 */
import { parentPort, workerData } from "node:worker_threads";
import { syntheticCorpus } from "./corpus.js";
import type { ThreadResult, ThreadTask } from "./measure.js";

const task = workerData as ThreadTask;

/** The cheapest pass any extractor must make: find the words. */
function baseline(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\p{L}+/gu)) n++;
  return n;
}

const { extractArticle } =
  task.mode === "extract" ? await import("../../ingest/pipeline.js") : { extractArticle: null };
const result: ThreadResult = {
  articles: 0,
  bytes: 0,
  busyMs: 0,
  claims: 0,
  sentences: 0,
  failures: 0,
  startedAt: 0,
  endedAt: 0,
  cpuStartMs: 0,
  cpuEndMs: 0,
};
// process-wide CPU time (all threads): unlike wall time, not inflated by other processes' load
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// wall-clock times comparable across threads: thread start-up is not part of the measurement
const now = () => performance.timeOrigin + performance.now();
result.startedAt = now();
result.cpuStartMs = cpuMs();
for (const article of syntheticCorpus(task.from, task.to, task.step)) {
  const t0 = performance.now();
  try {
    if (extractArticle) {
      const r = extractArticle(article);
      result.claims += r.claims.length;
      result.sentences += r.sentences;
    } else baseline(article.text);
  } catch {
    result.failures++;
  }
  result.busyMs += performance.now() - t0;
  result.articles++;
  result.bytes += Buffer.byteLength(article.text);
}
result.endedAt = now();
result.cpuEndMs = cpuMs();
parentPort!.postMessage(result);
