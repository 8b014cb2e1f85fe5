// Every supplier of an item
// Who supplies the item (affirmed claims only), to whom, and on how many independent sources
// the link rests. Parameter item is an entity id.
// @param item = "item:machine-tools"
// @param limit = 100
MATCH (s:Entity)-[l:SUPPLIES]->(item:Entity {id: $item})
WHERE l.negated = false
OPTIONAL MATCH (c:Claim {linkId: l.id})-[:RECIPIENT]->(r:Entity)
WHERE c.negated = false
WITH s, l, collect(DISTINCT r.name) AS recipients
RETURN s.name AS supplier, labels(s) AS labels, recipients, l.sourceCount AS independentSources,
       l.sources AS saidBy, l.claims AS claims, l.firstYear AS firstYear, l.lastYear AS lastYear,
       l.contested AS contested
ORDER BY independentSources DESC, claims DESC, supplier
LIMIT $limit
