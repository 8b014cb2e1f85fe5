import {
  DERIVED_RELATION_TYPES,
  EntityTypeSchema,
  isDerivedPredicate,
  PredicateNameSchema,
  type Vocabulary,
} from "../model/vocabulary.js";

/**
 * Labels and relationship types cannot be Cypher parameters, so they are the one place where a
 * name is written into a statement. They come only from the configured vocabulary and are
 * checked against the identifier patterns again here, right where they are spliced in.
 */

/** Labels the graph model itself uses; an entity type of the same name would be ambiguous. */
export const RESERVED_LABELS: ReadonlySet<string> = new Set(["Entity", "Article", "Claim"]);
/** Relationship types of the reified claims; a predicate of the same name would be ambiguous. */
export const RESERVED_TYPES: ReadonlySet<string> = new Set([
  "SUBJECT",
  "OBJECT",
  "RECIPIENT",
  "VIA",
  "ATTRIBUTED_TO",
  "STATED_IN",
]);

export class VocabularyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VocabularyError";
  }
}

/** `:Country` for a configured entity type, or a VocabularyError. */
export function entityLabel(type: string, vocabulary: Vocabulary): string {
  if (!vocabulary.entityTypes.has(type)) {
    throw new VocabularyError(
      `unknown entity type ${JSON.stringify(type)} (configure it in kg.config.json entityTypes)`,
    );
  }
  if (!EntityTypeSchema.safeParse(type).success || RESERVED_LABELS.has(type)) {
    throw new VocabularyError(`entity type ${JSON.stringify(type)} cannot be a Neo4j label`);
  }
  return `\`${type}\``;
}

/** `SUPPLIES` for a configured relation type, or a VocabularyError. */
export function relationshipType(predicate: string, vocabulary: Vocabulary): string {
  if (!vocabulary.relationTypes.has(predicate)) {
    throw new VocabularyError(
      `unknown relation type ${JSON.stringify(predicate)} (configure it in kg.config.json relationTypes)`,
    );
  }
  if (!PredicateNameSchema.safeParse(predicate).success || RESERVED_TYPES.has(predicate)) {
    throw new VocabularyError(`relation type ${JSON.stringify(predicate)} cannot be a Neo4j relationship type`);
  }
  return `\`${predicate}\``;
}

/** The entity type for an id's prefix (`country:china` → Country), case-insensitively. */
export function typeOfEntityId(id: string, vocabulary: Vocabulary): string | null {
  const prefix = id.slice(0, id.indexOf(":"));
  for (const t of vocabulary.entityTypes) if (t.toLowerCase() === prefix) return t;
  return null;
}

/** `SUPPLIES_TO` for a derived type (flows, route legs), else as relationshipType. */
export function graphRelationshipType(predicate: string, vocabulary: Vocabulary): string {
  return isDerivedPredicate(predicate) ? `\`${predicate}\`` : relationshipType(predicate, vocabulary);
}

/** Every relationship type a direct link may have: the vocabulary's and the derived ones. */
export function graphPredicates(vocabulary: Vocabulary): string[] {
  return [...vocabulary.relationTypes.keys(), ...DERIVED_RELATION_TYPES.map((r) => r.name)];
}
