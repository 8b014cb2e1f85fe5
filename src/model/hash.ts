/**
 * Stable, dependency-free 64-bit hashing (two FNV-1a lanes with different offsets).
 * Pure JavaScript so the same ids can be computed in Node, in workers and in the browser.
 */
const FNV_PRIME = 0x01000193;

function fnv1a32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  // final avalanche so that short inputs differing in one char spread over all bits
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** 16 hex chars; the unit separator keeps ("ab","c") and ("a","bc") apart. */
export function stableHash(...parts: ReadonlyArray<string | number>): string {
  const text = parts.map(String).join("\u001f");
  const a = fnv1a32(text, 0x811c9dc5);
  const b = fnv1a32(text, 0x050c5d1f);
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}
