import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadFrames, parseFrames } from "./frames.js";

const shipped = readFileSync(new URL("./frames.json", import.meta.url), "utf8");
const withRows = (rows: unknown[]) => JSON.stringify({ ...JSON.parse(shipped), rows });
const row = (extra: Record<string, unknown>) => ({
  id: "supply.test",
  class: "supply",
  form: "verb",
  voice: "active",
  subject: ["nsubj"],
  object: ["obj"],
  confidence: 0.8,
  example: "X supplied Y.",
  ...extra,
});

describe("the frame table is validated data", () => {
  it("loads the shipped table: every class has rows, every row a unique id of its class", () => {
    const t = loadFrames("");
    const rows = [...t.rows.values()].flat();
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) expect(r.id.startsWith(`${r.class}.`)).toBe(true);
    expect(t.verbs.get("supply")).toContain("supply");
    expect(t.verbs.get("import")).toContain("acquire");
    expect(t.events.get("export")).toContain("supply");
  });

  it("names the row and field of a mistake", () => {
    expect(() => parseFrames(withRows([row({ class: "supplies", id: "supplies.x" })]), "f.json")).toThrow(
      'f.json: rows.0.class: no class "supplies"',
    );
    expect(() => parseFrames(withRows([row({ subject: ["nsubj[thing]"] })]), "f.json")).toThrow(
      "f.json: rows.0.subject.0: unknown filter [thing]",
    );
    expect(() => parseFrames(withRows([row({}), row({})]), "f.json")).toThrow('rows.1.id: "supply.test" is used twice');
    expect(() => parseFrames(withRows([row({ id: "acquire.test" })]), "f.json")).toThrow(
      'must start with its class "supply."',
    );
    expect(() => parseFrames(withRows([row({ subject: ["nsubj;drop"] })]), "f.json")).toThrow(/rows\.0\.subject\.0/);
  });

  it("adds a user's lemmas to a class, and refuses a class that does not exist", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-frames-"));
    writeFileSync(path.join(dir, "frames.json"), JSON.stringify({ classes: { supply: { verbs: ["courier"] } } }));
    expect(loadFrames(dir).verbs.get("courier")).toEqual(["supply"]);
    expect(loadFrames("").verbs.get("courier")).toBeUndefined();
    writeFileSync(path.join(dir, "frames.json"), JSON.stringify({ classes: { suply: { verbs: ["courier"] } } }));
    expect(() => loadFrames(dir)).toThrow(`${path.join(dir, "frames.json")}: classes.suply: no such class`);
  });
});
