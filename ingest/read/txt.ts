import type { Article } from "../../src/model/article.js";
import { normaliseDate } from "./date.js";

/**
 * Plain-text articles. The file may open with a block of `Key: value` header lines (Title,
 * Publisher, Date, URL) ended by a blank line; the article text is nevertheless the WHOLE file,
 * unchanged, because claim evidence offsets point into the file as it is on disk.
 */

const HEADER_KEYS: Record<string, "title" | "publisher" | "date" | "url"> = {
  title: "title",
  publisher: "publisher",
  source: "publisher",
  date: "date",
  published: "date",
  url: "url",
  link: "url",
};

// Header lines are short; looking further would make a 10 MB one-line file cost a regex scan.
const MAX_HEADER_LINES = 12;
const MAX_HEADER_LINE_LENGTH = 2_000;
const HEADER_LINE = /^([A-Za-z]+):[ \t]*(.*?)[ \t]*$/;

export interface TxtHeaders {
  title: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
}

export interface TxtHeaderBlock {
  headers: TxtHeaders;
  /** the header names as the file writes them, in order ("Title", "Publisher") */
  names: string[];
  /** offset of the first character after the block: where the article's body starts */
  end: number;
}

/**
 * Reads the header block, if the file has one: it must start on the first line, use only known
 * keys and end with a blank line (or the end of the file). Anything else means the file has no
 * headers and its first line is prose.
 */
export function readTxtHeaderBlock(text: string): TxtHeaderBlock | null {
  const found: TxtHeaders = { title: null, publisher: null, date: null, url: null };
  const names: string[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl === -1) nl = text.length;
    if (nl - pos > MAX_HEADER_LINE_LENGTH) return null;
    const line = text.slice(pos, nl).replace(/\r$/, "");
    if (line.trim() === "") return names.length > 0 ? { headers: found, names, end: pos } : null;
    pos = Math.min(nl + 1, text.length);
    if (names.length + 1 > MAX_HEADER_LINES) return null;
    const m = HEADER_LINE.exec(line);
    const key = m ? HEADER_KEYS[m[1]!.toLowerCase()] : undefined;
    if (!m || !key) return null;
    names.push(m[1]!);
    found[key] = m[2] === "" ? null : m[2]!;
  }
  return names.length > 0 ? { headers: found, names, end: pos } : null;
}

export function parseTxtHeaders(text: string): TxtHeaders | null {
  return readTxtHeaderBlock(text)?.headers ?? null;
}

export interface ReadArticle {
  article: Article;
  warnings: string[];
  /** where the article's body starts in its text, after the header lines or the title */
  bodyStart: number;
  /** the header lines before the body, by name ("Title", "Publisher"), to say what a file without a body holds */
  headerNames: string[];
}

export function articleFromTxt(id: string, text: string, sourcePath: string | null): ReadArticle {
  const warnings: string[] = [];
  const block = readTxtHeaderBlock(text);
  const headers = block?.headers;
  const { date, warning } = normaliseDate(headers?.date);
  if (warning) warnings.push(warning);
  return {
    article: {
      id,
      title: headers?.title ?? null,
      publisher: headers?.publisher ?? null,
      date,
      url: headers?.url ?? null,
      text,
      sourcePath,
    },
    warnings,
    bodyStart: block?.end ?? 0,
    headerNames: block?.names ?? [],
  };
}
