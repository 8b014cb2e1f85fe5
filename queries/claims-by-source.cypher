// Claims by a given source
// Everything the articles attribute to one source (an organisation, agency or person),
// newest first. Parameter source is an entity id.
// @param source = "organization:csis"
// @param limit = 200
MATCH (src:Entity {id: $source})<-[:ATTRIBUTED_TO]-(c:Claim)-[:STATED_IN]->(a:Article)
MATCH (c)-[:SUBJECT]->(s:Entity), (c)-[:OBJECT]->(o:Entity)
OPTIONAL MATCH (c)-[:RECIPIENT]->(r:Entity)
RETURN s.name AS subject, c.predicate AS predicate, o.name AS object, r.name AS recipient,
       c.negated AS negated, c.time AS time, c.quote AS quote, a.title AS article, a.date AS date
ORDER BY date DESC, subject, object
LIMIT $limit
