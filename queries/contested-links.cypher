// Contested links
// Links with both affirming and denying claims: who affirms, who denies, with the quotes.
// @param limit = 50
MATCH (s:Entity)-[l:SUPPLIES|TRADES_WITH|COMPONENT_OF|PRODUCES|USES|ATTACKS|SANCTIONS|COOPERATES_WITH|AFFILIATED_WITH|LOCATED_IN]->(o:Entity)
WHERE l.contested = true
WITH s, l, o ORDER BY l.claims DESC, l.id LIMIT $limit
MATCH (c:Claim {linkId: l.id})-[:STATED_IN]->(a:Article)
WITH s, l, o, c, a ORDER BY c.id
WITH s, l, o,
     collect(CASE WHEN c.negated THEN NULL ELSE {quote: c.quote, by: c.attributedTo, article: a.title} END) AS affirmed,
     collect(CASE WHEN c.negated THEN {quote: c.quote, by: c.attributedTo, article: a.title} END) AS denied
RETURN s.name AS subject, type(l) AS predicate, o.name AS object, l.claims AS claims,
       l.negatedClaims AS denials, affirmed, denied, l.id AS link
ORDER BY claims DESC, link
