/**
 * `npm run bench:html -- --pages DIR [--pages DIR2] [--half tune|held-out|all] [--summary]`:
 * how much of the known article text of real web pages kg's HTML reader keeps, beside Readability
 * alone (the project's own Readability, on the same linkedom DOM) in the same run. DIR is a set of
 * test pages (see scripts/bench-html/pages.ts for the layouts; KG_BENCH_PAGES, separated by
 * path.delimiter, stands for --pages). Prints one line per page, then precision, recall and F1 per
 * set and half, by words and by four-word shingles (scripts/bench-html/score.ts). A benchmark, not
 * a test: nothing here asserts.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { Readability } from "@mozilla/readability";
import { articleFromHtml } from "../ingest/read/html.js";
import { parsePage } from "../ingest/read/html-page.js";
import { loadPages, type Half, type Page } from "./bench-html/pages.js";
import { pagePrf, prf, scorePage, type Overlap, type PageScore } from "./bench-html/score.js";

const { values } = parseArgs({
  options: {
    pages: { type: "string", multiple: true },
    half: { type: "string", default: "all" },
    summary: { type: "boolean", default: false },
  },
});
const dirs = values.pages?.length ? values.pages : (process.env.KG_BENCH_PAGES ?? "").split(path.delimiter);
if (dirs.filter(Boolean).length === 0) {
  console.error("bench:html: give a folder of test pages with --pages DIR (or KG_BENCH_PAGES); README says where");
  process.exit(2);
}
const half = values.half as Half | "all";
if (!["tune", "held-out", "all"].includes(half)) {
  console.error(`bench:html: --half must be tune, held-out or all, not ${half}`);
  process.exit(2);
}

/** Readability alone, as its README shows it: parse, then the article's text content. */
function readabilityAlone(html: string): string {
  try {
    const doc = parsePage(html) as unknown as Document;
    return new Readability(doc).parse()?.textContent ?? "";
  } catch {
    return "";
  }
}

/** kg's reader: the article text it stores, and that text without the title it puts first. */
function kgReader(page: Page): { text: string; body: string } {
  try {
    const { article } = articleFromHtml(page.name, page.html, null);
    const title = article.title ?? "";
    const body = title && article.text.startsWith(title) ? article.text.slice(title.length) : article.text;
    return { text: article.text, body };
  } catch {
    return { text: "", body: "" };
  }
}

const SYSTEMS = ["readability", "kg text", "kg body"] as const;
type System = (typeof SYSTEMS)[number];

interface Row {
  page: Page;
  scores: Record<System, PageScore>;
}

const pages: Page[] = [];
for (const dir of dirs.filter(Boolean)) pages.push(...(await loadPages(path.resolve(dir))));
const chosen = pages.filter((p) => half === "all" || p.half === half);

const rows: Row[] = [];
const spent = { readability: 0, kg: 0 };
function timed<T>(which: keyof typeof spent, f: () => T): T {
  const t = performance.now();
  const out = f();
  spent[which] += performance.now() - t;
  return out;
}
for (const page of chosen) {
  const kg = timed("kg", () => kgReader(page));
  const alone = timed("readability", () => readabilityAlone(page.html));
  rows.push({
    page,
    scores: {
      readability: scorePage(page.expected, alone),
      "kg text": scorePage(page.expected, kg.text),
      "kg body": scorePage(page.expected, kg.body),
    },
  });
}

const f = (x: number) => x.toFixed(3);
if (!values.summary) {
  console.log(
    "| set | page | half | words F1 Readability | words F1 kg text | shingles F1 Readability | shingles F1 kg text |",
  );
  console.log("|---|---|---|---:|---:|---:|---:|");
  for (const { page, scores } of rows) {
    const w = (s: System) => f(pagePrf(scores[s].words).f1);
    const sh = (s: System) => f(pagePrf(scores[s].shingles).f1);
    console.log(
      `| ${page.set} | ${page.name} | ${page.half} | ${w("readability")} | ${w("kg text")} | ${sh("readability")} | ${sh("kg text")} |`,
    );
  }
  console.log("");
}

const groups = new Map<string, Row[]>();
for (const r of rows) {
  const keys = half === "all" ? [`${r.page.set}, ${r.page.half}`, `${r.page.set}, all`] : [`${r.page.set}, ${half}`];
  for (const key of keys) {
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
}

console.log(
  `HTML reading benchmark: ${rows.length} pages (${half === "all" ? "both halves" : `${half} half`}), ` +
    `Readability alone ${(spent.readability / 1000).toFixed(1)} s, kg's reader ${(spent.kg / 1000).toFixed(1)} s, ` +
    `Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log("");
console.log("| pages | n | reader | words P | words R | words F1 | shingles P | shingles R | shingles F1 |");
console.log("|---|---:|---|---:|---:|---:|---:|---:|---:|");
for (const [key, list] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
  for (const s of SYSTEMS) {
    const w = prf(list.map((r): Overlap => r.scores[s].words));
    const sh = prf(list.map((r): Overlap => r.scores[s].shingles));
    console.log(
      `| ${key} | ${list.length} | ${s} | ${f(w.precision)} | ${f(w.recall)} | ${f(w.f1)} | ` +
        `${f(sh.precision)} | ${f(sh.recall)} | ${f(sh.f1)} |`,
    );
  }
}
