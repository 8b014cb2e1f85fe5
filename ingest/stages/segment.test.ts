import { describe, expect, it } from "vitest";
import { MAX_SENTENCE_CHARS, segment } from "./segment.js";

describe("segment", () => {
  it("reads the header, keeps the Title as a sentence and skips the other keys", () => {
    const text =
      "Title: Iran ships drones\nPublisher: Example\nDate: 2024-01-02\nURL: https://x.org\n\nFirst sentence. Second one here.";
    const s = segment(text);
    expect(s.header.date).toBe("2024-01-02");
    expect(s.sentences.map((x) => x.text)).toEqual(["Iran ships drones", "First sentence.", "Second one here."]);
    for (const x of s.sentences) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it("does not split after abbreviations, initials or U.S.", () => {
    const s = segment("U.S. officials met Mr. Smith on Aug. 20 at Acme Inc. in Washington. Then they left.");
    expect(s.sentences.map((x) => x.text)).toEqual([
      "U.S. officials met Mr. Smith on Aug. 20 at Acme Inc. in Washington.",
      "Then they left.",
    ]);
  });

  it("drops teasers, share boilerplate and questions", () => {
    const text = [
      "A headline line",
      "WhatsApp Channel Join Now",
      "- list 1 of 4In Ukraine, something happened",
      "MUST READ: ☞ Another story",
      "Is peace what Russia wants?",
      "Advertisement",
      "Keep up with ZMINA on X and LinkedIn – and help us improve.",
      "A real sentence stays.",
    ].join("\n");
    const s = segment(text);
    expect(s.sentences.map((x) => x.text)).toEqual(["A headline line", "A real sentence stays."]);
    expect(s.sentences[0]!.kind).toBe("title");
  });

  it("strips bullets but keeps offsets exact", () => {
    const text = "Intro.\n  • China exported chips to Russia.\n";
    const s = segment(text);
    const b = s.sentences[1]!;
    expect(b.text).toBe("China exported chips to Russia.");
    expect(text.slice(b.start, b.end)).toBe(b.text);
  });

  it("cuts spans longer than a sentence can be at white space, body or heading alike", () => {
    const words = "fuel to Russia ".repeat(1000);
    for (const text of [`Intro.\n${words}.`, words]) {
      const s = segment(text);
      expect(s.sentences.length).toBeGreaterThan(5);
      for (const x of s.sentences) {
        expect(x.end - x.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
        expect(text.slice(x.start, x.end)).toBe(x.text);
      }
      // nothing is lost between the pieces
      const squash = (t: string) => t.replace(/\s+/g, "");
      expect(squash(s.sentences.map((x) => x.text).join(""))).toBe(squash(text));
    }
  });
});
