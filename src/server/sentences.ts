import type { SentenceHit } from "../model/api.js";
import type { Claim } from "../model/claim.js";
import { claimFlows } from "../model/flow.js";
import { linkId } from "../model/link.js";
import { foldName } from "../model/names.js";

/**
 * Sentence search: the claims whose evidence contains the query ("artillery shells"), one hit
 * per sentence span, each naming the link (and the flow) it is evidence for so that the viewer can
 * go straight to it. Matching ignores case, accents and runs of spaces, like the entity search.
 */
export function sentenceHit(c: Claim): SentenceHit {
  const { flow } = claimFlows(c);
  return {
    claim: c.id,
    doc: c.doc,
    quote: c.evidence.quote,
    subject: c.subject,
    predicate: c.predicate,
    object: c.object,
    ...(c.recipient ? { recipient: c.recipient } : {}),
    negated: c.negated,
    linkId: linkId(c.subjectId, c.predicate, c.objectId),
    ...(flow ? { flowId: flow.id } : {}),
  };
}

/** The first claim of each evidence span: a sentence that states five claims is one hit. */
export function distinctSentences(claims: Iterable<Claim>, limit: number): SentenceHit[] {
  const seen = new Set<string>();
  const out: SentenceHit[] = [];
  for (const c of claims) {
    const key = `${c.doc}\u0000${c.evidence.start}\u0000${c.evidence.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(sentenceHit(c));
    if (out.length >= limit) break;
  }
  return out;
}

/** A scan over the store's claims; the folded quotes are made on the first search. */
export class SentenceIndex {
  private folded: string[] | null = null;

  constructor(private readonly claims: readonly Claim[]) {}

  search(query: string, limit: number): SentenceHit[] {
    const q = foldName(query);
    if (q.length < 2) return [];
    this.folded ??= this.claims.map((c) => foldName(c.evidence.quote));
    const folded = this.folded;
    const claims = this.claims;
    function* matches() {
      for (let i = 0; i < claims.length; i++) if (folded[i]!.includes(q)) yield claims[i]!;
    }
    return distinctSentences(matches(), limit);
  }
}

/** A Lucene phrase query for Neo4j's full-text index: the words in this order, nothing special. */
export function phraseQuery(query: string): string {
  return `"${query.replace(/["\\]/g, "\\$&")}"`;
}
