/**
 * `npm run bench:extract [-- --quick] [-- --articles N]`: the speed of extraction on a synthetic
 * corpus (articles recombined from the sample and dev sentences with other names), in one run:
 *  - the parser alone: CoreNLP parsing the prepared texts, no rules;
 *  - the rules alone: the frames over those very parses;
 *  - the whole ingest: `kg ingest` on the same articles as files, parse cache off;
 * with one article at a time and with the server's threads. Words are the parser's tokens. CPU
 * time is read from /proc for the CoreNLP server (when it runs on this machine) and for the Node
 * processes, so "per core" does not depend on what else the machine is doing. Also the CoreNLP
 * process's peak memory. A benchmark, not a test: nothing here asserts.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { coreNlpClient } from "../ingest/parse/corenlp-client.js";
import type { ParsedDocument } from "../ingest/parse/parsed.js";
import { prepareText } from "../ingest/parse/prepare.js";
import { extractArticle } from "../ingest/pipeline.js";
import type { Article } from "../src/model/article.js";
import { ensureCoreNlp, localCoreNlp } from "../tools/corenlp/corenlp.js";
import { syntheticArticle } from "./bench-extract/corpus.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const count = Number(args[args.indexOf("--articles") + 1] ?? NaN) || (quick ? 30 : 150);
const threads = localCoreNlp().threads;
const TICK = 100; // USER_HZ on Linux

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSeconds(pid: number): number | null {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = f.slice(f.lastIndexOf(")") + 2).split(" ");
    return (Number(rest[11]) + Number(rest[12])) / TICK;
  } catch {
    return null;
  }
}

/** The CoreNLP server's process on this machine, found by its command line and port. */
function serverPid(port: number): number | null {
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, "utf8").split("\0");
      const isServer = cmd.some((a) => /StanfordCoreNLPServer|corenlp[/\\]Launcher\.java/.test(a));
      if (isServer && cmd.includes(String(port))) return Number(d);
    } catch {
      // a process that ended meanwhile
    }
  }
  return null;
}

