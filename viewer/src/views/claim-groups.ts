import type { ClaimWithArticle } from "../../../src/model/api.js";
import { FLOW_RELATION } from "../../../src/model/vocabulary.js";

/**
 * An entity's claims grouped by the part it plays (as supplier, as recipient, ...), and within a
 * group by sentence: a sentence that names five items is one card listing five claims, not five
 * cards repeating it. Pure, so that the grouping is tested apart from the DOM.
 */
export type Role = "supplier" | "recipient" | "intermediary" | "item" | "relation" | "source";

export const ROLE_TITLES: Record<Role, string> = {
  supplier: "As supplier",
  recipient: "As recipient",
  intermediary: "As intermediary",
  item: "Supplied, as an item",
  relation: "Other relations",
  source: "As a source",
};

const ROLE_ORDER: readonly Role[] = ["supplier", "recipient", "intermediary", "item", "relation", "source"];

/** The claims one evidence span states. */
export interface SentenceCard {
  key: string;
  claims: ClaimWithArticle[];
}

/** The claims of a group that share the other party: one supplier of a recipient, one relation... */
export interface ClaimPart {
  key: string;
  title: string;
  claims: number;
  sentences: SentenceCard[];
}

export interface ClaimGroup {
  role: Role;
  title: string;
  claims: number;
  sentences: SentenceCard[];
  /** the group split by the other party, the biggest part first */
  parts: ClaimPart[];
}

/**
 * Who or what is on the other side of a claim, seen from an entity in a role: a recipient's
 * supplier, a supplier's recipient, an item's supplier, or the relation. A hub names dozens of
 * sentences per role; by the other party they are a list an analyst can read.
 */
function otherParty(
  role: Role,
  c: ClaimWithArticle["claim"],
  nameOf: (id: string) => string,
): { key: string; title: string } {
  switch (role) {
    case "supplier":
      return c.recipientId
        ? { key: c.recipientId, title: `to ${nameOf(c.recipientId)}` }
        : { key: "", title: "no recipient named" };
    case "recipient":
    case "intermediary":
    case "item":
      return { key: c.subjectId, title: `from ${nameOf(c.subjectId)}` };
    case "relation":
    case "source":
      return { key: c.predicate, title: c.predicate.replace(/_/g, " ").toLowerCase() };
  }
}

function byOtherParty(role: Role, claims: readonly ClaimWithArticle[], nameOf: (id: string) => string): ClaimPart[] {
  const parts = new Map<string, { title: string; claims: ClaimWithArticle[] }>();
  for (const item of claims) {
    const { key, title } = otherParty(role, item.claim, nameOf);
    let part = parts.get(key);
    if (!part) parts.set(key, (part = { title, claims: [] }));
    part.claims.push(item);
  }
  return [...parts.entries()]
    .map(([key, p]) => ({ key, title: p.title, claims: p.claims.length, sentences: bySentence(p.claims) }))
    .sort((a, b) => b.claims - a.claims || a.title.localeCompare(b.title));
}

/** The part an entity plays in a claim; a claim it plays several parts in goes under the first. */
export function roleIn(entityId: string, c: ClaimWithArticle["claim"]): Role {
  if (c.predicate === FLOW_RELATION) {
    if (c.subjectId === entityId) return "supplier";
    if (c.recipientId === entityId) return "recipient";
    if (c.viaIds?.includes(entityId)) return "intermediary";
    if (c.objectId === entityId) return "item";
  }
  if (c.subjectId === entityId || c.objectId === entityId) return "relation";
  if (c.recipientId === entityId) return "recipient";
  if (c.viaIds?.includes(entityId)) return "intermediary";
  return "source";
}

/** Claims by evidence span, in the order they come (the API's: article, then offset). */
export function bySentence(items: readonly ClaimWithArticle[]): SentenceCard[] {
  const cards = new Map<string, SentenceCard>();
  for (const item of items) {
    const e = item.claim.evidence;
    const key = `${item.claim.doc}:${e.start}:${e.end}`;
    let card = cards.get(key);
    if (!card) cards.set(key, (card = { key, claims: [] }));
    card.claims.push(item);
  }
  return [...cards.values()];
}

export function groupEntityClaims(
  entityId: string,
  items: readonly ClaimWithArticle[],
  nameOf: (id: string) => string = (id) => id,
): ClaimGroup[] {
  const byRole = new Map<Role, ClaimWithArticle[]>();
  const seen = new Set<string>();
  for (const item of items) {
    // a page of claims never repeats one, but a merged list might
    if (seen.has(item.claim.id)) continue;
    seen.add(item.claim.id);
    const role = roleIn(entityId, item.claim);
    byRole.set(role, [...(byRole.get(role) ?? []), item]);
  }
  return ROLE_ORDER.filter((r) => byRole.has(r)).map((role) => {
    const claims = byRole.get(role)!;
    return {
      role,
      title: ROLE_TITLES[role],
      claims: claims.length,
      sentences: bySentence(claims),
      parts: byOtherParty(role, claims, nameOf),
    };
  });
}
