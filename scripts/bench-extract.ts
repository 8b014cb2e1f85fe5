/**
 * `npm run bench:extract [-- --quick]`: extraction throughput and memory on a synthetic corpus
 * of recombined sample/dev sentences (scripts/bench-extract/corpus.ts), streamed, never held
 * whole. Each configuration runs in its own process so peak RSS is its own; a word-scan
 * baseline measured in the same run puts the figures in proportion to this machine's speed.
 * Prints a Markdown table. A benchmark, not a test: nothing here asserts.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Measurement } from "./bench-extract/measure.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MEASURE = path.join(HERE, "bench-extract", "measure.ts");
const GOAL_MB_PER_CORE = 1;

const quick = process.argv.includes("--quick");
const small = quick ? 100 : 1000;
const large = quick ? 500 : 5000;
const cores = os.availableParallelism();

interface Config {
  label: string;
  mode: Measurement["mode"];
  articles: number;
  threads: number;
}

const configs: Config[] = [
  { label: `baseline word scan, ${large} articles, 1 thread`, mode: "baseline", articles: large, threads: 1 },
  { label: `extract ${small} articles, 1 thread`, mode: "extract", articles: small, threads: 1 },
  { label: `extract ${large} articles, 1 thread`, mode: "extract", articles: large, threads: 1 },
  { label: `extract ${large} articles, ${cores} threads`, mode: "extract", articles: large, threads: cores },
];

function measure(c: Config): Measurement {
  process.stderr.write(`bench:extract: ${c.label} ...\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", MEASURE, c.mode, String(c.articles), String(c.threads)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 << 20,
  });
  const last = (r.stdout ?? "").trim().split("\n").pop() ?? "";
  if (r.status !== 0 || !last.startsWith("{")) {
    throw new Error(`${c.label}: measurement failed (exit ${r.status ?? r.signal})`);
  }
  return JSON.parse(last) as Measurement;
}

const MB = 1024 * 1024;
const fmt = (n: number, d = 1) => n.toFixed(d);

// other processes on the machine slow every figure down: say how busy it was
const loadBefore = os.loadavg()[0]!;
const rows: Array<{ c: Config; m: Measurement }> = [];
for (const c of configs) rows.push({ c, m: measure(c) });

const perCore = (m: Measurement) => m.bytes / MB / (m.busyMs / 1000);
const perCpuSecond = (m: Measurement) => m.bytes / MB / (m.cpuMs / 1000);
const total = (m: Measurement) => m.bytes / MB / (m.wallMs / 1000);

console.log(
  `\nExtraction benchmark${quick ? " (--quick)" : ""}: synthetic corpus, ` +
    `${fmt(rows[0]!.m.bytes / rows[0]!.m.articles / 1024)} KB per article on average, ` +
    `${cores} cores (load average ${fmt(loadBefore, 2)} before, ${fmt(os.loadavg()[0]!, 2)} after), Node ${process.versions.node}\n`,
);
console.log(
  "| configuration | articles | MB | articles/s | MB/s per core | MB/s total | MB per CPU-second | claims | peak RSS MB |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const { c, m } of rows) {
  const articlesPerSecond = m.articles / (m.wallMs / 1000);
  console.log(
    `| ${c.label} | ${m.articles} | ${fmt(m.bytes / MB)} | ${fmt(articlesPerSecond, 0)} | ${fmt(perCore(m), 2)} | ` +
      `${fmt(total(m), 2)} | ${fmt(perCpuSecond(m), 2)} | ${c.mode === "extract" ? m.claims : "–"} | ${fmt(m.peakRssMB, 0)} |`,
  );
}

const [base, one, five, all] = rows.map((r) => r.m) as [Measurement, Measurement, Measurement, Measurement];
const failures = one.failures + five.failures + all.failures;
console.log("");
console.log(
  `extraction: ${fmt(perCore(five), 2)} MB/s per core by wall clock, ${fmt(perCpuSecond(five), 2)} MB per CPU-second; ` +
    `${fmt(perCore(base) / perCore(five), 0)}× slower than the word-scan baseline`,
);
console.log(
  `goal ≥ ${GOAL_MB_PER_CORE} MB/s per core: ${perCpuSecond(five) >= GOAL_MB_PER_CORE ? "met" : "NOT met"} ` +
    `(by CPU time, which other processes' load does not inflate); ` +
    `${cores} threads give ${fmt(total(all) / total(five), 2)}× the one-thread throughput`,
);
console.log(
  `peak RSS ${large} vs ${small} articles: ${fmt(five.peakRssMB, 0)} MB vs ${fmt(one.peakRssMB, 0)} MB ` +
    `(×${fmt(five.peakRssMB / one.peakRssMB, 2)}; flat means the corpus is streamed)`,
);
if (failures > 0) console.log(`extraction threw on ${failures} articles`);
