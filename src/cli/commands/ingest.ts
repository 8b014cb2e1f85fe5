import { availableParallelism } from "node:os";
import path from "node:path";
import { CommanderError, type Command } from "commander";
import { articleExtractor } from "../../../ingest/extract.js";
import { coreNlpClient, NlpUnavailableError, type CoreNlpClient } from "../../../ingest/parse/corenlp-client.js";
import { defaultCacheDir, ParseCache } from "../../../ingest/parse/parse-cache.js";
import type { SafeExtraction } from "../../../ingest/read/extract-safely.js";
import { expandInputs, readEntry, type Format, type InputEntry } from "../../../ingest/read/sources.js";
import { ensureCoreNlp, localCoreNlp } from "../../../tools/corenlp/corenlp.js";
import type { Article } from "../../model/article.js";
import type { Claim } from "../../model/claim.js";
import type { Entity } from "../../model/entity.js";
import { ValidationError } from "../../model/validate.js";
import { writeFileAtomic } from "../../store/atomic.js";
import { toJsonl } from "../../store/jsonl.js";
import { checkStoreFiles } from "../../store/integrity.js";
import { lockStore } from "../../store/lock.js";
import {
  compareClaims,
  DEFAULT_DATA_DIR,
  mergeStoreData,
  readStore,
  STORE_FILES,
  writeStore,
  type StoreData,
} from "../../store/store.js";
import { createProgress } from "../progress.js";

/**
 * `kg ingest <files or folders...>`: reads articles, extracts claims, merges them into the
 * embedded store. The store is written once, after the whole batch, so a run that fails part
 * way leaves the previous store as it was; one bad input is reported and the rest go on.
 * Exit code: 0 all inputs ingested, 1 some failed, 2 usage.
 */

interface IngestOptions {
  data: string;
  out?: string;
  maxBytes: string;
  stdinFormat?: string;
  verbose?: boolean;
  threads: string;
  timeout: string;
  force?: boolean;
}

/** Same article as the stored one, apart from where it was read from. */
function sameArticle(a: Article, b: Article): boolean {
  return (
    a.text === b.text && a.title === b.title && a.publisher === b.publisher && a.date === b.date && a.url === b.url
  );
}

/** "20MB", "512k", "1048576" → bytes. */
export function parseByteSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?\s*$/i.exec(text);
  if (!m) return null;
  const unit = (m[2] ?? "b").toLowerCase()[0]!;
  const factor = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  const n = Math.floor(Number(m[1]) * factor);
  return n >= 1 && Number.isSafeInteger(n) ? n : null;
}

// Past this many, warnings are counted rather than printed (errors are always printed).
const MAX_PRINTED_WARNINGS = 50;

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description("read articles (.txt, .html, .jsonl, folders, - for stdin), extract claims, merge into the store")
    .argument("<inputs...>", "files, folders (read recursively) or - for stdin")
    .option("--data <dir>", "data folder (the embedded store)", DEFAULT_DATA_DIR)
    .option("--out <dir>", "also write this run's claims.jsonl here (default: the store's own claims.jsonl)")
    .option("--max-bytes <size>", "largest article read (file or JSONL line), e.g. 20MB, 512k", "20MB")
    .option("--stdin-format <format>", "txt | html | jsonl (default: guessed from the first characters)")
    .option(
      "--threads <n>",
      "articles parsed at once, each on its own CoreNLP server thread",
      process.env.KG_NLP_THREADS || String(availableParallelism()),
    )
    .option(
      "--timeout <seconds>",
      "time limit for parsing one article; past it the article is named and skipped",
      "120",
    )
    .option("--force", "extract again articles that are already in the store unchanged")
    .option("--verbose", "print every warning")
    // usage errors (missing inputs, unknown options) exit with 2, failed inputs with 1
    .exitOverride((err) => {
      throw err.exitCode === 1 ? new CommanderError(2, err.code, err.message) : err;
    })
    .action(async (inputs: string[], opts: IngestOptions, command: Command) => {
      // commander prints usage errors and main() turns them into exit code 2
      const usage = (message: string): never => command.error(`error: ${message}`, { exitCode: 2, code: "kg.usage" });
      process.exitCode = await runIngest(inputs, opts, usage);
    });
}

