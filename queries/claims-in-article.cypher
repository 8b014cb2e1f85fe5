// What one article claims
// Every claim extracted from one article, in reading order, with its qualifiers.
// @param article = "000_ac698359f206abe5"
// @param limit = 500
MATCH (a:Article {id: $article})<-[:STATED_IN]-(c:Claim)
MATCH (c)-[:SUBJECT]->(s:Entity), (c)-[:OBJECT]->(o:Entity)
RETURN c.start AS offset, s.name AS subject, c.predicate AS predicate, o.name AS object,
       c.recipient AS recipient, c.via AS via, c.attributedTo AS saidBy, c.time AS time,
       c.negated AS negated, c.hedged AS hedged, c.quote AS quote
ORDER BY offset, c.id
LIMIT $limit
