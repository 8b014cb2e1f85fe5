// Top suppliers of Russia
// Who supplies the recipient (Russia by default) the most distinct items, in how many claims
// and articles, named by how many sources; affirmed claims only. Parameter recipient is an
// entity id.
// @param recipient = "country:russia"
// @param limit = 25
MATCH (:Entity {id: $recipient})<-[:RECIPIENT]-(c:Claim)
WHERE c.predicate = "SUPPLIES" AND c.negated = false
WITH c.subjectId AS supplierId, collect(DISTINCT c.objectId) AS itemIds, count(*) AS claims,
     count(DISTINCT c.doc) AS articles, collect(DISTINCT c.attributedTo) AS attributions
ORDER BY size(itemIds) DESC, claims DESC, supplierId
LIMIT $limit
// attributions are distinct lists: a hub supplier has ~100,000 claims but few combinations
// of sources, so merging them into one list stays cheap
MATCH (s:Entity {id: supplierId})
WITH s, itemIds, claims, articles,
     reduce(acc = [], xs IN attributions | acc + [x IN coalesce(xs, []) WHERE NOT x IN acc]) AS saidBy
RETURN s.name AS supplier, size(itemIds) AS distinctItems,
       [id IN itemIds[0..10] | COLLECT { MATCH (i:Entity {id: id}) RETURN i.name }[0]] AS someItems,
       claims, articles, size(saidBy) AS namedSources, saidBy[0..10] AS someSources
ORDER BY distinctItems DESC, claims DESC, supplier
