// Chains from materials to weapons
// Paths of affirmed COMPONENT_OF links from a material or part to a weapon (up to 5 steps),
// with each step's number of independent sources. Give a material's entity id, or null for
// chains from every raw material (those that are no component of anything else in turn).
// @param material = "item:ammonium-perchlorate"
// @param maxHops = 5
// @param limit = 100
MATCH (m:Entity)
WHERE ($material IS NULL OR m.id = $material)
  AND ($material IS NOT NULL OR NOT EXISTS { (:Entity)-[:COMPONENT_OF]->(m) })
MATCH p = (m)-[:COMPONENT_OF*1..5]->(w:Weapon)
WHERE length(p) <= $maxHops AND all(l IN relationships(p) WHERE l.negated = false)
RETURN m.name AS material, w.name AS weapon, length(p) AS steps,
       [n IN nodes(p) | n.name] AS chain,
       [l IN relationships(p) | l.sourceCount] AS sourcesPerStep, p AS path
LIMIT $limit
