// Everything about one entity
// The entity, its links in both directions with their source counts, and the roles it plays in
// claims (subject, object, recipient, intermediary, source). Parameter entity is an entity id.
// @param entity = "country:china"
// @param limit = 200
MATCH (e:Entity {id: $entity})
CALL (e) {
  MATCH (e)-[l]->(o:Entity)
  RETURN "out" AS direction, type(l) AS predicate, o.name AS other, l.sourceCount AS sources, l.claims AS claims, l.negated AS negated
  UNION ALL
  MATCH (e)<-[l]-(o:Entity)
  RETURN "in" AS direction, type(l) AS predicate, o.name AS other, l.sourceCount AS sources, l.claims AS claims, l.negated AS negated
}
WITH e, direction, predicate, other, sources, claims, negated
ORDER BY claims DESC, predicate, other
LIMIT $limit
WITH e, collect({direction: direction, predicate: predicate, other: other, sources: sources, claims: claims, negated: negated}) AS links
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l <> "Entity"][0] AS type, e.aliases AS aliases,
       e.claims AS claims,
       COUNT { (e)<-[:SUBJECT]-() } AS asSubject, COUNT { (e)<-[:OBJECT]-() } AS asObject,
       COUNT { (e)<-[:RECIPIENT]-() } AS asRecipient, COUNT { (e)<-[:VIA]-() } AS asIntermediary,
       COUNT { (e)<-[:ATTRIBUTED_TO]-() } AS asSource, links
