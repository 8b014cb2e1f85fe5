import { z } from "zod";

/**
 * Closed vocabularies: relation types and entity types. They become Neo4j labels and
 * relationship types, so they are validated as identifiers here and may only be extended through
 * configuration (never from article text).
 */

export const PredicateNameSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,63}$/, "relation type must be UPPER_SNAKE_CASE (A-Z, 0-9, _)");
export type PredicateName = z.infer<typeof PredicateNameSchema>;

export const EntityTypeSchema = z
  .string()
  .regex(/^[A-Z][A-Za-z0-9]{0,63}$/, "entity type must be PascalCase (A-Z, a-z, 0-9)");
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const DEFAULT_ENTITY_TYPES = [
  "Country",
  "Organization",
  "Person",
  "Item",
  "Weapon",
  "Place",
  "Facility",
  "Group",
] as const satisfies readonly EntityType[];

export const RelationTypeSchema = z.object({
  name: PredicateNameSchema,
  description: z.string(),
  /** subject → object reading, for people and docs */
  reading: z.string(),
  /** TRADES_WITH and COOPERATES_WITH hold both ways */
  symmetric: z.boolean().default(false),
  /** the relation carries a recipient (who receives what is supplied) */
  hasRecipient: z.boolean().default(false),
});
export type RelationType = z.infer<typeof RelationTypeSchema>;

export const DEFAULT_RELATION_TYPES: readonly RelationType[] = [
  {
    name: "SUPPLIES",
    description: "supplier provides goods, components, services or intelligence",
    reading: "supplier → item (recipient: who receives it)",
    symmetric: false,
    hasRecipient: true,
  },
  {
    name: "TRADES_WITH",
    description: "two countries or firms trade with each other",
    reading: "party ↔ party",
    symmetric: true,
    hasRecipient: false,
  },
  {
    name: "COMPONENT_OF",
    description: "a part or material goes into a product or weapon",
    reading: "part/material → product",
    symmetric: false,
    hasRecipient: false,
  },
  {
    name: "PRODUCES",
    description: "a producer makes a product",
    reading: "producer → product",
    symmetric: false,
    hasRecipient: false,
  },
  {
    name: "USES",
    description: "a user employs an item",
    reading: "user → item",
    symmetric: false,
    hasRecipient: false,
  },
  {
    name: "ATTACKS",
    description: "an attacker strikes a target",
    reading: "attacker → target",
    symmetric: false,
    hasRecipient: false,
  },
  {
    name: "SANCTIONS",
    description: "a sanctioning body restricts a target",
    reading: "sanctioning body → target",
    symmetric: false,
    hasRecipient: false,
  },
  {
    name: "COOPERATES_WITH",
    description: "two parties cooperate or partner",
    reading: "party ↔ party",
    symmetric: true,
    hasRecipient: false,
  },
  {
    name: "AFFILIATED_WITH",
    description: "a person serves or belongs to an organisation or country",
    reading: "person → organisation/country",
    symmetric: false,
    hasRecipient: false,
  },
  {
    name: "LOCATED_IN",
    description: "a place or facility lies within a larger place",
    reading: "place/facility → larger place",
    symmetric: false,
    hasRecipient: false,
  },
];

/** The relation whose claims make supply flows (src/model/flow.ts). */
export const FLOW_RELATION = "SUPPLIES";
export const FLOW_PREDICATE = "SUPPLIES_TO";
export const ROUTE_PREDICATE = "ROUTES_TO";

/**
 * Edge types the graph derives from claims rather than reads from them: no claim has them as its
 * predicate, and no configured relation type may take their names.
 */
export const DERIVED_RELATION_TYPES: readonly RelationType[] = [
  {
    name: FLOW_PREDICATE,
    description: "supply flow: a supplier supplies items to a recipient (from supply claims naming a recipient)",
    reading: "supplier → recipient (items on the flow)",
    symmetric: false,
    hasRecipient: false,
  },
  {
    name: ROUTE_PREDICATE,
    description: "route leg: supplied goods pass from one party to the next (supplier → intermediaries → recipient)",
    reading: "supplier or intermediary → intermediary or recipient",
    symmetric: false,
    hasRecipient: false,
  },
];

const DERIVED_NAMES: ReadonlySet<string> = new Set(DERIVED_RELATION_TYPES.map((r) => r.name));

export function isDerivedPredicate(predicate: string): boolean {
  return DERIVED_NAMES.has(predicate);
}

/** A predicate an edge of the graph may have: a configured relation type or a derived one. */
export function isGraphPredicate(predicate: string, vocabulary: Vocabulary): boolean {
  return vocabulary.relationTypes.has(predicate) || DERIVED_NAMES.has(predicate);
}

/** What users may add in kg.config.json. */
export const VocabularyConfigSchema = z
  .object({
    relationTypes: z.array(RelationTypeSchema).default([]),
    entityTypes: z.array(EntityTypeSchema).default([]),
  })
  .strict();
export type VocabularyConfig = z.infer<typeof VocabularyConfigSchema>;

export interface Vocabulary {
  readonly relationTypes: ReadonlyMap<PredicateName, RelationType>;
  readonly entityTypes: ReadonlySet<EntityType>;
}

export function createVocabulary(extra: Partial<VocabularyConfig> = {}): Vocabulary {
  const relationTypes = new Map<PredicateName, RelationType>();
  for (const r of [...DEFAULT_RELATION_TYPES, ...(extra.relationTypes ?? [])]) {
    if (DERIVED_NAMES.has(r.name)) {
      throw new Error(`relation type ${r.name} is derived by kg from supply claims and cannot be configured`);
    }
    relationTypes.set(r.name, RelationTypeSchema.parse(r));
  }
  const entityTypes = new Set<EntityType>([...DEFAULT_ENTITY_TYPES, ...(extra.entityTypes ?? [])]);
  for (const t of entityTypes) EntityTypeSchema.parse(t);
  return { relationTypes, entityTypes };
}

export const DEFAULT_VOCABULARY = createVocabulary();
