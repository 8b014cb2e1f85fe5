import { foldName } from "../../../src/model/names.js";

/**
 * Pure helpers for showing untrusted article text. Nothing here builds HTML: callers turn the
 * segments into text nodes and <mark> elements.
 */

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Splits a quote into plain and marked segments, marking every occurrence of the terms (the
 * entities the claim names), matched without regard to case. Overlapping matches merge.
 */
export function segmentQuote(quote: string, terms: readonly string[]): Segment[] {
  const lower = quote.toLowerCase();
  const marks: Array<[number, number]> = [];
  for (const term of terms) {
    const t = term.trim().toLowerCase();
    if (t.length < 2) continue;
    let from = 0;
    for (;;) {
      const i = lower.indexOf(t, from);
      if (i < 0) break;
      marks.push([i, i + t.length]);
      from = i + t.length;
    }
  }
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const m of marks) {
    const last = merged[merged.length - 1];
    if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of merged) {
    if (s > pos) out.push({ text: quote.slice(pos, s), mark: false });
    out.push({ text: quote.slice(s, e), mark: true });
    pos = e;
  }
  if (pos < quote.length) out.push({ text: quote.slice(pos), mark: false });
  return out;
}

/** The URL when it is http(s), else null: a javascript: or data: URL must never become a link. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** Names that differ only in case or accents are the same term for highlighting. */
export function distinctTerms(terms: ReadonlyArray<string | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of terms) {
    if (!t) continue;
    const k = foldName(t);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}
