// Links resting on a single source
// Affirmed links with exactly one independent source: the ones to verify before relying on
// them, those with the most claims first, with one quote and its article.
// Leave predicate null for every relation type, or give one (e.g. "SUPPLIES").
// @param predicate = "SUPPLIES"
// @param limit = 100
MATCH (s:Entity)-[l:SUPPLIES|TRADES_WITH|COMPONENT_OF|PRODUCES|USES|ATTACKS|SANCTIONS|COOPERATES_WITH|AFFILIATED_WITH|LOCATED_IN]->(o:Entity)
WHERE l.sourceCount = 1 AND l.negated = false AND ($predicate IS NULL OR type(l) = $predicate)
WITH s, l, o ORDER BY l.claims DESC, l.id LIMIT $limit
CALL (l) {
  MATCH (c:Claim {linkId: l.id})-[:STATED_IN]->(a:Article)
  RETURN c.quote AS quote, a.title AS article ORDER BY c.id LIMIT 1
}
RETURN s.name AS subject, type(l) AS predicate, o.name AS object, l.sources AS saidBy, l.claims AS claims,
       quote, article, l.id AS link
