// Shortest supply path between two entities
// The shortest chain of affirmed SUPPLIES, COMPONENT_OF and PRODUCES links from one entity to
// another (up to 8 steps), e.g. from a supplier country to a weapon. Parameters are entity ids.
// @param from = "country:china"
// @param to = "weapon:iskander-missiles"
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:SUPPLIES|COMPONENT_OF|PRODUCES*..8]->(b))
WHERE all(l IN relationships(p) WHERE l.negated = false)
RETURN [n IN nodes(p) | n.name] AS chain, [l IN relationships(p) | type(l)] AS predicates,
       [l IN relationships(p) | l.sourceCount] AS sourcesPerStep, length(p) AS steps, p AS path
