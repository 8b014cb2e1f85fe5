import type { ParsedDocument } from "./parsed.js";

/**
 * Long articles are parsed in pieces: a CoreNLP server refuses texts past its maximum length
 * (100,000 characters by default) and one request per piece keeps each within the time limit.
 * Pieces end at line breaks, so no sentence is cut; every piece is sent as the whole text with
 * everything outside it blanked, so offsets stay those of the article.
 */

export const MAX_CHUNK_CHARS = 40_000;

export interface Chunk {
  start: number;
  end: number;
}

export function chunksOf(text: string, max = MAX_CHUNK_CHARS): Chunk[] {
  if (text.length <= max) return [{ start: 0, end: text.length }];
  const out: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + max);
    if (end < text.length) {
      const nl = text.lastIndexOf("\n", end);
      if (nl > start) end = nl + 1;
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}

/** One piece as the parser is sent it: the piece's text alone; its offsets are shifted back after. */
export function chunkText(text: string, c: Chunk): string {
  return text.slice(c.start, c.end);
}

/** The parses of the pieces as one: offsets shifted to the article's, sentences renumbered. */
export function joinParses(parts: Array<{ chunk: Chunk; doc: ParsedDocument }>, parser: string): ParsedDocument {
  const sentences: ParsedDocument["sentences"] = [];
  for (const { chunk, doc } of parts) {
    for (const s of doc.sentences) {
      sentences.push({
        ...s,
        index: sentences.length,
        start: s.start + chunk.start,
        end: s.end + chunk.start,
        tokens: s.tokens.map((t) => ({ ...t, start: t.start + chunk.start, end: t.end + chunk.start })),
      });
    }
  }
  return { parser, sentences };
}
