import { describe, expect, it } from "vitest";
import { distinctTerms, safeHref, segmentQuote } from "../viewer/src/views/text.js";

describe("quote highlighting", () => {
  const quote = "The Center found that in 2024, China increased sales of ammonium perchlorate to Russia.";

  it("marks each named entity, case-insensitively, and keeps the text whole", () => {
    const segs = segmentQuote(quote, ["china", "Ammonium Perchlorate", "Russia"]);
    expect(segs.map((s) => s.text).join("")).toBe(quote);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(["China", "ammonium perchlorate", "Russia"]);
  });

  it("merges overlapping matches and ignores terms that are absent or too short", () => {
    const segs = segmentQuote("Iskander-M missiles", ["Iskander", "Iskander-M", "x", "Kinzhal"]);
    expect(segs).toEqual([
      { text: "Iskander-M", mark: true },
      { text: " missiles", mark: false },
    ]);
  });

  it("markup in a quote is just characters", () => {
    const q = 'Acme <img src=x onerror="alert(1)"> supplies';
    const segs = segmentQuote(q, ["Acme"]);
    expect(segs.map((s) => s.text).join("")).toBe(q);
  });

  it("distinct terms drop blanks and case/accent duplicates", () => {
    expect(distinctTerms(["China", undefined, "china", "Türkiye", "Turkiye", ""])).toEqual(["China", "Türkiye"]);
  });
});

describe("article links", () => {
  it("only http(s) URLs become links", () => {
    expect(safeHref("https://example.org/a?b=c")).toBe("https://example.org/a?b=c");
    expect(safeHref("http://example.org")).toBe("http://example.org/");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref(" JavaScript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<script>alert(1)</script>")).toBeNull();
    expect(safeHref("/relative/path")).toBeNull();
    expect(safeHref(null)).toBeNull();
    expect(safeHref("")).toBeNull();
  });
});
