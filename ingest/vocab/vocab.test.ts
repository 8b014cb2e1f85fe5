import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CountriesFileSchema, LexiconFileSchema, loadVocab } from "./vocab.js";

describe("vocabularies are validated data", () => {
  it("loads the shipped vocabularies, with countries from i18n-iso-countries overlaid by ours", () => {
    const v = loadVocab();
    const russia = v.countries.find((c) => c.code === "RU")!;
    expect(russia.name).toBe("Russia");
    expect(russia.metonyms).toContain("the Kremlin");
    expect(v.countries.length).toBeGreaterThan(200);
    expect(v.lexicon.reportingVerbs).toContain("say");
  });

  it("rejects a malformed extension with the field that is wrong", () => {
    const lex = JSON.parse(readFileSync(new URL("./lexicon.json", import.meta.url), "utf8")) as Record<string, unknown>;
    const bad = LexiconFileSchema.safeParse({ ...lex, reportingVerbs: ["say", ""] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(["reportingVerbs", 1]);
    const badCountry = CountriesFileSchema.safeParse({ countries: [{ code: "Russia", name: "Russia" }] });
    expect(badCountry.success).toBe(false);
    expect(badCountry.error!.issues[0]!.path).toEqual(["countries", 0, "code"]);
  });

  it("adds a user's vocabulary folder (KG_VOCAB_DIR) to the shipped one", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-vocab-"));
    writeFileSync(path.join(dir, "lexicon.json"), JSON.stringify({ reportingVerbs: ["opine"] }));
    writeFileSync(
      path.join(dir, "organizations.json"),
      JSON.stringify({
        organizations: [{ name: "Volga Precision Works", type: "Organization", aliases: ["Volga Precision"] }],
      }),
    );
    writeFileSync(
      path.join(dir, "countries.json"),
      JSON.stringify({ countries: [{ code: "RU", name: "Russia", metonyms: ["the Moscow regime"] }] }),
    );
    const v = loadVocab(dir);
    expect(v.lexicon.reportingVerbs).toEqual(expect.arrayContaining(["say", "opine"]));
    expect(v.organizations.find((o) => o.name === "Volga Precision Works")?.aliases).toEqual(["Volga Precision"]);
    const russia = v.countries.find((c) => c.code === "RU")!;
    expect(russia.metonyms).toEqual(expect.arrayContaining(["the Kremlin", "the Moscow regime"]));
    expect(loadVocab().lexicon.reportingVerbs).not.toContain("opine");
  });

  it("knows whom well-known people serve, and refuses a person serving an unknown country or organisation", () => {
    const v = loadVocab();
    expect(v.people.find((p) => p.name === "Xi Jinping")?.serves).toEqual({ name: "China", type: "Country" });
    expect(v.people.find((p) => p.name === "Mark Rutte")?.serves).toEqual({ name: "NATO", type: "Organization" });
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-vocab-"));
    writeFileSync(
      path.join(dir, "people.json"),
      JSON.stringify({ people: [{ name: "Jane Doe", serves: "Ruritania" }] }),
    );
    expect(() => loadVocab(dir)).toThrow(`${path.join(dir, "people.json")}: people.0.serves: "Ruritania"`);
    writeFileSync(
      path.join(dir, "people.json"),
      JSON.stringify({ people: [{ name: "Jane Doe", aliases: ["J. Doe"], serves: "Estonia" }] }),
    );
    expect(loadVocab(dir).people.find((p) => p.name === "Jane Doe")?.serves).toEqual({
      name: "Estonia",
      type: "Country",
    });
  });

  it("names the user's file and field when the extension is malformed", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-vocab-"));
    writeFileSync(path.join(dir, "lexicon.json"), JSON.stringify({ reportingVerb: ["opine"] }));
    expect(() => loadVocab(dir)).toThrow(`${path.join(dir, "lexicon.json")}: `);
    expect(() => loadVocab(path.join(dir, "missing"))).toThrow(/KG_VOCAB_DIR=.*missing: no such folder/);
  });
});
