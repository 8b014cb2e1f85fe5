import type { Sentence } from "./segment.js";
import type { Resolved } from "./resolve.js";
import type { Mention } from "./mentions.js";

/**
 * A sentence as the relation frames see it: actor mentions replaced by «i», origin modifiers
 * ("Chinese" before a noun) by ‹i›, typographic quotes folded. The frames are regular
 * expressions over this string; `orig()` maps any position back to article.text.
 */

export interface ResolvedMention extends Mention {
  entity: Resolved;
  /** name to use when the mention is cited as a source ("U.S. officials", "Chinese customs data") */
  sourceName: string;
}

export interface SentenceView {
  sentence: Sentence;
  mentions: ResolvedMention[];
  masked: string;
  /** masked index → absolute offset in article.text */
  orig(i: number): number;
}

export function buildView(sentence: Sentence, mentions: ResolvedMention[]): SentenceView {
  const parts: string[] = [];
  // pieces: [maskedStart, origStart, length, isMask, maskLenOrig]
  const map: Array<{ m: number; o: number; len: number; mask: boolean; olen: number }> = [];
  let pos = sentence.start;
  let mpos = 0;
  const text = sentence.text;
  mentions.forEach((men, i) => {
    if (men.start < pos) return;
    if (men.start > pos) {
      const chunk = text.slice(pos - sentence.start, men.start - sentence.start);
      parts.push(chunk);
      map.push({ m: mpos, o: pos, len: chunk.length, mask: false, olen: chunk.length });
      mpos += chunk.length;
    }
    const tag = men.role === "actor" ? `«${i}»` : `‹${i}›`;
    parts.push(tag);
    map.push({ m: mpos, o: men.start, len: tag.length, mask: true, olen: men.end - men.start });
    mpos += tag.length;
    pos = men.end;
  });
  if (pos < sentence.end) {
    const chunk = text.slice(pos - sentence.start);
    parts.push(chunk);
    map.push({ m: mpos, o: pos, len: chunk.length, mask: false, olen: chunk.length });
    mpos += chunk.length;
  }
  const masked = parts
    .join("")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/["\u201c\u201d\u201e]/g, " ");
  const orig = (i: number): number => {
    if (i >= mpos) return sentence.end;
    // binary search over pieces
    let lo = 0;
    let hi = map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (map[mid]!.m <= i) lo = mid;
      else hi = mid - 1;
    }
    const p = map[lo]!;
    if (p.mask) return i === p.m ? p.o : p.o + p.olen;
    return p.o + (i - p.m);
  };
  return { sentence, mentions, masked, orig };
}

/** Indices of the actor masks «i» in a masked substring, in order. */
export function actorsIn(s: string): number[] {
  const out: number[] = [];
  const re = /«(\d+)»/g;
  for (let m: RegExpExecArray | null; (m = re.exec(s)) !== null;) out.push(Number(m[1]));
  return out;
}

export function modifiersIn(s: string): number[] {
  const out: number[] = [];
  const re = /‹(\d+)›/g;
  for (let m: RegExpExecArray | null; (m = re.exec(s)) !== null;) out.push(Number(m[1]));
  return out;
}
