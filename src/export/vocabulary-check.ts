import { EntityTypeSchema, isGraphPredicate, PredicateNameSchema, type Vocabulary } from "../model/vocabulary.js";

/**
 * Labels and relationship types are written into CSV headers and Cypher text, where no parameter
 * can stand for them: only names of the closed vocabulary (which are also valid identifiers)
 * may pass. Anything else stops the export, naming the element.
 */
export function checkLabel(type: string, vocabulary: Vocabulary, node: string): string {
  if (!EntityTypeSchema.safeParse(type).success || !vocabulary.entityTypes.has(type)) {
    throw new Error(
      `node ${JSON.stringify(node)}: entity type ${JSON.stringify(type)} is not in the vocabulary ` +
        `(configure it in kg.config.json entityTypes)`,
    );
  }
  return type;
}

export function checkRelationshipType(predicate: string, vocabulary: Vocabulary, edge: string): string {
  if (!PredicateNameSchema.safeParse(predicate).success || !isGraphPredicate(predicate, vocabulary)) {
    throw new Error(
      `link ${JSON.stringify(edge)}: relation type ${JSON.stringify(predicate)} is not in the vocabulary ` +
        `(configure it in kg.config.json relationTypes)`,
    );
  }
  return predicate;
}

/** Checks every node and link up front, so that a refused export writes nothing at all. */
export function checkGraphVocabulary(
  graph: {
    forEachNode(cb: (node: string, a: { type: string }) => void): void;
    forEachEdge(cb: (edge: string, a: { predicate: string }) => void): void;
  },
  vocabulary: Vocabulary,
): void {
  graph.forEachNode((node, a) => checkLabel(a.type, vocabulary, node));
  graph.forEachEdge((edge, a) => checkRelationshipType(a.predicate, vocabulary, edge));
}
