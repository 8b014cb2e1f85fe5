import { describe, expect, it } from "vitest";
import { boltPort, neo4jConfigFromEnv } from "../src/neo4j/config.js";
import { connect } from "../src/neo4j/connect.js";

describe("Neo4j configuration", () => {
  it("defaults to the local launcher", () => {
    expect(neo4jConfigFromEnv({})).toEqual({
      uri: "bolt://127.0.0.1:7687",
      username: "neo4j",
      password: "neo4j-local",
      database: "neo4j",
    });
  });

  it("reads Neo4j's own variable names", () => {
    const c = neo4jConfigFromEnv({
      NEO4J_URI: "neo4j://db:7999",
      NEO4J_USERNAME: "u",
      NEO4J_PASSWORD: "p",
      NEO4J_DATABASE: "d",
    });
    expect(c).toEqual({ uri: "neo4j://db:7999", username: "u", password: "p", database: "d" });
    expect(boltPort(c.uri)).toBe(7999);
  });

  it("names the variable that is wrong", () => {
    expect(() => neo4jConfigFromEnv({ NEO4J_URI: "http://localhost:7474" })).toThrow(/NEO4J_URI: must be a bolt/);
  });

  it("says where it looked and how to start Neo4j when nothing answers", async () => {
    // port 1 on loopback: nothing listens there
    const err = await connect(neo4jConfigFromEnv({ NEO4J_URI: "bolt://127.0.0.1:1" })).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/);
    expect((err as Error).message).toMatch(/npm run neo4j:start/);
    expect((err as Error).message).toMatch(/docker compose up -d/);
  });
});
