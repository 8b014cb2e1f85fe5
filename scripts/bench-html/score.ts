/**
 * How close an extracted text is to the known article body. Both texts become bags of tokens
 * (maximal runs of letters, digits and underscores, case kept, punctuation and spacing ignored),
 * and the overlap of the bags gives true positives (in both), false positives (extracted only)
 * and false negatives (expected only). Order is ignored, so a paragraph moved elsewhere costs
 * nothing while a caption or a related-article list kept costs precision.
 *
 * Two units are scored: single words, and "shingles" of four consecutive words. Shingles are what
 * the published article-extraction comparisons report, and they also catch text that is kept but
 * broken up or run together; words are the plainer measure.
 *
 * Over a set of pages, each page counts once however long it is: its counts are divided by their
 * sum before averaging, precision is averaged over the pages where something was extracted, recall
 * over the pages where something was expected, and F1 is taken from those two averages.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function bag(units: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u, (counts.get(u) ?? 0) + 1);
  return counts;
}

function* shingles(words: string[], n: number): Generator<string> {
  // a text shorter than n words is one shingle, so that it still counts for something
  if (words.length > 0 && words.length < n) yield words.join(" ");
  for (let i = 0; i + n <= words.length; i++) yield words.slice(i, i + n).join(" ");
}

/** True positives, false positives and false negatives of one page, as shares of their sum. */
export interface Overlap {
  tp: number;
  fp: number;
  fn: number;
}

function overlap(expected: Map<string, number>, got: Map<string, number>): Overlap {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [unit, e] of expected) {
    const g = got.get(unit) ?? 0;
    tp += Math.min(e, g);
    fn += Math.max(0, e - g);
  }
  for (const [unit, g] of got) fp += Math.max(0, g - (expected.get(unit) ?? 0));
  const sum = tp + fp + fn;
  return sum === 0 ? { tp: 0, fp: 0, fn: 0 } : { tp: tp / sum, fp: fp / sum, fn: fn / sum };
}

export interface PageScore {
  words: Overlap;
  shingles: Overlap;
}

export const SHINGLE = 4;

export function scorePage(expected: string, got: string): PageScore {
  const e = tokens(expected);
  const g = tokens(got);
  return {
    words: overlap(bag(e), bag(g)),
    shingles: overlap(bag(shingles(e, SHINGLE)), bag(shingles(g, SHINGLE))),
  };
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

function precisionOf(o: Overlap): number | null {
  if (o.tp + o.fp + o.fn === 0) return 1; // nothing expected, nothing extracted: right
  return o.tp + o.fp === 0 ? null : o.tp / (o.tp + o.fp);
}

function recallOf(o: Overlap): number | null {
  if (o.tp + o.fp + o.fn === 0) return 1;
  return o.tp + o.fn === 0 ? null : o.tp / (o.tp + o.fn);
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export function prf(pages: Overlap[]): Prf {
  const precision = mean(pages.map(precisionOf).filter((x): x is number => x !== null));
  const recall = mean(pages.map(recallOf).filter((x): x is number => x !== null));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** One page's own P/R/F1 (an empty extraction has precision 0 here, to show in the listing). */
export function pagePrf(o: Overlap): Prf {
  return prf([o]);
}
