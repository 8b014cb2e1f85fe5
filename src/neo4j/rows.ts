import type { Article } from "../model/article.js";
import type { Claim } from "../model/claim.js";
import { claimFlows, type FlowEdge } from "../model/flow.js";
import { eventTime } from "../model/time.js";
import type { Entity } from "../model/entity.js";
import { stableHash } from "../model/hash.js";
import { emptyLinkAggregate, linkId, type AggregatedClaim, type Link } from "../model/link.js";
import type { Vocabulary } from "../model/vocabulary.js";
import { entityLabel, relationshipType, typeOfEntityId, VocabularyError } from "./identifiers.js";

/**
 * The model as rows for `UNWIND $rows`: plain property maps (Neo4j stores no nulls, so absent
 * values are left out) and a content hash per row, which lets a load skip what is already there
 * unchanged and makes it resumable.
 */

export interface EntityRow {
  id: string;
  /** validated label, e.g. `Country` */
  type: string;
  hash: string;
  props: { id: string; type: string; name: string; aliases: string[]; aliasText: string; hash: string };
}

export interface ArticleRow {
  id: string;
  hash: string;
  props: Record<string, string>;
}

export interface ClaimRow {
  id: string;
  doc: string;
  predicate: string;
  linkId: string;
  subjectId: string;
  objectId: string;
  hash: string;
  props: Record<string, unknown>;
  recipientId: string | null;
  viaIds: string[];
  attributedToIds: string[];
  /** the supply flow and route legs the claim makes (src/model/flow.ts) */
  flow: FlowEdge | null;
  legs: FlowEdge[];
}

export function entityRow(e: Entity, vocabulary: Vocabulary): EntityRow {
  entityLabel(e.type, vocabulary);
  const base = {
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: e.aliases,
    // the full-text index reads one string: the name is indexed on its own field
    aliasText: e.aliases.join(" | "),
  };
  const hash = stableHash(JSON.stringify(base));
  return { id: e.id, type: e.type, hash, props: { ...base, hash } };
}

export function articleRow(a: Pick<Article, "id"> & Partial<Article>): ArticleRow {
  const props: Record<string, string> = { id: a.id };
  for (const key of ["title", "publisher", "date", "url"] as const) {
    const v = a[key];
    if (typeof v === "string") props[key] = v;
  }
  const hash = stableHash(JSON.stringify(props));
  return { id: a.id, hash, props: { ...props, hash } };
}

/**
 * Every property a Claim node may have. The loader names them in its CREATE (rather than
 * `SET c = row`) because Neo4j must otherwise assume the map may touch any property and
 * materialises the whole batch (an Eager step) before creating anything.
 */
export const CLAIM_PROPERTY_KEYS = [
  "id",
  "doc",
  "predicate",
  "linkId",
  "subject",
  "subjectId",
  "object",
  "objectId",
  "quote",
  "start",
  "end",
  "sentence",
  "negated",
  "hedged",
  "confidence",
  "extractor",
  "rule",
  "subjectInferred",
  "recipient",
  "recipientId",
  "recipientInferred",
  "via",
  "viaIds",
  "attributedTo",
  "attributedToIds",
  "time",
  "timeInferred",
  "amount",
  "amountValue",
  "amountUnit",
  "amountCurrency",
  "eventTime",
  "reportedOn",
  "flowId",
  "legIds",
  "hash",
  // a mark, not content: the claim's flows are still to be (re)computed (see load.ts, step 5)
  "flowPending",
] as const;

