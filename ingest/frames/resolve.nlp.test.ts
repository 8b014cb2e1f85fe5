import { describe, expect, it } from "vitest";
import { extractText } from "../../test/nlp-extract.js";

const run = (text: string) => extractText(text, null, "r");

describe("entity resolution", async () => {
  it("maps capitals and seats of power to the state, with the reason recorded", async () => {
    const r = await run("Beijing supplied drones to the Kremlin.");
    const c = r.claims[0]!;
    expect([c.subject, c.recipient]).toEqual(["China", "Russia"]);
    const china = r.entities.find((e) => e.id === "country:china")!;
    expect(china.aliases).toContain("Beijing");
    expect(china.merges.find((m) => m.alias === "Beijing")?.reason).toMatch(/capital/);
  });

  it("maps demonyms before actor nouns to the state, and keeps them as modifiers elsewhere", async () => {
    const r = await run("Chinese firms shipped Turkish drones to Russian companies.");
    const c = r.claims.find((x) => x.predicate === "SUPPLIES")!;
    expect(c.subject).toBe("China");
    expect(c.recipient).toBe("Russia");
    expect(c.object).toBe("drones");
  });

  it("merges a possessive state body with its 'of' form", async () => {
    const r = await run(
      "Ukraine's Foreign Intelligence Service said that Iran supplied missiles to Russia. The Foreign Intelligence Service of Ukraine added more.",
    );
    const ids = r.entities.map((e) => e.id);
    expect(ids).toContain("organization:foreign-intelligence-service-of-ukraine");
    const c = r.claims.find((x) => x.object === "missiles")!;
    expect(c.attributedTo).toEqual(["Foreign Intelligence Service of Ukraine"]);
  });

  it("learns acronyms defined in the text", async () => {
    const r = await run(
      "The Center for Naval Analyses (CNA) found that Iran sold drones to Russia. CNA reported that Iran sold shells to Russia.",
    );
    const shells = r.claims.find((x) => x.object === "shells")!;
    expect(shells.attributedTo).toEqual(["Center for Naval Analyses"]);
    const cna = r.entities.find((e) => e.name === "Center for Naval Analyses")!;
    expect(cna.merges.find((m) => m.alias === "CNA")?.reason).toMatch(/acronym/);
  });

  it("merges transliteration variants and lone surnames of a person named earlier", async () => {
    const r = await run(
      "Russian Foreign Minister Sergei Lavrov met officials. Foreign Minister Sergey Lavrov said that Iran supplied drones to Russia. Lavrov said more.",
    );
    const people = r.entities.filter((e) => e.type === "Person");
    expect(people.map((p) => p.name)).toEqual(["Sergei Lavrov"]);
    expect(people[0]!.aliases).toContain("Sergey Lavrov");
  });
});
