import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CountriesFileSchema, LexiconFileSchema, loadVocab } from "./vocab.js";

describe("vocabularies are validated data", () => {
  it("loads the shipped vocabularies, with countries from i18n-iso-countries overlaid by ours", () => {
    const v = loadVocab();
    const russia = v.countries.find((c) => c.code === "RU")!;
    expect(russia.name).toBe("Russia");
    expect(russia.metonyms).toContain("the Kremlin");
    expect(v.countries.length).toBeGreaterThan(200);
    expect(v.lexicon.supplyVerbs).toContain("supplied");
  });

  it("rejects a malformed extension with the field that is wrong", () => {
    const lex = JSON.parse(readFileSync(new URL("./lexicon.json", import.meta.url), "utf8")) as Record<string, unknown>;
    const bad = LexiconFileSchema.safeParse({ ...lex, supplyVerbs: ["ships", ""] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(["supplyVerbs", 1]);
    const badCountry = CountriesFileSchema.safeParse({ countries: [{ code: "Russia", name: "Russia" }] });
    expect(badCountry.success).toBe(false);
    expect(badCountry.error!.issues[0]!.path).toEqual(["countries", 0, "code"]);
  });
});
