import neo4j, { type Node, type Path, type Relationship } from "neo4j-driver";

/**
 * Neo4j values as plain JSON: integers as numbers (strings when beyond 2^53, never rounded
 * silently), temporal values as ISO strings, nodes/relationships/paths as small objects that
 * name their labels or type and keep their properties.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value !== "object") return value;
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : value.toString();
  if (neo4j.isNode(value)) {
    const n = value as Node;
    return { elementId: n.elementId, labels: n.labels, properties: plainProps(n.properties) };
  }
  if (neo4j.isRelationship(value)) {
    const r = value as Relationship;
    return {
      elementId: r.elementId,
      type: r.type,
      start: r.startNodeElementId,
      end: r.endNodeElementId,
      properties: plainProps(r.properties),
    };
  }
  if (neo4j.isPath(value)) {
    const p = value as Path;
    return {
      start: toPlain(p.start),
      end: toPlain(p.end),
      length: p.length,
      segments: p.segments.map((s) => ({
        start: toPlain(s.start),
        relationship: toPlain(s.relationship),
        end: toPlain(s.end),
      })),
    };
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  ) {
    return String(value);
  }
  if (neo4j.isPoint(value)) {
    const { srid, x, y, z } = value;
    return z === undefined ? { srid: toPlain(srid), x, y } : { srid: toPlain(srid), x, y, z };
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(toPlain);
  return plainProps(value as Record<string, unknown>);
}

function plainProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = toPlain(v);
  return out;
}
