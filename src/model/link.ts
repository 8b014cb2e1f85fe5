import { z } from "zod";
import type { Claim } from "./claim.js";
import { EntityIdSchema } from "./entity.js";
import { stableHash } from "./hash.js";
import { PredicateNameSchema } from "./vocabulary.js";

/**
 * A link is the direct (subject)-[PREDICATE]->(object) relationship drawn in the viewer and
 * written to Neo4j, aggregating every claim that asserts (or denies) it.
 */
export const LinkSchema = z
  .object({
    id: z.string().regex(/^l_[0-9a-f]{16}$/),
    source: EntityIdSchema,
    target: EntityIdSchema,
    predicate: PredicateNameSchema,
    /** number of claims behind the link */
    claims: z.number().int().nonnegative(),
    claimIds: z.array(z.string()),
    /** distinct attributions (who said it), sorted */
    sources: z.array(z.string()),
    /** independent sources: distinct attributions, an unattributed article counting as its own */
    sourceCount: z.number().int().nonnegative(),
    articles: z.array(z.string()),
    recipients: z.array(z.string()),
    via: z.array(z.string()),
    firstYear: z.number().int().nullable(),
    lastYear: z.number().int().nullable(),
    negatedClaims: z.number().int().nonnegative(),
    /** every claim behind it says it does not happen */
    negated: z.boolean(),
    /** some claims affirm it and some deny it */
    contested: z.boolean(),
    /** highest claim confidence */
    confidence: z.number().min(0).max(1),
  })
  .strict();
export type Link = z.infer<typeof LinkSchema>;

/** Every field of a link, and the aggregate ones (all but identity and endpoints). */
export const LINK_FIELDS = Object.keys(LinkSchema.shape) as Array<keyof Link>;
export const LINK_AGGREGATE_FIELDS = LINK_FIELDS.filter(
  (k) => k !== "id" && k !== "source" && k !== "target" && k !== "predicate",
) as Array<Exclude<keyof Link, "id" | "source" | "target" | "predicate">>;

export function linkId(source: string, predicate: string, target: string): string {
  return "l_" + stableHash(source, predicate, target);
}

/** Years covered by a claim's time qualifier ("2023-01/2024-06" → [2023, 2024]). */
export function claimYears(time: string | undefined): [number, number] | null {
  if (!time) return null;
  const [from, to] = time.split("/");
  const a = Number(from!.slice(0, 4));
  const b = to ? Number(to.slice(0, 4)) : a;
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
}

const sorted = (s: Set<string>) => [...s].sort();

/** Aggregates claims into links, one per (subjectId, predicate, objectId), in a stable order. */
export function aggregateLinks(claims: Iterable<Claim>): Link[] {
  interface Acc {
    source: string;
    target: string;
    predicate: string;
    claimIds: string[];
    sources: Set<string>;
    sourceKeys: Set<string>;
    articles: Set<string>;
    recipients: Set<string>;
    via: Set<string>;
    first: number | null;
    last: number | null;
    negated: number;
    confidence: number;
  }
  const acc = new Map<string, Acc>();
  for (const c of claims) {
    const id = linkId(c.subjectId, c.predicate, c.objectId);
    let a = acc.get(id);
    if (!a) {
      a = {
        source: c.subjectId,
        target: c.objectId,
        predicate: c.predicate,
        claimIds: [],
        sources: new Set(),
        sourceKeys: new Set(),
        articles: new Set(),
        recipients: new Set(),
        via: new Set(),
        first: null,
        last: null,
        negated: 0,
        confidence: 0,
      };
      acc.set(id, a);
    }
    a.claimIds.push(c.id);
    const by = c.attributedTo ?? [];
    for (const s of by) {
      a.sources.add(s);
      a.sourceKeys.add(`by:${s.toLowerCase()}`);
    }
    if (by.length === 0) a.sourceKeys.add(`article:${c.doc}`);
    a.articles.add(c.doc);
    if (c.recipient) a.recipients.add(c.recipient);
    for (const v of c.via ?? []) a.via.add(v);
    const years = claimYears(c.time);
    if (years) {
      a.first = a.first === null ? years[0] : Math.min(a.first, years[0]);
      a.last = a.last === null ? years[1] : Math.max(a.last, years[1]);
    }
    if (c.negated) a.negated++;
    a.confidence = Math.max(a.confidence, c.confidence);
  }
  return [...acc.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([id, a]) => ({
      id,
      source: a.source,
      target: a.target,
      predicate: a.predicate,
      claims: a.claimIds.length,
      claimIds: [...a.claimIds].sort(),
      sources: sorted(a.sources),
      sourceCount: a.sourceKeys.size,
      articles: sorted(a.articles),
      recipients: sorted(a.recipients),
      via: sorted(a.via),
      firstYear: a.first,
      lastYear: a.last,
      negatedClaims: a.negated,
      negated: a.negated === a.claimIds.length,
      contested: a.negated > 0 && a.negated < a.claimIds.length,
      confidence: a.confidence,
    }));
}
