import { foldName } from "../../../src/model/names.js";
import type { ViewerGraph } from "./types.js";

export interface SearchHit {
  id: string;
  name: string;
  type: string;
  /** the alias that matched, when the name did not */
  matched?: string;
}

/**
 * Entities whose name or an alias contains the query (accents and case ignored). Names that
 * start with the query rank first, then shorter names, so "china" finds China before
 * "Bank of China".
 */
export function searchNodes(graph: ViewerGraph, query: string, limit = 10): SearchHit[] {
  const q = foldName(query);
  if (q.length === 0) return [];
  const scored: Array<{ hit: SearchHit; score: number }> = [];
  graph.forEachNode((id, a) => {
    const name = foldName(a.name);
    let score = rank(name, q);
    let matched: string | undefined;
    for (const alias of a.aliases) {
      const s = rank(foldName(alias), q);
      if (s < score) {
        score = s;
        matched = alias;
      }
    }
    if (score === Infinity) return;
    const hit: SearchHit = { id, name: a.name, type: a.type };
    if (matched !== undefined) hit.matched = matched;
    scored.push({ hit, score: score * 1000 + Math.min(a.name.length, 999) - Math.min(a.degree, 999) / 1000 });
  });
  scored.sort((x, y) => x.score - y.score || x.hit.name.localeCompare(y.hit.name));
  return scored.slice(0, limit).map((s) => s.hit);
}

function rank(text: string, q: string): number {
  if (text === q) return 0;
  if (text.startsWith(q)) return 1;
  const i = text.indexOf(q);
  if (i < 0) return Infinity;
  return text[i - 1] === " " ? 2 : 3;
}
