/**
 * The local CoreNLP server's figures for the README: time to ready, the time and peak memory of
 * parsing the shared corpus with 2 threads, and whether a heap size copes with two of the longest
 * articles the server accepts at once.
 *
 *   npx tsx scripts/measure-corenlp.ts [--heaps 3g,2g] [--port 9111] [--corpus DIR,DIR]
 *
 * Runs its own server (2 threads) per heap, on a port and home of its own, and stops it.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { localCoreNlp, PRELOADED_ANNOTATORS, start, stop } from "../tools/corenlp/corenlp.js";

const { values } = parseArgs({
  options: {
    heaps: { type: "string", default: "3g" },
    port: { type: "string", default: "9111" },
    corpus: { type: "string", default: "/work/shared/corpus/seeds,/work/shared/corpus/dev" },
    home: { type: "string", default: path.join(os.tmpdir(), "kg-corenlp-measure") },
  },
});

const articles = values.corpus
  .split(",")
  .flatMap((dir) => readdirSync(dir).map((f) => path.join(dir, f)))
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(f, "utf8"));
const words = articles.reduce((sum, a) => sum + a.split(/\s+/).filter(Boolean).length, 0);
// the longest text the stock server accepts is 100,000 characters (its -maxCharLength)
const longest = articles.join("\n\n").repeat(3).slice(0, 99_000);

// memory is measured here, not speed: the long texts get all the time they need
async function parse(url: string, text: string): Promise<number> {
  const props = encodeURIComponent(
    JSON.stringify({ annotators: PRELOADED_ANNOTATORS, outputFormat: "json", timeout: "900000" }),
  );
  const res = await fetch(`${url}/?properties=${props}`, { method: "POST", body: text });
  const body = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${body.slice(0, 200)}`);
  return body.length;
}

/** Parses `texts` with `workers` requests at once; returns seconds. */
async function pool(url: string, texts: string[], workers: number): Promise<number> {
  const t0 = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < texts.length) await parse(url, texts[next++]!);
    }),
  );
  return (Date.now() - t0) / 1000;
}

function procStatus(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Heap in use after a full collection: what the models and caches keep. */
function liveHeapMb(pid: number): number {
  execFileSync("jcmd", [String(pid), "GC.run"]);
  const info = execFileSync("jcmd", [String(pid), "GC.heap_info"], { encoding: "utf8" });
  const m = /used (\d+)K/.exec(info);
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Seconds the JVM has spent collecting garbage so far: what a heap too small for the work costs. */
function gcSeconds(pid: number): number {
  const out = execFileSync("jstat", ["-gcutil", String(pid)], { encoding: "utf8" })
    .trim()
    .split("\n");
  const header = out[0]!.trim().split(/\s+/);
  const row = out[1]!.trim().split(/\s+/);
  return Number(row[header.indexOf("GCT")]);
}

console.log(`${articles.length} articles, ${words} words; long text ${longest.length} characters`);
console.log(
  `load average before: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
for (const heap of values.heaps.split(",")) {
  const n = localCoreNlp({
    ...process.env,
    KG_NLP_URL: `http://127.0.0.1:${values.port}`,
    KG_NLP_HOME: values.home,
    KG_NLP_HEAP: heap,
  });
  const t0 = Date.now();
  let pid: number;
  try {
    pid = (await start(n, { threads: 2, idleMinutes: 0 })).pid;
  } catch (e) {
    console.log(JSON.stringify({ heap, start: (e instanceof Error ? e.message : String(e)).split("\n").at(-1) }));
    continue;
  }
  const ready = (Date.now() - t0) / 1000;
  try {
    const loaded = liveHeapMb(pid);
    const passes: number[] = [];
    for (let i = 0; i < 3; i++) passes.push(await pool(n.url, articles, 2));
    const corpusHwm = procStatus(pid, "VmHWM");
    const corpusGc = gcSeconds(pid);
    let long = "ok";
    let longSeconds = NaN;
    try {
      longSeconds = await pool(n.url, [longest, longest], 2);
    } catch (e) {
      long = e instanceof Error ? e.message : String(e);
    }
    const alive = (() => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    })();
    console.log(
      JSON.stringify({
        heap,
        readySeconds: ready,
        liveHeapAfterLoadMb: Math.round(loaded),
        corpusPassSeconds: passes.map((s) => Number(s.toFixed(1))),
        secondsPer1000Words: Number((Math.min(...passes) / (words / 1000)).toFixed(2)),
        peakRssAfterCorpusMb: Math.round(corpusHwm),
        gcSecondsAfterCorpus: corpusGc,
        twoLongestAtOnce: alive ? long : `server exited (${long})`,
        twoLongestSeconds: Number(longSeconds.toFixed(1)),
        peakRssAfterLongMb: alive ? Math.round(procStatus(pid, "VmHWM")) : null,
        gcSecondsOfLong: alive ? Number((gcSeconds(pid) - corpusGc).toFixed(1)) : null,
        liveHeapAfterAllMb: alive ? Math.round(liveHeapMb(pid)) : null,
      }),
    );
  } finally {
    await stop(n);
  }
}