function peakRssMB(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

interface Row {
  label: string;
  words: number;
  wall: number;
  serverCpu: number | null;
  nodeCpu: number;
}

async function main(): Promise<void> {
  const { url } = await ensureCoreNlp({ say: (m) => process.stderr.write(`bench:extract: ${m}\n`) });
  const client = coreNlpClient(url);
  const pid = serverPid(new URL(url).port ? Number(new URL(url).port) : 80);
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) articles.push(syntheticArticle(i));
  const prepared = articles.map((a) => ({ a, p: prepareText(a.text) }));
  const loadBefore = os.loadavg()[0]!;

  const parseAll = async (n: number, inFlight: number): Promise<ParsedDocument[]> => {
    const out: ParsedDocument[] = new Array(n);
    let next = 0;
    const worker = async () => {
      while (next < n) {
        const k = next++;
        const { a, p } = prepared[k % prepared.length]!;
        out[k] = await client.parse({ text: p.text, date: a.date, timeoutMs: 300_000 });
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    return out;
  };
  const words = (docs: ParsedDocument[]) =>
    docs.reduce((s, d) => s + d.sentences.reduce((t, x) => t + x.tokens.length, 0), 0);

  process.stderr.write(`bench:extract: warming up the parser on ${Math.min(10, count)} articles\n`);
  await parseAll(Math.min(10, count), threads);

  const rows: Row[] = [];
  let parses: ParsedDocument[] = [];
  for (const t of [1, threads]) {
    process.stderr.write(`bench:extract: parser alone, ${count} articles, ${t} at a time\n`);
    const s0 = pid ? cpuSeconds(pid) : null;
    const n0 = process.cpuUsage();
    const t0 = performance.now();
    parses = await parseAll(count, t);
    const wall = (performance.now() - t0) / 1000;
    const n1 = process.cpuUsage(n0);
    const s1 = pid ? cpuSeconds(pid) : null;
    rows.push({
      label: `parser alone, ${t} at a time`,
      words: words(parses),
      wall,
      serverCpu: s0 !== null && s1 !== null ? s1 - s0 : null,
      nodeCpu: (n1.user + n1.system) / 1e6,
    });
  }

  process.stderr.write(`bench:extract: rules alone on the same parses\n`);
  const n0 = process.cpuUsage();
  const t0 = performance.now();
  let claims = 0;
  for (let k = 0; k < count; k++) claims += extractArticle(prepared[k]!.a, parses[k]!).claims.length;
  const rulesWall = (performance.now() - t0) / 1000;
  const n1 = process.cpuUsage(n0);
  rows.push({
    label: "rules alone (frames over the parses)",
    words: words(parses),
    wall: rulesWall,
    serverCpu: 0,
    nodeCpu: (n1.user + n1.system) / 1e6,
  });

  const work = mkdtempSync(path.join(os.tmpdir(), "kg-bench-extract-"));
  const dir = path.join(work, "articles");
  mkdirSync(dir);
  try {
    for (const a of articles) writeFileSync(path.join(dir, `${a.id}.txt`), a.text);
    for (const t of [1, threads]) {
      process.stderr.write(`bench:extract: kg ingest, ${count} articles, --threads ${t}\n`);
      const data = path.join(work, `store-${t}`);
      const s0 = pid ? cpuSeconds(pid) : null;
      const started = performance.now();
      // bash's time gives the CPU time of the whole kg process
      const r = spawnSync(
        "bash",
        [
          "-c",
          `TIMEFORMAT='%U %S'; time node "${path.join(ROOT, "bin", "kg.js")}" ingest "${dir}" --data "${data}" --threads ${t} > /dev/null 2> "${work}/err-${t}"`,
        ],
        { encoding: "utf8", env: { ...process.env, KG_NLP_URL: url, KG_PARSE_CACHE: "off" } },
      );
      const wall = (performance.now() - started) / 1000;
      const s1 = pid ? cpuSeconds(pid) : null;
      const [user, sys] = (r.stderr.trim().split("\n").pop() ?? "0 0").split(" ").map(Number);
      if (r.status !== 0) throw new Error(`kg ingest failed: ${readFileSync(`${work}/err-${t}`, "utf8").slice(-500)}`);
      rows.push({
        label: `kg ingest, --threads ${t}`,
        words: words(parses),
        wall,
        serverCpu: s0 !== null && s1 !== null ? s1 - s0 : null,
        nodeCpu: (user ?? 0) + (sys ?? 0),
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const fmt = (n: number | null, d = 0) =>
    n === null ? "–" : n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
  console.log(
    `\nExtraction speed${quick ? " (--quick)" : ""}: ${count} synthetic articles, ${fmt(words(parses))} words, CoreNLP at ${url}` +
      ` (${threads} server threads), ${os.availableParallelism()} cores, load average ${loadBefore.toFixed(2)} before, ` +
      `${os.loadavg()[0]!.toFixed(2)} after, ${claims} claims\n`,
  );
  console.log("| configuration | words | seconds | words/s | CPU s (CoreNLP + Node) | words per CPU-second |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const cpu = r.serverCpu === null ? null : r.serverCpu + r.nodeCpu;
    console.log(
      `| ${r.label} | ${fmt(r.words)} | ${fmt(r.wall, 1)} | ${fmt(r.words / r.wall)} | ` +
        `${cpu === null ? `– + ${fmt(r.nodeCpu, 1)}` : `${fmt(r.serverCpu, 1)} + ${fmt(r.nodeCpu, 1)}`} | ${cpu === null ? "–" : fmt(r.words / cpu)} |`,
    );
  }
  const parser1 = rows[0]!;
  const rules = rows[rows.length - 3]!;
  const ingest1 = rows[rows.length - 2]!;
  const ingestN = rows[rows.length - 1]!;
  const parserCpu = parser1.serverCpu === null ? null : parser1.serverCpu + parser1.nodeCpu;
  console.log("");
  if (parserCpu !== null) {
    console.log(
      `rules after the parse: ${fmt((100 * rules.nodeCpu) / parserCpu, 1)}% of the parser's CPU time (goal ≤ 25%)`,
    );
  }
  console.log(
    `whole ingest, one at a time: ${fmt(ingest1.words / ingest1.wall)} words/s, ${fmt((100 * ingest1.wall) / parser1.wall, 0)}% of the parser alone's time; ` +
      `--threads ${threads}: ${fmt(ingestN.words / ingestN.wall)} words/s (${(ingest1.wall / ingestN.wall).toFixed(2)}× one at a time)`,
  );
  if (pid) console.log(`CoreNLP process (pid ${pid}) peak resident memory: ${fmt(peakRssMB(pid))} MB`);
}

main().catch((e: unknown) => {
  console.error(`bench:extract: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
