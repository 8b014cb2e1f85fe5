// Find an entity by name or alias
// Full-text search over entity names and aliases (Lucene syntax: wildcards, fuzzy~), with how
// many claims each entity appears in.
// @param q = "Beijing"
// @param limit = 20
CALL db.index.fulltext.queryNodes("entity_names", $q) YIELD node, score
RETURN node.id AS id, node.name AS name, [l IN labels(node) WHERE l <> "Entity"][0] AS type,
       node.aliases AS aliases, node.claims AS claims, round(score, 3) AS score
ORDER BY score DESC, claims DESC, id
LIMIT $limit
