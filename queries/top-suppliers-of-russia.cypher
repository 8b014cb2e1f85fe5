// Top suppliers of Russia
// Who supplies the recipient (Russia by default) the most distinct items, read from the supply
// flows (SUPPLIES_TO): affirmed items, claims behind the flow and how many deny something on it,
// articles, and the independent supporting sources. Parameter recipient is an entity id.
// @param recipient = "country:russia"
// @param limit = 25
MATCH (s:Entity)-[f:SUPPLIES_TO]->(:Entity {id: $recipient})
WHERE f.negated = false
RETURN s.name AS supplier, size(f.items) AS distinctItems, f.items[0..10] AS someItems,
       f.claims - f.negatedClaims AS claims, f.negatedClaims AS denials, size(f.articles) AS articles,
       f.sourceCount AS independentSources, f.sources[0..10] AS someSources
ORDER BY distinctItems DESC, claims DESC, supplier
LIMIT $limit
