import { z } from "zod";
import { issuesOf } from "../../src/model/validate.js";
import { normaliseDate } from "./date.js";
import type { ReadItem } from "./item.js";
import { noBody, noBodyMessage } from "./no-body.js";
import { readTxtHeaderBlock } from "./txt.js";
import { decodeUtf8 } from "./utf8.js";

/**
 * JSONL article files: one article per line, `{id, title, text, url, date, publisher}`. Each
 * line stands alone: a bad line is reported as `file:line: field: problem` and the other lines
 * are still read. Lines are split from raw bytes so an over-long line is dropped as it streams
 * instead of being held in memory whole.
 */
export const JsonlArticleSchema = z.object({
  id: z.string().trim().min(1, "id must not be empty").max(512, "id must be at most 512 characters"),
  text: z.string().refine((t) => t.trim() !== "", "text must not be empty"),
  title: z.string().nullish(),
  publisher: z.string().nullish(),
  url: z.string().nullish(),
  // a bad date is a warning, never a failed article: accept anything here and normalise later
  date: z.unknown().optional(),
});

const orNull = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === "" ? null : s);

export function articleFromJsonlLine(line: string, location: string, sourcePath: string): ReadItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { kind: "failed", source: location, message: `invalid JSON (${(e as Error).message})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { kind: "failed", source: location, message: "expected a JSON object with id and text" };
  }
  const r = JsonlArticleSchema.safeParse(value);
  if (!r.success) {
    const message = issuesOf(r.error)
      .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
      .join("; ");
    return { kind: "failed", source: location, message };
  }
  const title = orNull(r.data.title);
  // a record made from a text file may carry its header lines in the text, and nothing else
  const block = readTxtHeaderBlock(r.data.text);
  const why = noBody(r.data.text, block?.end ?? 0, title ?? block?.headers.title ?? null);
  if (why) {
    const input = {
      kind: "text",
      headerNames: block?.names ?? [],
      title: title ?? block?.headers.title ?? null,
    } as const;
    return { kind: "failed", source: location, message: `text: ${noBodyMessage(why, input)}` };
  }
  const warnings: string[] = [];
  const raw = r.data.date;
  const { date, warning } =
    raw === undefined || raw === null
      ? { date: null }
      : typeof raw === "string" || typeof raw === "number"
        ? normaliseDate(String(raw))
        : { date: null, warning: "date is not a string; stored as unknown" };
  if (warning) warnings.push(`date: ${warning}`);
  return {
    kind: "article",
    source: location,
    warnings,
    article: {
      id: r.data.id,
      title,
      publisher: orNull(r.data.publisher),
      date,
      url: orNull(r.data.url),
      text: r.data.text,
      sourcePath,
    },
  };
}

/** Splits a byte stream into lines (without "\n"); lines longer than maxBytes come back as null. */
export async function* byteLines(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<{ bytes: Buffer | null; length: number }> {
  let parts: Buffer[] = [];
  let length = 0;
  let overlong = false;
  const take = (b: Buffer) => {
    length += b.length;
    if (overlong) return;
    if (length > maxBytes) {
      overlong = true;
      parts = [];
    } else parts.push(b);
  };
  const line = () => {
    const out = { bytes: overlong ? null : Buffer.concat(parts), length };
    parts = [];
    length = 0;
    overlong = false;
    return out;
  };
  let any = false;
  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
      take(buf.subarray(start, nl));
      yield line();
      start = nl + 1;
    }
    if (start < buf.length) {
      take(buf.subarray(start));
      any = true;
    } else any = false;
  }
  if (any || length > 0) yield line();
}

/** Articles of a JSONL byte stream; `name` is how the file is named in messages. */
export async function* readJsonlArticles(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  name: string,
  maxBytes: number,
): AsyncGenerator<ReadItem> {
  let n = 0;
  for await (const { bytes, length } of byteLines(chunks, maxBytes)) {
    n++;
    const location = `${name}:${n}`;
    if (bytes === null) {
      yield {
        kind: "failed",
        source: location,
        message: `line is ${length} bytes, over the --max-bytes limit of ${maxBytes}; skipped`,
      };
      continue;
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) {
      yield { kind: "failed", source: location, message: decoded.message };
      continue;
    }
    const line = decoded.text.replace(/^\uFEFF/, "").replace(/\r$/, "");
    if (line.trim() === "") continue;
    yield articleFromJsonlLine(line, location, location);
  }
}
