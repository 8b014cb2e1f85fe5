import type { Article } from "../model/article.js";
import type { Claim } from "../model/claim.js";
import type { Entity } from "../model/entity.js";
import { stableHash } from "../model/hash.js";
import { linkId, type Link } from "../model/link.js";
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
  "hash",
] as const;

export function claimRow(c: Claim): ClaimRow {
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
  if (c.amount) {
    props.amount = c.amount.text;
    props.amountValue = c.amount.value;
    if (c.amount.unit !== undefined) props.amountUnit = c.amount.unit;
    if (c.amount.currency !== undefined) props.amountCurrency = c.amount.currency;
  }
  const hash = stableHash(JSON.stringify(props));
  props.hash = hash;
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
  };
}

/** What aggregateLinks reads of a claim; the loader reads these back from Claim nodes. */
export type ClaimForLink = Pick<
  Claim,
  | "id"
  | "doc"
  | "subjectId"
  | "objectId"
  | "predicate"
  | "attributedTo"
  | "recipient"
  | "via"
  | "time"
  | "negated"
  | "confidence"
>;

/** Cypher map projection of a Claim node giving a ClaimForLink (absent properties come back null). */
export const CLAIM_FOR_LINK_PROJECTION =
  "c {.id, .doc, .subjectId, .objectId, .predicate, .attributedTo, .recipient, .via, .time, .negated, .confidence}";

export function claimForLink(raw: Record<string, unknown>): ClaimForLink {
  const opt = <T>(v: unknown): T | undefined => (v === null || v === undefined ? undefined : (v as T));
  return {
    id: raw.id as string,
    doc: raw.doc as string,
    subjectId: raw.subjectId as string,
    objectId: raw.objectId as string,
    predicate: raw.predicate as string,
    attributedTo: opt<string[]>(raw.attributedTo),
    recipient: opt<string>(raw.recipient),
    via: opt<string[]>(raw.via),
    time: opt<string>(raw.time),
    negated: raw.negated === true,
    confidence: typeof raw.confidence === "number" ? raw.confidence : 0,
  };
}

/** Every property a direct relationship may have (`dirty` marks one whose aggregate is stale). */
export const LINK_PROPERTY_KEYS = [
  "id",
  "claims",
  "claimIds",
  "sources",
  "sourceCount",
  "articles",
  "articleCount",
  "recipients",
  "via",
  "firstYear",
  "lastYear",
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
    articles: l.articles,
    articleCount: l.articles.length,
    recipients: l.recipients,
    via: l.via,
    firstYear: l.firstYear,
    lastYear: l.lastYear,
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
