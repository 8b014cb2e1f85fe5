// Supply path from one party to another, with the evidence of each hop
// The shortest chain of supply flows and route legs (SUPPLIES_TO, ROUTES_TO) from one entity to
// another, in their direction (supplier → recipient), over flows some claim affirms, up to six
// hops; each hop with its items, its independent supporting sources, how many claims affirm it
// and the first five sentences stating them (quote, article, who said it). No row: no such
// chain that way.
// @param from = "organization:texas-instruments"
// @param to = "country:russia"
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:SUPPLIES_TO|ROUTES_TO*..6]->(b))
WHERE all(l IN relationships(p) WHERE l.negated = false)
UNWIND range(0, length(p) - 1) AS i
WITH p, i, relationships(p)[i] AS hop
// a hub's flow rests on thousands of claims: a few of its claim ids are read, not all
CALL (hop) {
  UNWIND hop.claimIds[0..50] AS cid
  MATCH (c:Claim {id: cid})-[:STATED_IN]->(art:Article)
  WHERE c.negated = false
  // a sentence naming several items is several claims and one piece of evidence
  WITH art, c.quote AS quote, min(c.id) AS first, collect(c.attributedTo)[0] AS saidBy
  WITH art, quote, saidBy ORDER BY first LIMIT 5
  RETURN collect({quote: quote, article: art.title, date: art.date, saidBy: saidBy}) AS evidence
}
WITH p, i, hop, evidence ORDER BY i
WITH p, collect({step: i + 1, from: startNode(hop).name, type: type(hop), to: endNode(hop).name,
                 items: hop.items, sources: hop.sourceCount, affirmingClaims: hop.claims - hop.negatedClaims,
                 evidence: evidence}) AS hops
RETURN [n IN nodes(p) | n.name] AS chain, length(p) AS steps, hops, p AS path
