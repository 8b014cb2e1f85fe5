import type { Driver } from "neo4j-driver";
import { DEFAULT_VOCABULARY, type Vocabulary } from "../model/vocabulary.js";
import { graphPredicates, graphRelationshipType } from "./identifiers.js";

/**
 * Constraints and indexes the graph relies on. Uniqueness constraints make MERGE by id an index
 * lookup (without them each MERGE scans) and make a duplicate impossible even under retries.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
  "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
  "CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE",
  "CREATE INDEX claim_predicate IF NOT EXISTS FOR (c:Claim) ON (c.predicate)",
  // a link's claims: the loader re-aggregates links from them, the viewer shows them as evidence
  "CREATE INDEX claim_link IF NOT EXISTS FOR (c:Claim) ON (c.linkId)",
  // a flow's claims (supplier → recipient), and claims whose flows are still to be computed
  "CREATE INDEX claim_flow IF NOT EXISTS FOR (c:Claim) ON (c.flowId)",
  "CREATE INDEX claim_flow_pending IF NOT EXISTS FOR (c:Claim) ON (c.flowPending)",
  // the viewer's search finds sentences too
  "CREATE FULLTEXT INDEX claim_quotes IF NOT EXISTS FOR (c:Claim) ON EACH [c.quote]",
  "CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)",
  "CREATE INDEX article_date IF NOT EXISTS FOR (a:Article) ON (a.date)",
  "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliasText]",
];

/**
 * Per relation type of the vocabulary, and per derived type (flows, route legs): link ids unique (the evidence lookup of the viewer and the
 * loader's updates find a link by id), an index on `dirty` (links whose claims changed and whose
 * aggregate is still to be recomputed, also after a load that died), and one on firstYear.
 */
export function linkSchemaStatements(vocabulary: Vocabulary): string[] {
  const out: string[] = [];
  for (const name of graphPredicates(vocabulary).sort()) {
    const type = graphRelationshipType(name, vocabulary);
    const key = name.toLowerCase();
    out.push(
      `CREATE CONSTRAINT link_id_${key} IF NOT EXISTS FOR ()-[l:${type}]-() REQUIRE l.id IS UNIQUE`,
      `CREATE INDEX link_dirty_${key} IF NOT EXISTS FOR ()-[l:${type}]-() ON (l.dirty)`,
      `CREATE INDEX link_first_year_${key} IF NOT EXISTS FOR ()-[l:${type}]-() ON (l.firstYear)`,
      `CREATE INDEX link_source_count_${key} IF NOT EXISTS FOR ()-[l:${type}]-() ON (l.sourceCount)`,
    );
  }
  return out;
}

export async function ensureSchema(
  driver: Driver,
  database: string,
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): Promise<void> {
  for (const statement of [...SCHEMA_STATEMENTS, ...linkSchemaStatements(vocabulary)]) {
    await driver.executeQuery(statement, {}, { database });
  }
  await driver.executeQuery("CALL db.awaitIndexes(300)", {}, { database });
}
