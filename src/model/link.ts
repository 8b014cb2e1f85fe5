import { z } from "zod";
import type { Claim } from "./claim.js";
import { EntityIdSchema } from "./entity.js";
import { stableHash } from "./hash.js";
import { SourceTally, type ArticleFactsLookup } from "./sources.js";
import { eventTime, reportTime, timeYears, YearRange } from "./time.js";
import { PredicateNameSchema } from "./vocabulary.js";

/**
 * A link is one directed edge of the graph, aggregating every claim that asserts (or denies) it:
 *  - a relation link: (subject)-[PREDICATE]->(object) of the claims' own relation;
 *  - a supply flow: (supplier)-[SUPPLIES_TO]->(recipient), from supply claims that name a
 *    recipient, carrying the items (src/model/flow.ts);
 *  - a route leg: (a)-[ROUTES_TO]->(b), one step of supplier → intermediaries → recipient.
 * The counts on it follow the definitions of docs/model.md ("Counts"): sources are supporting
 * sources (src/model/sources.ts), years are event years (src/model/time.ts).
 */
export const LinkSchema = z
  .object({
    id: z.string().regex(/^l_[0-9a-f]{16}$/),
    source: EntityIdSchema,
    target: EntityIdSchema,
    predicate: PredicateNameSchema,
    /** number of claims behind the link (affirming and denying) */
    claims: z.number().int().nonnegative(),
    claimIds: z.array(z.string()),
    /** supporting sources: who affirms it (attributions, or the publisher of an unattributed article), sorted */
    sources: z.array(z.string()),
    /** independent supporting sources (docs/model.md, "Counts") */
    sourceCount: z.number().int().nonnegative(),
    /** sources of the claims that deny it */
    contestingSources: z.array(z.string()),
    articles: z.array(z.string()),
    recipients: z.array(z.string()),
    via: z.array(z.string()),
    /** supplier → intermediaries → recipient, as names, for claims that name a route */
    routes: z.array(z.string()),
    /** flows and route legs: the items some claim affirms; empty on relation links */
    items: z.array(z.string()),
    /** flows and route legs: items that every claim naming them denies */
    deniedItems: z.array(z.string()),
    /** years the claims' event times cover (what the sentences say); null when none states one */
    firstYear: z.number().int().nullable(),
    lastYear: z.number().int().nullable(),
    /** claims whose sentence gives no time: they have only a report time */
    claimsWithoutEventTime: z.number().int().nonnegative(),
    /** years of the articles that reported the claims */
    reportedFirstYear: z.number().int().nullable(),
    reportedLastYear: z.number().int().nullable(),
    negatedClaims: z.number().int().nonnegative(),
    /** every claim behind it says it does not happen */
    negated: z.boolean(),
    /** something on it is both affirmed and denied (for flows: some item) */
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
export const claimYears = timeYears;

/** What aggregating reads of a claim (the loader reads these back from Neo4j's Claim nodes). */
export type AggregatedClaim = Pick<
  Claim,
  | "id"
  | "doc"
  | "subject"
  | "subjectId"
  | "predicate"
  | "object"
  | "objectId"
  | "recipient"
  | "recipientId"
  | "via"
  | "viaIds"
  | "attributedTo"
  | "time"
  | "timeInferred"
  | "negated"
  | "confidence"
> & { evidence: { quote: string } };

const sorted = (s: Set<string>) => [...s].sort();

/** The running aggregate of one link. `strand` is the item a flow claim is about (null for relation links). */
export class LinkAccumulator {
  private readonly claimIds: string[] = [];
  private readonly supporting = new SourceTally();
  private readonly contesting = new SourceTally();
  private readonly articles = new Set<string>();
  private readonly recipients = new Set<string>();
  private readonly via = new Set<string>();
  private readonly routes = new Set<string>();
  /** per item (flows) or one strand (relation links): [affirming, denying] claims, and the names seen */
  private readonly strands = new Map<string, { affirmed: number; denied: number; names: Set<string> }>();
  private readonly events = new YearRange();
  private readonly reported = new YearRange();
  private withoutEventTime = 0;
  private negated = 0;
  private confidence = 0;

  constructor(
    readonly source: string,
    readonly target: string,
    readonly predicate: string,
  ) {}

  add(c: AggregatedClaim, facts: ArticleFactsLookup, strand: { id: string; name: string } | null): void {
    this.claimIds.push(c.id);
    const article = facts(c.doc);
    (c.negated ? this.contesting : this.supporting).add(c, article);
    this.articles.add(c.doc);
    if (c.recipient) this.recipients.add(c.recipient);
    for (const v of c.via ?? []) this.via.add(v);
    if (c.via && c.via.length > 0) this.routes.add([c.subject, ...c.via, c.recipient ?? "?"].join(" → "));
    const key = strand?.id ?? "";
    let s = this.strands.get(key);
    if (!s) this.strands.set(key, (s = { affirmed: 0, denied: 0, names: new Set() }));
    if (c.negated) s.denied++;
    else s.affirmed++;
    if (strand) s.names.add(strand.name);
    const event = timeYears(eventTime(c));
    if (!event) this.withoutEventTime++;
    this.events.add(event);
    this.reported.add(timeYears(reportTime(c, article?.date)));
    if (c.negated) this.negated++;
    this.confidence = Math.max(this.confidence, c.confidence);
  }

  toLink(id: string): Link {
    const items: string[] = [];
    const deniedItems: string[] = [];
    let contested = false;
    for (const [key, s] of this.strands) {
      if (s.affirmed > 0 && s.denied > 0) contested = true;
      if (key === "") continue;
      // an item spelt several ways is shown as its first spelling in sort order
      (s.affirmed > 0 ? items : deniedItems).push(sorted(s.names)[0]!);
    }
    return {
      id,
      source: this.source,
      target: this.target,
      predicate: this.predicate,
      claims: this.claimIds.length,
      claimIds: [...this.claimIds].sort(),
      sources: this.supporting.names(),
      sourceCount: this.supporting.count(),
      contestingSources: this.contesting.names(),
      articles: sorted(this.articles),
      recipients: sorted(this.recipients),
      via: sorted(this.via),
      routes: sorted(this.routes),
      items: items.sort(),
      deniedItems: deniedItems.sort(),
      firstYear: this.events.first,
      lastYear: this.events.last,
      claimsWithoutEventTime: this.withoutEventTime,
      reportedFirstYear: this.reported.first,
      reportedLastYear: this.reported.last,
      negatedClaims: this.negated,
      negated: this.negated === this.claimIds.length,
      contested,
      confidence: this.confidence,
    };
  }
}

/** Links of accumulators, in id order (stable whatever the order of the claims). */
export function finishLinks(acc: ReadonlyMap<string, LinkAccumulator>): Link[] {
  return [...acc.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([id, a]) => a.toLink(id));
}

/** Relation links: one per (subjectId, predicate, objectId) of the claims, in a stable order. */
export function aggregateLinks(claims: Iterable<AggregatedClaim>, facts: ArticleFactsLookup): Link[] {
  const acc = new Map<string, LinkAccumulator>();
  for (const c of claims) {
    const id = linkId(c.subjectId, c.predicate, c.objectId);
    let a = acc.get(id);
    if (!a) acc.set(id, (a = new LinkAccumulator(c.subjectId, c.objectId, c.predicate)));
    a.add(c, facts, null);
  }
  return finishLinks(acc);
}

/** The aggregate of a link with no claims behind it: what a relationship lacking properties reads as. */
export function emptyLinkAggregate(): Omit<Link, "id" | "source" | "target" | "predicate"> {
  return {
    claims: 0,
    claimIds: [],
    sources: [],
    sourceCount: 0,
    contestingSources: [],
    articles: [],
    recipients: [],
    via: [],
    routes: [],
    items: [],
    deniedItems: [],
    firstYear: null,
    lastYear: null,
    claimsWithoutEventTime: 0,
    reportedFirstYear: null,
    reportedLastYear: null,
    negatedClaims: 0,
    negated: false,
    contested: false,
    confidence: 0,
  };
}
