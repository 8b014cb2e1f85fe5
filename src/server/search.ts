import type { SearchResponse } from "../model/api.js";
import { foldName } from "../model/names.js";

export interface SearchEntry {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  /** claims about the entity: the tie-breaker, so that the entity a user most likely means comes first */
  weight: number;
}

type SearchResult = SearchResponse["results"][number];

interface Key {
  key: string;
  entry: number;
  /** index into [name, ...aliases] */
  label: number;
  /** the key starts the whole label (not a later word) */
  whole: boolean;
}

/**
 * Autocomplete over entity names and aliases. Every label is folded (case, accents) and indexed
 * at the start of each word, in one sorted array: a query is a binary search for its prefix
 * range, so a keystroke costs O(log n + matches) however many entities there are.
 */
export class SearchIndex {
  private readonly keys: Key[] = [];
  private readonly ids = new Set<string>();
  /** entries in tie-break order (more claims, shorter name, A-Z) and each entry's place in it */
  private readonly order: Int32Array;
  private readonly place: Int32Array;
  /** per-query scratch: best code and label per entry (reset after each query) */
  private readonly bestCode: Float64Array;
  private readonly bestLabel: Int32Array;

  constructor(private readonly entries: readonly SearchEntry[]) {
    entries.forEach((e, entry) => {
      this.ids.add(e.id);
      [e.name, ...e.aliases].forEach((label, index) => {
        const folded = foldName(label);
        if (folded.length === 0) return;
        this.keys.push({ key: folded, entry, label: index, whole: true });
        for (const m of folded.matchAll(/[\s\-/(&.,']+(?=[a-z0-9])/g)) {
          this.keys.push({ key: folded.slice(m.index + m[0].length), entry, label: index, whole: false });
        }
      });
    });
    this.keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    this.order = Int32Array.from(entries.keys()).sort((i, j) => {
      const a = entries[i]!;
      const b = entries[j]!;
      return b.weight - a.weight || a.name.length - b.name.length || cmp(a.name, b.name) || cmp(a.id, b.id);
    });
    this.place = new Int32Array(entries.length);
    this.order.forEach((entry, place) => (this.place[entry] = place));
    this.bestCode = new Float64Array(entries.length).fill(Infinity);
    this.bestLabel = new Int32Array(entries.length);
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * The entity an id, name or alias names exactly (folded, as findNode does for the store): an
   * id first, then a name, then an alias; the most-claimed one when several share it.
   */
  resolve(idOrName: string): string | undefined {
    if (this.ids.has(idOrName)) return idOrName;
    const [best] = this.search(idOrName, 1);
    return best && foldName(best.matched ?? best.name) === foldName(idOrName) ? best.id : undefined;
  }

  /**
   * Ranked matches: exact name or alias, then the whole name or alias starting with the query,
   * then a later word starting with it; names before aliases; then by weight, shorter, A-Z.
   * Each match is one number (rank × entries + tie-break place), so that ranking thousands of
   * matches of a one-letter query is a typed-array sort, not object comparisons.
   */
  search(query: string, limit: number): SearchResult[] {
    const q = foldName(query);
    if (q.length === 0) return [];
    const n = this.entries.length;
    const touched: number[] = [];
    for (let i = lowerBound(this.keys, q); i < this.keys.length; i++) {
      const k = this.keys[i]!;
      if (!k.key.startsWith(q)) break;
      const exact = k.whole && k.key === q;
      const rank = (exact ? 0 : k.whole ? 2 : 4) + (k.label === 0 ? 0 : 1);
      const code = rank * n + this.place[k.entry]!;
      const seen = this.bestCode[k.entry]!;
      if (seen === Infinity) touched.push(k.entry);
      if (code < seen || (code === seen && k.label < this.bestLabel[k.entry]!)) {
        this.bestCode[k.entry] = code;
        this.bestLabel[k.entry] = k.label;
      }
    }
    const codes = new Float64Array(touched.length);
    touched.forEach((entry, i) => (codes[i] = this.bestCode[entry]!));
    // bestLabel needs no reset: an entry's first match of a query always overwrites it
    for (const entry of touched) this.bestCode[entry] = Infinity;
    codes.sort();
    const results: SearchResult[] = [];
    for (const code of codes.subarray(0, limit)) {
      const entry = this.order[code % n]!;
      const e = this.entries[entry]!;
      const result: SearchResult = { id: e.id, name: e.name, type: e.type, aliases: e.aliases };
      const label = this.bestLabel[entry]!;
      if (label > 0) result.matched = e.aliases[label - 1]!;
      results.push(result);
    }
    return results;
  }
}

function lowerBound(keys: readonly Key[], q: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]!.key < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