async function runIngest(inputs: string[], opts: IngestOptions, usage: (message: string) => never): Promise<number> {
  const started = performance.now();
  const maxBytes = parseByteSize(opts.maxBytes);
  if (maxBytes === null) usage(`--max-bytes: expected a size such as 20MB, 512k or 1048576, got "${opts.maxBytes}"`);
  const stdinFormat = opts.stdinFormat;
  if (stdinFormat !== undefined && !["txt", "html", "jsonl"].includes(stdinFormat)) {
    usage(`--stdin-format: expected txt, html or jsonl, got "${stdinFormat}"`);
  }
  if (inputs.filter((i) => i === "-").length > 1) usage("stdin (-) can be read only once");
  const threads = Number(opts.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) {
    usage(`--threads: expected a whole number from 1 to 256, got "${opts.threads}"`);
  }
  const timeoutSeconds = Number(opts.timeout);
  if (!(timeoutSeconds > 0)) usage(`--timeout: expected a number of seconds above 0, got "${opts.timeout}"`);
  const run: IngestRun = { started, maxBytes, stdinFormat, threads, timeoutMs: Math.round(timeoutSeconds * 1000) };

  // one writer per store: a second ingest would read the store before this one writes it back,
  // and its write would drop this one's articles
  const release = await lockStore(opts.data, "kg ingest");
  try {
    return await ingestLocked(inputs, opts, run);
  } finally {
    await release();
  }
}

interface IngestRun {
  started: number;
  maxBytes: number;
  stdinFormat: string | undefined;
  threads: number;
  timeoutMs: number;
}

