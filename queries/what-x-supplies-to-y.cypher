// What one party supplies to another, and who says so
// Every claim that the supplier supplies something to the recipient, with the quote, the
// article and the sources the article attributes it to. Denials are listed too (negated = true).
// Parameters: supplier and recipient are entity ids.
// @param supplier = "country:china"
// @param recipient = "country:russia"
// @param limit = 200
MATCH (s:Entity {id: $supplier})<-[:SUBJECT]-(c:Claim {predicate: "SUPPLIES"})-[:RECIPIENT]->(:Entity {id: $recipient})
MATCH (c)-[:OBJECT]->(item:Entity)
MATCH (c)-[:STATED_IN]->(a:Article)
OPTIONAL MATCH (c)-[:ATTRIBUTED_TO]->(src:Entity)
WITH item, c, a, collect(src.name) AS saidBy
RETURN item.name AS item, c.negated AS negated, saidBy, c.time AS time, c.quote AS quote,
       a.title AS article, a.publisher AS publisher, a.date AS date, c.id AS claim
ORDER BY item, date, claim
LIMIT $limit