/** `articleDate`: the date of the claim's article, its report time (src/model/time.ts). */
export function claimRow(c: Claim, articleDate: string | null = null): ClaimRow {
  const props: Record<string, unknown> = {
    id: c.id,
    doc: c.doc,
    predicate: c.predicate,
    linkId: linkId(c.subjectId, c.predicate, c.objectId),
    subject: c.subject,
    subjectId: c.subjectId,
    object: c.object,
    objectId: c.objectId,
    quote: c.evidence.quote,
    start: c.evidence.start,
    end: c.evidence.end,
    sentence: c.evidence.sentence,
    negated: c.negated,
    hedged: c.hedged,
    confidence: c.confidence,
    extractor: c.extractor,
    rule: c.rule,
  };
  if (c.subjectInferred !== undefined) props.subjectInferred = c.subjectInferred;
  if (c.recipient !== undefined) props.recipient = c.recipient;
  if (c.recipientId !== undefined) props.recipientId = c.recipientId;
  if (c.recipientInferred !== undefined) props.recipientInferred = c.recipientInferred;
  if (c.via) props.via = c.via;
  if (c.viaIds) props.viaIds = c.viaIds;
  if (c.attributedTo) props.attributedTo = c.attributedTo;
  if (c.attributedToIds) props.attributedToIds = c.attributedToIds;
  if (c.time !== undefined) props.time = c.time;
  if (c.timeInferred !== undefined) props.timeInferred = c.timeInferred;
  const event = eventTime(c);
  if (event !== undefined) props.eventTime = event;
  const reported = articleDate ?? (c.timeInferred ? c.time : undefined);
  if (reported !== undefined && reported !== null) props.reportedOn = reported;
  const { flow, legs } = claimFlows(c);
  if (flow) props.flowId = flow.id;
  if (legs.length > 0) props.legIds = legs.map((l) => l.id);
  if (c.amount) {
    props.amount = c.amount.text;
    props.amountValue = c.amount.value;
    if (c.amount.unit !== undefined) props.amountUnit = c.amount.unit;
    if (c.amount.currency !== undefined) props.amountCurrency = c.amount.currency;
  }
  const hash = stableHash(JSON.stringify(props));
  props.hash = hash;
  if (flow || legs.length > 0) props.flowPending = true;
  return {
    id: c.id,
    doc: c.doc,
    predicate: c.predicate,
    linkId: props.linkId as string,
    subjectId: c.subjectId,
    objectId: c.objectId,
    hash,
    props,
    recipientId: c.recipientId ?? null,
    viaIds: c.viaIds ?? [],
    attributedToIds: c.attributedToIds ?? [],
    flow,
    legs,
  };
}

/**
 * A Claim node and its article as aggregating reads them (AggregatedClaim, and the article's
 * publisher and date for the counts of docs/model.md): `c` is the claim, `a` its article.
 */
export const AGGREGATE_PROJECTION = `c {.id, .doc, .subject, .subjectId, .predicate, .object, .objectId, .recipient,
  .recipientId, .via, .viaIds, .attributedTo, .time, .timeInferred, .negated, .confidence, .quote} AS c,
  CASE WHEN a IS NULL THEN null ELSE a {.publisher, .date} END AS a`;

export interface AggregateRow {
  claim: AggregatedClaim;
  article: { publisher: string | null; date: string | null } | null;
}

export function aggregateRow(raw: Record<string, unknown>, article: Record<string, unknown> | null): AggregateRow {
  const opt = <T>(v: unknown): T | undefined => (v === null || v === undefined ? undefined : (v as T));
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    claim: {
      id: raw.id as string,
      doc: raw.doc as string,
      subject: (raw.subject as string) ?? (raw.subjectId as string),
      subjectId: raw.subjectId as string,
      predicate: raw.predicate as string,
      object: (raw.object as string) ?? (raw.objectId as string),
      objectId: raw.objectId as string,
      recipient: opt<string>(raw.recipient),
      recipientId: opt<string>(raw.recipientId),
      via: opt<string[]>(raw.via),
      viaIds: opt<string[]>(raw.viaIds),
      attributedTo: opt<string[]>(raw.attributedTo),
      time: opt<string>(raw.time),
      timeInferred: opt<boolean>(raw.timeInferred),
      negated: raw.negated === true,
      confidence: typeof raw.confidence === "number" ? raw.confidence : 0,
      evidence: { quote: typeof raw.quote === "string" ? raw.quote : "" },
    },
    article: article ? { publisher: text(article.publisher), date: text(article.date) } : null,
  };
}

/** Every property a direct relationship may have (`dirty` marks one whose aggregate is stale). */
export const LINK_PROPERTY_KEYS = [
  "id",
  "claims",
  "claimIds",
  "sources",
  "sourceCount",
  "contestingSources",
  "articles",
  "articleCount",
  "recipients",
  "via",
  "routes",
  "items",
  "deniedItems",
  "firstYear",
  "lastYear",
  "claimsWithoutEventTime",
  "reportedFirstYear",
  "reportedLastYear",
  "negatedClaims",
  "negated",
  "contested",
  "confidence",
  "dirty",
] as const;

