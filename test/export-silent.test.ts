import { spawnSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/main.js";
import { writeStore } from "../src/store/store.js";
import { generateStore } from "../scripts/gen/synthetic-store.js";
import { A1, fixtureData, type ClaimSpec } from "./export-fixture.js";

/**
 * `kg export` never fails silently: a filter that matches nothing says which option emptied it
 * and exits non-zero without writing a file; names of relation and entity types are taken in any
 * case; an option that needs another says so; a source is found by any of its names; and a
 * reader that closes the pipe early ends the export quietly.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
let dir: string;

/** A supply claim attributed to OFAC, whose entity is only ever named as a source. */
const OFAC: ClaimSpec[] = [
  {
    doc: A1,
    quote: "China is also providing intelligence to Russia",
    subject: ["Country", "China"],
    predicate: "SUPPLIES",
    object: ["Item", "intelligence"],
    recipient: ["Country", "Russia"],
    attributedTo: ["Office of Foreign Assets Control"],
    time: "2023",
  },
];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kg-export-silent-"));
  const data = fixtureData(OFAC);
  const ofac = data.entities.find((e) => e.name === "Office of Foreign Assets Control")!;
  ofac.aliases = ["OFAC"];
  await writeStore(path.join(dir, "store"), data);
  await writeStore(path.join(dir, "big"), generateStore({ claims: 3000, seed: 7 }));
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("kg export says what it could not do", () => {
  let errors: string[];
  beforeEach(() => {
    errors = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.join(" ")));
    process.exitCode = undefined;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
  const kg = (...args: string[]) => main(["node", "kg", "export", "--data", path.join(dir, "store"), ...args]);

  it("a filter that matches nothing: exit 1, which option emptied it, and no file", async () => {
    const out = path.join(dir, "nothing.graphml");
    expect(await kg("--format", "graphml", "--out", out, "--sources", "Nobody", "--predicates", "SUPPLIES")).toBe(1);
    const message = errors.join("\n");
    expect(message).toMatch(/nothing to export/);
    expect(message).toMatch(/--sources Nobody: 0 of \d+ links/);
    expect(message).toMatch(/--predicates SUPPLIES: [1-9]\d* of \d+ links/);
    expect(existsSync(out)).toBe(false);
  });

  it("a source is found by its alias: --sources OFAC", async () => {
    const out = path.join(dir, "ofac.json");
    expect(await kg("--format", "json", "--out", out, "--sources", "OFAC")).toBe(0);
    const g = JSON.parse(await fs.readFile(out, "utf8")) as { edges: Array<{ attributes: { predicate: string } }> };
    expect(g.edges.map((e) => e.attributes.predicate).sort()).toEqual(["SUPPLIES", "SUPPLIES_TO"]);
  });

  it("relation and entity type names in any case", async () => {
    const out = path.join(dir, "case.json");
    expect(
      await kg("--format", "json", "--out", out, "--predicates", "supplies,Supplies_To", "--types", "country,ITEM"),
    ).toBe(0);
    expect(errors.join("\n")).toMatch(/exported \d+ entities and \d+ links/);
  });

  it("--predicates supplies without the flows says that who supplies whom is SUPPLIES_TO", async () => {
    const out = path.join(dir, "supplies.json");
    expect(await kg("--format", "json", "--out", out, "--predicates", "supplies")).toBe(0);
    expect(errors.join("\n")).toMatch(/SUPPLIES links go supplier → item.*--predicates SUPPLIES,SUPPLIES_TO,ROUTES_TO/);
    // asked for together, nothing to say
    errors.length = 0;
    expect(await kg("--format", "json", "--out", out, "--predicates", "supplies,supplies_to")).toBe(0);
    expect(errors.join("\n")).not.toMatch(/supplier → item/);
  });

  it("--hops without --focus is refused, naming what it needs", async () => {
    expect(await kg("--format", "json", "--out", path.join(dir, "h.json"), "--hops", "2")).toBe(1);
    expect(errors.join("\n")).toMatch(/--hops needs --focus/);
  });

  it.each([
    ["--param", "supplier=country:china"],
    ["--row-limit", "10"],
    ["--timeout", "5000"],
  ])("%s without --query is refused, naming what it needs, and writes nothing", async (option, value) => {
    const out = path.join(dir, "q.json");
    expect(await kg("--format", "json", "--out", out, option, value)).toBe(1);
    expect(errors.join("\n")).toContain(`${option} needs --query`);
    expect(existsSync(out)).toBe(false);
  });

  it("a year filter says how many links it left out because their sentences state no time", async () => {
    const data = fixtureData([
      {
        doc: A1,
        quote: "China does not supply weapons directly to Russia",
        subject: ["Country", "China"],
        predicate: "SUPPLIES",
        object: ["Item", "weapons"],
        recipient: ["Country", "Russia"],
      },
    ]);
    // the extractor put the article's date where the sentence says nothing
    for (const c of data.claims) if (!c.time) Object.assign(c, { time: "2026-02-05", timeInferred: true });
    await writeStore(path.join(dir, "reported"), data);
    const code = await main([
      "node",
      "kg",
      "export",
      "--data",
      path.join(dir, "reported"),
      "--format",
      "json",
      "--out",
      path.join(dir, "y.json"),
      "--from-year",
      "2024",
    ]);
    expect(code).toBe(0);
    expect(errors.join("\n")).toMatch(
      /\d+ links? \(\d+ claims?\) left out by the year filter: their sentences state no time/,
    );
  });
});

describe("kg export to a pipe", () => {
  it("ends quietly when the reader stops early (kg export --out - | head)", () => {
    const r = spawnSync(
      "bash",
      [
        "-c",
        `set -o pipefail; node bin/kg.js export --data "${path.join(dir, "big")}" --format graphml --out - | head -c 200 >/dev/null`,
      ],
      { cwd: ROOT, encoding: "utf8", timeout: 120_000 },
    );
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.status).toBe(0);
  });
});
