import { promises as fs } from "node:fs";
import path from "node:path";
import { ArticleSchema, type Article } from "../../src/model/article.js";
import { issuesOf } from "../../src/model/validate.js";
import { articleFromHtml } from "./html.js";
import type { ReadItem } from "./item.js";
import { readJsonlArticles } from "./jsonl.js";
import { noBody, noBodyMessage } from "./no-body.js";
import { articleFromTxt, type ReadArticle } from "./txt.js";
import { decodeUtf8 } from "./utf8.js";

/**
 * From command-line inputs (files, folders, "-" for stdin) to articles. Folders are walked
 * recursively in sorted order so that the same folder always gives the same batch. Every input
 * problem becomes a ReadItem naming the file; nothing here throws for one bad file.
 */

export type Format = "txt" | "html" | "jsonl";

const EXTENSIONS: Record<string, Format> = {
  ".txt": "txt",
  ".text": "txt",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export function formatOf(file: string): Format | null {
  return EXTENSIONS[path.extname(file).toLowerCase()] ?? null;
}

/** An input after expansion: a file to read, stdin, or an input that cannot be used. */
export type InputEntry =
  | { kind: "file"; path: string; format: Format }
  | { kind: "stdin" }
  | { kind: "failed"; source: string; message: string }
  | { kind: "skipped"; source: string; message: string };

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function describeError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case "ENOENT":
      return "no such file or folder (or a link to one that does not exist)";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a folder, expected a file";
    case "ELOOP":
      return "too many levels of symbolic links";
    default:
      return err.message ?? String(e);
  }
}

async function* walk(dir: string, seen: Set<string>): AsyncGenerator<InputEntry> {
  let real: string;
  let names: string[];
  try {
    real = await fs.realpath(dir);
    names = await fs.readdir(dir);
  } catch (e) {
    yield { kind: "failed", source: dir, message: `cannot read folder: ${describeError(e)}` };
    return;
  }
  // a symlink back to an ancestor would otherwise walk forever
  if (seen.has(real)) return;
  seen.add(real);
  for (const name of names.sort(byName)) {
    if (name.startsWith(".")) continue; // hidden files and editors' temporaries are never articles
    yield* classify(path.join(dir, name), false, seen);
  }
}

async function* classify(p: string, explicit: boolean, seen: Set<string>): AsyncGenerator<InputEntry> {
  let stat;
  try {
    stat = await fs.stat(p);
  } catch (e) {
    yield { kind: "failed", source: p, message: `cannot read: ${describeError(e)}` };
    return;
  }
  if (stat.isDirectory()) {
    yield* walk(p, seen);
    return;
  }
  const format = formatOf(p);
  if (!stat.isFile()) {
    yield { kind: "failed", source: p, message: "not a regular file" };
  } else if (format) {
    yield { kind: "file", path: p, format };
  } else {
    const message = `unsupported file type "${path.extname(p) || "(no extension)"}" (expected ${SUPPORTED_EXTENSIONS.join(", ")})`;
    // a file named on the command line was meant to be read; a stray file in a folder was not
    yield explicit ? { kind: "failed", source: p, message } : { kind: "skipped", source: p, message };
  }
}

/** Expands the command-line inputs, folders recursively, in a stable order. */
export async function* expandInputs(inputs: readonly string[]): AsyncGenerator<InputEntry> {
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input === "-") yield { kind: "stdin" };
    else yield* classify(input, true, seen);
  }
}

export interface ReadOptions {
  /** largest article (file, or JSONL line) read, in bytes */
  maxBytes?: number;
  /** format of stdin; guessed from its first characters when absent */
  stdinFormat?: Format;
  stdin?: AsyncIterable<Uint8Array>;
}

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

