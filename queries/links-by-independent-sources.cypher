// Links ranked by number of independent sources
// The best-corroborated links: distinct attributions, an unattributed article counting as its
// own source. Leave predicate null for every relation type, or give one (e.g. "SUPPLIES").
// One branch per relation type so that each reads its sourceCount index in order and stops early.
// @param predicate = null
// @param minSources = 1
// @param limit = 50
CALL () {
  MATCH (s:Entity)-[l:SUPPLIES]->(o:Entity) WHERE l.sourceCount >= $minSources
  RETURN s, l, o ORDER BY l.sourceCount DESC, l.claims DESC LIMIT $limit
  UNION ALL
  MATCH (s:Entity)-[l:TRADES_WITH]->(o:Entity) WHERE l.sourceCount >= $minSources
  RETURN s, l, o ORDER BY l.sourceCount DESC, l.claims DESC LIMIT $limit
  UNION ALL
  MATCH (s:Entity)-[l:COMPONENT_OF]->(o:Entity) WHERE l.sourceCount >= $minSources
  RETURN s, l, o ORDER BY l.sourceCount DESC, l.claims DESC LIMIT $limit
  UNION ALL
  MATCH (s:Entity)-[l:PRODUCES]->(o:Entity) WHERE l.sourceCount >= $minSources
  RETURN s, l, o ORDER BY l.sourceCount DESC, l.claims DESC LIMIT $limit
  UNION ALL
  MATCH (s:Entity)-[l:USES]->(o:Entity) WHERE l.sourceCount >= $minSources
  RETURN s, l, o ORDER BY l.sourceCount DESC, l.claims DESC LIMIT $limit
  UNION ALL
  MATCH (s:Entity)-[l:ATTACKS]->(o:Entity) WHERE l.sourceCount >= $minSources
  RETURN s, l, o ORDER BY l.sourceCount DESC, l.claims DESC LIMIT $limit
  UNION ALL
  MATCH (s:Entity)-[l:SANCTIONS]->(o:Entity) WHERE l.sourceCount >= $minSources
  RETURN s, l, o ORDER BY l.sourceCount DESC, l.claims DESC LIMIT $limit
  UNION ALL
  MATCH (s:Entity)-[l:COOPERATES_WITH]->(o:Entity) WHERE l.sourceCount >= $minSources
  RETURN s, l, o ORDER BY l.sourceCount DESC, l.claims DESC LIMIT $limit
  UNION ALL
  MATCH (s:Entity)-[l:AFFILIATED_WITH]->(o:Entity) WHERE l.sourceCount >= $minSources
  RETURN s, l, o ORDER BY l.sourceCount DESC, l.claims DESC LIMIT $limit
  UNION ALL
  MATCH (s:Entity)-[l:LOCATED_IN]->(o:Entity) WHERE l.sourceCount >= $minSources
  RETURN s, l, o ORDER BY l.sourceCount DESC, l.claims DESC LIMIT $limit
}
WITH s, l, o WHERE $predicate IS NULL OR type(l) = $predicate
RETURN s.name AS subject, type(l) AS predicate, o.name AS object, l.sourceCount AS independentSources,
       l.sources AS saidBy, l.articleCount AS articles, l.claims AS claims, l.negated AS negated,
       l.contested AS contested, l.id AS link
ORDER BY independentSources DESC, claims DESC, link
LIMIT $limit
