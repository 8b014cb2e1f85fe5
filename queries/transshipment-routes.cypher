// Transshipment routes
// A supplies an item to B (B is the recipient, or the intermediary it went through) and B
// supplies the same item on to C: two claims, possibly from different articles. Also single
// claims that name the intermediary themselves (via). Affirmed claims only; `links` are the
// direct links that carry each leg. Leave item null for every item, or give an entity id.
// @param item = null
// @param limit = 100
CALL () {
  MATCH (c1:Claim {predicate: "SUPPLIES", negated: false})-[:RECIPIENT|VIA]->(b:Entity)
  WHERE ($item IS NULL OR c1.objectId = $item) AND c1.subjectId <> b.id
  WITH DISTINCT c1.subjectId AS aId, c1.objectId AS itemId, b
  MATCH (b)-[l2:SUPPLIES]->(item:Entity {id: itemId})
  WHERE l2.negated = false
  MATCH (c2:Claim {linkId: l2.id})-[:RECIPIENT]->(c:Entity)
  WHERE c2.negated = false AND c.id <> aId AND c <> b
  WITH DISTINCT aId, b, c, item, l2
  MATCH (a:Entity {id: aId})-[l1:SUPPLIES]->(item)
  RETURN a, b, c, item, [l1.id, l2.id] AS links, "two claims" AS evidence
  UNION
  MATCH (c1:Claim {predicate: "SUPPLIES", negated: false})-[:VIA]->(b:Entity)
  WHERE $item IS NULL OR c1.objectId = $item
  MATCH (c1)-[:RECIPIENT]->(c:Entity)
  WITH DISTINCT c1.subjectId AS aId, c1.objectId AS itemId, b, c
  MATCH (a:Entity {id: aId})-[l1:SUPPLIES]->(item:Entity {id: itemId})
  RETURN a, b, c, item, [l1.id] AS links, "one claim naming the intermediary" AS evidence
}
RETURN a.name AS origin, b.name AS through, c.name AS destination, item.name AS item, evidence, links
LIMIT $limit