function checked(read: ReadArticle, source: string, format: "txt" | "html"): ReadItem {
  const article: Article = read.article;
  const why = noBody(article.text, read.bodyStart, article.title);
  if (why) {
    const input = {
      kind: format === "html" ? "page" : "file",
      headerNames: read.headerNames,
      title: article.title,
    } as const;
    return { kind: "failed", source, message: noBodyMessage(why, input) };
  }
  const r = ArticleSchema.safeParse(article);
  if (!r.success) {
    const message = issuesOf(r.error)
      .map((i) => `${i.path}: ${i.message}`)
      .join("; ");
    return { kind: "failed", source, message };
  }
  return { kind: "article", source, article: r.data, warnings: read.warnings };
}

function fromText(format: "txt" | "html", id: string, text: string, sourcePath: string): ReadItem {
  try {
    return checked(
      format === "txt" ? articleFromTxt(id, text, sourcePath) : articleFromHtml(id, text, sourcePath),
      sourcePath,
      format,
    );
  } catch (e) {
    // one page that breaks the HTML parser must not end the batch
    return { kind: "failed", source: sourcePath, message: `cannot parse: ${(e as Error).message}` };
  }
}

/** Reads all of a byte stream, giving up (null) past `limit` bytes so memory stays bounded. */
async function readAllBounded(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<Buffer | { over: number }> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const c of chunks) {
    size += c.length;
    if (size <= limit) parts.push(Buffer.from(c));
  }
  return size > limit ? { over: size } : Buffer.concat(parts);
}

export function guessFormat(text: string): Format {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("<")) return "html";
  if (start.startsWith("{")) return "jsonl";
  return "txt";
}

/** The articles of one input, with the problems of each named by file (and line for JSONL). */
export async function* readEntry(entry: InputEntry, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (entry.kind === "failed" || entry.kind === "skipped") {
    yield entry;
    return;
  }
  if (entry.kind === "stdin") {
    const buf = await readAllBounded(options.stdin ?? process.stdin, maxBytes);
    if (!Buffer.isBuffer(buf)) {
      yield {
        kind: "failed",
        source: "-",
        message: `stdin is ${mb(buf.over)}, over the --max-bytes limit of ${mb(maxBytes)}`,
      };
      return;
    }
    const decoded = decodeUtf8(buf);
    if (!decoded.ok) {
      yield { kind: "failed", source: "-", message: decoded.message };
      return;
    }
    const format = options.stdinFormat ?? guessFormat(decoded.text);
    if (format === "jsonl") {
      yield* readJsonlArticles([buf], "-", maxBytes);
      return;
    }
    yield fromText(format, "stdin", decoded.text, "-");
    return;
  }

  const file = entry.path;
  if (entry.format === "jsonl") {
    try {
      // open first: a failure to open is one error for the file, not a crash mid-stream
      const handle = await fs.open(file, "r");
      // the stream takes the handle itself, not its number: destroying a stream closes its fd, and a
      // second close of a bare number could close a file someone else has opened since
      const stream = handle.createReadStream({ highWaterMark: 1 << 20 });
      try {
        yield* readJsonlArticles(stream, file, maxBytes);
      } finally {
        stream.destroy();
        await handle.close().catch(() => undefined);
      }
    } catch (e) {
      yield { kind: "failed", source: file, message: `cannot read: ${describeError(e)}` };
    }
    return;
  }
  let buf: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.size > maxBytes) {
      yield {
        kind: "failed",
        source: file,
        message: `file is ${mb(stat.size)}, over the --max-bytes limit of ${mb(maxBytes)}; skipped (raise --max-bytes to read it)`,
      };
      return;
    }
    buf = await fs.readFile(file);
  } catch (e) {
    yield { kind: "failed", source: file, message: `cannot read: ${describeError(e)}` };
    return;
  }
  if (buf.length === 0) {
    yield { kind: "failed", source: file, message: "empty file" };
    return;
  }
  const decoded = decodeUtf8(buf);
  if (!decoded.ok) {
    yield { kind: "failed", source: file, message: decoded.message };
    return;
  }
  const id = path.basename(file, path.extname(file));
  yield fromText(entry.format, id, decoded.text, file);
}