/** Properties of the direct relationship; null removes a property (`SET l += props`). */
export function linkProps(l: Link): Record<(typeof LINK_PROPERTY_KEYS)[number], unknown> {
  return {
    id: l.id,
    claims: l.claims,
    claimIds: l.claimIds,
    sources: l.sources,
    sourceCount: l.sourceCount,
    contestingSources: l.contestingSources,
    articles: l.articles,
    articleCount: l.articles.length,
    recipients: l.recipients,
    via: l.via,
    routes: l.routes,
    items: l.items,
    deniedItems: l.deniedItems,
    firstYear: l.firstYear,
    lastYear: l.lastYear,
    claimsWithoutEventTime: l.claimsWithoutEventTime,
    reportedFirstYear: l.reportedFirstYear,
    reportedLastYear: l.reportedLastYear,
    negatedClaims: l.negatedClaims,
    negated: l.negated,
    contested: l.contested,
    confidence: l.confidence,
    dirty: null,
  };
}

/**
 * Entities that claims name but the store's entity list lacks (a source only named in an
 * attribution, say) still get a node, typed by their id's prefix and named as the claim wrote
 * them, so that no relationship of a claim is silently dropped.
 */
export function entitiesWithPlaceholders(entities: Entity[], claims: Claim[], vocabulary: Vocabulary): Entity[] {
  const known = new Map(entities.map((e) => [e.id, e]));
  const extra = new Map<string, Entity>();
  const add = (id: string, name: string, where: string) => {
    if (known.has(id) || extra.has(id)) return;
    const type = typeOfEntityId(id, vocabulary);
    if (!type) throw new VocabularyError(`${where}: entity ${id} has no configured entity type for its prefix`);
    extra.set(id, { id, type, name, aliases: [], merges: [] });
  };
  for (const c of claims) {
    const where = `claim ${c.id} (${c.doc})`;
    add(c.subjectId, c.subject, where);
    add(c.objectId, c.object, where);
    if (c.recipientId) add(c.recipientId, c.recipient ?? c.recipientId, where);
    c.viaIds?.forEach((id, i) => add(id, c.via?.[i] ?? id, where));
    c.attributedToIds?.forEach((id, i) => add(id, c.attributedTo?.[i] ?? id, where));
  }
  return [...entities, ...[...extra.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))];
}

/** Validates every claim's predicate before anything is written: a load fails whole or not at all. */
export function checkClaimPredicates(claims: Claim[], vocabulary: Vocabulary): void {
  const checked = new Set<string>();
  for (const c of claims) {
    if (checked.has(c.predicate)) continue;
    try {
      relationshipType(c.predicate, vocabulary);
    } catch (e) {
      throw new VocabularyError(`claim ${c.id} (${c.doc}): ${(e as Error).message}`);
    }
    checked.add(c.predicate);
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const count = (v: unknown): number | null => (typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? v : null);
const year = (v: unknown): number | null => (typeof v === "number" && Number.isInteger(v) ? v : null);

/**
 * A direct relationship's properties (as `kg load` writes them, see linkProps) back into the
 * link aggregate; a relationship written by someone else gets neutral values for what it lacks.
 */
export function linkAggregateFromProperties(
  p: Record<string, unknown>,
): Omit<Link, "id" | "source" | "target" | "predicate"> {
  const base = emptyLinkAggregate();
  const claimIds = strings(p["claimIds"]);
  const claims = count(p["claims"]) ?? claimIds.length;
  return {
    ...base,
    claims,
    claimIds,
    sources: strings(p["sources"]),
    sourceCount: count(p["sourceCount"]) ?? 0,
    contestingSources: strings(p["contestingSources"]),
    articles: strings(p["articles"]),
    recipients: strings(p["recipients"]),
    via: strings(p["via"]),
    routes: strings(p["routes"]),
    items: strings(p["items"]),
    deniedItems: strings(p["deniedItems"]),
    firstYear: year(p["firstYear"]),
    lastYear: year(p["lastYear"]),
    claimsWithoutEventTime: count(p["claimsWithoutEventTime"]) ?? 0,
    reportedFirstYear: year(p["reportedFirstYear"]),
    reportedLastYear: year(p["reportedLastYear"]),
    negatedClaims: count(p["negatedClaims"]) ?? (p["negated"] === true ? claims : 0),
    negated: p["negated"] === true,
    contested: p["contested"] === true,
    confidence:
      typeof p["confidence"] === "number" && p["confidence"] >= 0 && p["confidence"] <= 1 ? p["confidence"] : 0,
  };
}