async function ingestLocked(inputs: string[], opts: IngestOptions, run: IngestRun): Promise<number> {
  const { started, maxBytes, stdinFormat, threads, timeoutMs } = run;
  let store: StoreData;
  try {
    store = await readStore(opts.data);
  } catch (e) {
    if (e instanceof ValidationError) {
      throw new Error(`the store in ${opts.data} is invalid, nothing was ingested: ${e.message}`);
    }
    throw e;
  }
  // A half-written store (its files are not those store.json names) cannot vouch for the claims
  // it keeps for an unchanged article: extract every given article again, as --force would.
  if (!opts.force && (await checkStoreFiles(opts.data)).length > 0) {
    process.stderr.write(`kg: warning: ${opts.data} was left half-written; extracting every given article again\n`);
    opts.force = true;
  }
  const knownEntities: readonly Entity[] = store.entities;
  // An article already in the store with the same text keeps its claims: a re-run changes
  // nothing and costs no extraction (--force extracts again, e.g. after the extractor changed).
  const storedArticles = new Map(store.articles.map((a) => [a.id, a]));
  const storedClaims = new Map<string, Claim[]>();
  for (const c of store.claims) {
    const list = storedClaims.get(c.doc);
    if (list) list.push(c);
    else storedClaims.set(c.doc, [c]);
  }
  let unchanged = 0;

  const entries: InputEntry[] = [];
  for await (const entry of expandInputs(inputs)) entries.push(entry);

  const stderr = process.stderr;
  const say = (line: string) => stderr.write(`${stderr.isTTY ? "\r\x1b[K" : ""}${line}\n`);
  let failed = 0;
  let skipped = 0;
  let warnings = 0;
  let sentences = 0;
  const articles: Article[] = [];
  const claims: Claim[] = [];
  const entities: Entity[] = [];
  const sourceOf = new Map<string, string>();
  const warn = (source: string, message: string) => {
    warnings++;
    if (opts.verbose || warnings <= MAX_PRINTED_WARNINGS) say(`kg: warning: ${source}: ${message}`);
  };
  const fail = (source: string, message: string) => {
    failed++;
    say(`kg: error: ${source}: ${message}`);
  };

  // Articles are parsed concurrently (one CoreNLP server thread each) but their results are
  // taken in input order, so the store, the messages and the summary do not depend on timing.
  // CoreNLP is asked for only when the parse cache lacks an article: a re-run after a rules
  // change needs no server, and one that does waits for it to start only then.
  const nlpUrl = localCoreNlp().url;
  let client: Promise<CoreNlpClient> | null = null;
  const extractor = articleExtractor({
    client: () =>
      (client ??= ensureCoreNlp({ say: (m) => say(`kg: ${m}`) }).then(
        ({ url }) => coreNlpClient(url),
        (e: unknown) => {
          throw new NlpUnavailableError(e instanceof Error ? e.message : String(e));
        },
      )),
    cache: new ParseCache(defaultCacheDir()),
    parserId: coreNlpClient(nlpUrl).parserId,
    timeoutMs,
    knownEntities,
  });
  let parsedWords = 0;
  let cachedArticles = 0;
  const extract = async (article: Article): Promise<SafeExtraction> => {
    const r = await extractor.extract(article);
    parsedWords += r.words;
    if (r.cached) cachedArticles++;
    return r;
  };
  const pending: Array<Promise<() => void>> = [];
  const window = threads;
  const settleOne = async () => (await pending.shift()!)();

  const progress = createProgress({ label: "ingest", total: entries.length, unit: "files" });
  try {
    for (const entry of entries) {
      for await (const item of readEntry(entry, { maxBytes, stdinFormat: stdinFormat as Format | undefined })) {
        if (item.kind === "failed") {
          pending.push(Promise.resolve(() => fail(item.source, item.message)));
        } else if (item.kind === "skipped") {
          pending.push(
            Promise.resolve(() => {
              skipped++;
              warn(item.source, `${item.message}; skipped`);
            }),
          );
        } else {
          const { article } = item;
          const earlier = sourceOf.get(article.id);
          if (earlier !== undefined) {
            const message = `article id "${article.id}" was already read from ${earlier} in this run; skipped`;
            pending.push(Promise.resolve(() => fail(item.source, message)));
          } else if (
            !opts.force &&
            storedArticles.has(article.id) &&
            sameArticle(storedArticles.get(article.id)!, article)
          ) {
            sourceOf.set(article.id, item.source);
            pending.push(
              Promise.resolve(() => {
                for (const w of item.warnings) warn(item.source, w);
                unchanged++;
                articles.push(article);
                for (const c of storedClaims.get(article.id) ?? []) claims.push(c);
              }),
            );
          } else {
            sourceOf.set(article.id, item.source);
            const done = extract(article).then((extraction) => () => {
              for (const w of item.warnings) warn(item.source, w);
              if (!extraction.ok) {
                fail(item.source, extraction.message);
                return;
              }
              const { result } = extraction;
              for (const w of result.warnings) warn(item.source, w);
              articles.push(article);
              for (const c of result.claims) claims.push(c);
              for (const e of result.entities) entities.push(e);
              sentences += result.sentences;
            });
            // awaited in input order below; a failure must not count as unhandled meanwhile
            done.catch(() => undefined);
            pending.push(done);
          }
        }
        while (pending.length >= window) await settleOne();
      }
      progress.tick();
    }
    while (pending.length > 0) await settleOne();
  } catch (e) {
    for (const p of pending) p.catch(() => undefined);
    if (e instanceof NlpUnavailableError) {
      progress.done();
      throw new Error(`${e.message}; nothing was ingested, the store was not changed`);
    }
    throw e;
  }
  progress.done();

  if (articles.length === 0) {
    say(failed > 0 ? "kg: nothing ingested; the store was not changed" : "kg: no articles found in the inputs");
    return 1;
  }

  const { data, summary } = mergeStoreData(store, { articles, entities, claims });
  await writeStore(opts.data, data);
  const outDir = opts.out ?? opts.data;
  const separateOut = path.resolve(outDir) !== path.resolve(opts.data);
  const runClaims = [...new Map(claims.map((c) => [c.id, c])).values()].sort(compareClaims);
  if (separateOut) await writeFileAtomic(path.join(outDir, STORE_FILES.claims), toJsonl(runClaims));

  const perPredicate = new Map<string, number>();
  for (const c of runClaims) perPredicate.set(c.predicate, (perPredicate.get(c.predicate) ?? 0) + 1);
  const seconds = (performance.now() - started) / 1000;
  const lines = [
    `ingested ${articles.length} article${articles.length === 1 ? "" : "s"} in ${seconds.toFixed(1)} s` +
      ` (${failed} failed, ${skipped} skipped, ${warnings} warning${warnings === 1 ? "" : "s"})`,
    `  parsed ${parsedWords} words (${cachedArticles} article${cachedArticles === 1 ? "" : "s"} from the parse cache), ` +
      `sentences ${sentences}, entities ${new Set(entities.map((e) => e.id)).size} (${summary.entitiesAdded} new), claims ${runClaims.length}`,
    ...[...perPredicate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, n]) => `    ${p.padEnd(16)} ${n}`),
    `  store ${opts.data}: ${summary.articlesAdded} added, ${summary.articlesReplaced} replaced, ` +
      `${summary.articlesUnchanged} unchanged; now ${data.articles.length} articles, ${data.claims.length} claims`,
    `  claims: ${path.join(outDir, STORE_FILES.claims)}`,
  ];
  if (unchanged > 0) {
    lines.splice(
      1,
      0,
      `  ${unchanged} already in the store unchanged: their claims kept, not extracted again (--force)`,
    );
  }
  if (warnings > MAX_PRINTED_WARNINGS && !opts.verbose) {
    lines.push(`  ${warnings - MAX_PRINTED_WARNINGS} more warnings not shown (--verbose lists them all)`);
  }
  console.log(lines.join("\n"));
  return failed > 0 ? 1 : 0;
}
