// Links first seen in a given year
// Links whose earliest dated claim is about that year: what is new that year.
// @param year = 2023
// @param limit = 100
MATCH (s:Entity)-[l:SUPPLIES|TRADES_WITH|COMPONENT_OF|PRODUCES|USES|ATTACKS|SANCTIONS|COOPERATES_WITH|AFFILIATED_WITH|LOCATED_IN]->(o:Entity)
WHERE l.firstYear = $year
RETURN s.name AS subject, type(l) AS predicate, o.name AS object, l.firstYear AS firstYear,
       l.lastYear AS lastYear, l.sourceCount AS independentSources, l.sources AS saidBy, l.negated AS negated
ORDER BY independentSources DESC, subject, object
LIMIT $limit
