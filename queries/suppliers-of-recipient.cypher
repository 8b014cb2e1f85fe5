// Who supplies a recipient, and what
// Every supplier with a supply flow into the recipient (SUPPLIES_TO: supply claims that name it as
// recipient), with the items affirmed and denied, the intermediaries, the independent supporting
// sources and who contests it, and the years the sentences state. Flows every claim denies are
// left out. Parameter recipient is an entity id.
// @param recipient = "country:russia"
// @param limit = 100
MATCH (s:Entity)-[f:SUPPLIES_TO]->(:Entity {id: $recipient})
WHERE f.negated = false
RETURN s.name AS supplier, [l IN labels(s) WHERE l <> "Entity"][0] AS type, f.items AS items,
       f.deniedItems AS deniedItems, f.via AS via, f.sourceCount AS independentSources, f.sources AS saidBy,
       f.contestingSources AS contestedBy, f.firstYear AS firstYear, f.lastYear AS lastYear,
       f.claimsWithoutEventTime AS claimsWithoutEventTime, f.claims AS claims, f.id AS flow
ORDER BY independentSources DESC, size(items) DESC, supplier
LIMIT $limit
