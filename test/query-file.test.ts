import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { caretExcerpt, formatNeo4jError, positionOf, QueryError } from "../src/neo4j/errors.js";
import { parseParamAssignment, parseParamValue, toCypherParams } from "../src/neo4j/params.js";
import { parseQueryFile, resolveParams } from "../src/neo4j/query-file.js";
import { CLAIM_PROPERTY_KEYS, claimRow } from "../src/neo4j/rows.js";
import { entityLabel, relationshipType } from "../src/neo4j/identifiers.js";
import { createVocabulary, DEFAULT_VOCABULARY } from "../src/model/vocabulary.js";
import { fixtureStore } from "./load-fixtures.js";

describe("query file headers", () => {
  const text = `// Who supplies an item
// Every supplier of the item.
//   Second line of prose.
// @param item = "item:machine-tools"
// @param limit = 50
// @param years = [2023, 2024]
// @param strict = false
// @param source = null
// @param bare = country:china
MATCH (n) RETURN n // @param notme = 1`;

  it("reads the title, the description and typed defaults", () => {
    const q = parseQueryFile(text, "q.cypher");
    expect(q.title).toBe("Who supplies an item");
    expect(q.description).toBe("Every supplier of the item.\n  Second line of prose.");
    expect(Object.fromEntries(q.params.map((p) => [p.name, p.default]))).toEqual({
      item: "item:machine-tools",
      limit: 50,
      years: [2023, 2024],
      strict: false,
      source: null,
      bare: "country:china",
    });
  });

  it("merges given values over the defaults and refuses an undeclared name", () => {
    const q = parseQueryFile(text, "q.cypher");
    expect(resolveParams(q, { limit: 5 }, "q.cypher")).toMatchObject({ item: "item:machine-tools", limit: 5 });
    expect(() => resolveParams(q, { limt: 5 }, "q.cypher")).toThrow("q.cypher: no parameter limt");
    // inline Cypher declares nothing: anything goes
    expect(resolveParams(parseQueryFile("RETURN $x"), { x: 1 })).toEqual({ x: 1 });
  });

  it("names the line of a malformed @param", () => {
    expect(() => parseQueryFile("// T\n// @param = 3\nRETURN 1", "bad.cypher")).toThrow("bad.cypher:2:");
    expect(() => parseQueryFile("// T\n// @param x = [1,\nRETURN 1", "bad.cypher")).toThrow(
      /bad.cypher:2: parameter x: invalid JSON/,
    );
  });
});

describe("parameter values", () => {
  it("types numbers, booleans, null, JSON and strings", () => {
    expect(parseParamValue("42")).toBe(42);
    expect(parseParamValue("-1.5e3")).toBe(-1500);
    expect(parseParamValue("007")).toBe("007");
    expect(parseParamValue("true")).toBe(true);
    expect(parseParamValue("null")).toBeNull();
    expect(parseParamValue('["a", 1]')).toEqual(["a", 1]);
    expect(parseParamValue('"42"')).toBe("42");
    expect(parseParamValue("x'}) DETACH DELETE n //")).toBe("x'}) DETACH DELETE n //");
    expect(parseParamAssignment("q=a=b")).toEqual(["q", "a=b"]);
    expect(() => parseParamAssignment("=1")).toThrow(/expected name=value/);
  });

  it("sends whole numbers as Neo4j integers (LIMIT needs them), fractions as floats", () => {
    const p = toCypherParams({ limit: 5, ratio: 0.5, list: [1, 2], nested: { n: 3 } }) as Record<string, unknown>;
    expect(neo4j.isInt(p.limit)).toBe(true);
    expect(p.ratio).toBe(0.5);
    expect((p.list as unknown[]).every((x) => neo4j.isInt(x))).toBe(true);
    expect(neo4j.isInt((p.nested as Record<string, unknown>).n)).toBe(true);
  });
});

describe("error positions", () => {
  it("computes line and column from an offset and draws a caret", () => {
    const q = "MATCH (n)\n\tWHERE n.x = 1\nRETRUN n";
    expect(positionOf(q, 25)).toEqual({ line: 3, column: 1 });
    expect(positionOf(q, 12)).toEqual({ line: 2, column: 3 });
    expect(caretExcerpt(q, 2, 3)).toBe("  2 | \tWHERE n.x = 1\n    | \t ^");
  });

  it("rewrites a Neo4j syntax error with the query's own line", () => {
    const e = Object.assign(
      new Error("Invalid input 'RETRUN': expected ... (line 3, column 1 (offset: 25))\n\"RETRUN n\"\n ^"),
      {
        code: "Neo.ClientError.Statement.SyntaxError",
      },
    );
    const out = formatNeo4jError(e, "MATCH (n)\n\tWHERE n.x = 1\nRETRUN n") as QueryError;
    expect(out.message).toBe(
      "SyntaxError at line 3, column 1: Invalid input 'RETRUN': expected ...\n  3 | RETRUN n\n    | ^",
    );
    expect(out.position).toEqual({ line: 3, column: 1, offset: 25 });
  });
});

describe("identifiers and rows", () => {
  it("only configured entity and relation types become labels and relationship types", () => {
    expect(entityLabel("Country", DEFAULT_VOCABULARY)).toBe("`Country`");
    expect(relationshipType("SUPPLIES", DEFAULT_VOCABULARY)).toBe("`SUPPLIES`");
    expect(() => entityLabel("Vessel", DEFAULT_VOCABULARY)).toThrow(/unknown entity type "Vessel"/);
    expect(() => relationshipType("FINANCES`]->() DELETE x //", DEFAULT_VOCABULARY)).toThrow(/unknown relation type/);
    const custom = createVocabulary({ entityTypes: ["Vessel"] });
    expect(entityLabel("Vessel", custom)).toBe("`Vessel`");
  });

  it("every property a claim row carries is one the loader writes", () => {
    for (const c of fixtureStore().claims) {
      for (const key of Object.keys(claimRow(c).props)) expect(CLAIM_PROPERTY_KEYS).toContain(key);
    }
  });
});
