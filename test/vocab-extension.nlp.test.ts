import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

// A user extends the extractor's vocabulary through KG_VOCAB_DIR, without editing the project:
// lemmas added to a frame class (frames.json) and words added to a lexicon list (lexicon.json).
describe("kg ingest with a user vocabulary", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kg-uvocab-"));
  const vocab = path.join(dir, "vocab");
  mkdirSync(vocab);
  writeFileSync(path.join(vocab, "frames.json"), JSON.stringify({ classes: { supply: { verbs: ["courier"] } } }));
  writeFileSync(path.join(vocab, "lexicon.json"), JSON.stringify({ reportingVerbs: ["opine"] }));
  const article = path.join(dir, "a.txt");
  writeFileSync(
    article,
    "Iran couriered drones to Russia.\nThe Kiel Institute opined that Serbia sold rifles to Armenia.\n",
  );
  const run = (data: string, env: NodeJS.ProcessEnv) => {
    const r = spawnSync(process.execPath, ["bin/kg.js", "ingest", article, "--data", data, "--threads", "1"], {
      env: { ...process.env, KG_NLP_URL: inject("nlpUrl"), ...env },
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(path.join(data, "claims.jsonl"), "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  };

  it("finds a supply claim only with the user's extra verb, and a source only with the user's reporting verb", () => {
    const plain = run(path.join(dir, "plain"), { KG_VOCAB_DIR: "" });
    expect(plain.find((c) => c.object === "drones")).toBeUndefined();
    expect(plain.find((c) => c.object === "rifles")?.attributedTo).toBeUndefined();
    const extended = run(path.join(dir, "extended"), { KG_VOCAB_DIR: vocab });
    expect(extended.find((c) => c.object === "drones")).toMatchObject({
      subject: "Iran",
      predicate: "SUPPLIES",
      recipient: "Russia",
    });
    expect(extended.find((c) => c.object === "rifles")?.attributedTo).toEqual(["Kiel Institute"]);
  });

  it("names the user's file and class when the extension is wrong", () => {
    const bad = path.join(dir, "bad");
    mkdirSync(bad);
    writeFileSync(path.join(bad, "frames.json"), JSON.stringify({ classes: { supplies: { verbs: ["courier"] } } }));
    const r = spawnSync(process.execPath, ["bin/kg.js", "ingest", article, "--data", path.join(dir, "x")], {
      env: { ...process.env, KG_NLP_URL: inject("nlpUrl"), KG_VOCAB_DIR: bad },
      encoding: "utf8",
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${path.join(bad, "frames.json")}: classes.supplies: no such class`);
  });
});
