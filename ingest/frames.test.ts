import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractArticle } from "./pipeline.js";

/**
 * Hand-written paragraphs (test/fixtures/patterns/frames.json, none taken from the evaluation
 * articles) and the claims the relation frames must find in them: general verb, noun, passive and
 * continuation frames, negation, hedges, intermediaries, attribution and time qualifiers.
 */

interface Expect {
  s: string;
  p: string;
  o: string;
  to?: string;
  neg?: boolean;
  hedged?: boolean;
  /** a source the claim must name; null: it must name none */
  by?: string | null;
  time?: string;
  via?: string[];
}
interface Case {
  name: string;
  text: string;
  date?: string;
  expect: Expect[];
  absent?: Expect[];
}

const fixture = JSON.parse(readFileSync(new URL("../test/fixtures/patterns/frames.json", import.meta.url), "utf8")) as {
  cases: Case[];
};

describe("relation frames on hand-written paragraphs", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const r = extractArticle({
        id: "case",
        title: null,
        publisher: null,
        date: c.date ?? null,
        url: null,
        text: c.text,
        sourcePath: null,
      });
      const found = (e: Expect) =>
        r.claims.find(
          (x) =>
            x.subject === e.s &&
            x.predicate === e.p &&
            x.object.toLowerCase() === e.o.toLowerCase() &&
            (e.to === undefined || x.recipient === e.to) &&
            x.negated === (e.neg ?? false),
        );
      for (const e of c.expect) {
        const x = found(e);
        expect(
          x,
          `${e.s} ${e.p} ${e.o} in «${c.text}»; got ${r.claims.map((y) => `${y.subject} ${y.predicate} ${y.object}`).join("; ")}`,
        ).toBeDefined();
        if (e.by) expect(x!.attributedTo).toContain(e.by);
        if (e.by === null) expect(x!.attributedTo ?? []).toEqual([]);
        if (e.time) expect(x!.time).toBe(e.time);
        if (e.via) expect(x!.via).toEqual(e.via);
        if (e.hedged) expect(x!.hedged).toBe(true);
        // the evidence is verbatim article text
        expect(c.text.slice(x!.evidence.start, x!.evidence.end)).toBe(x!.evidence.quote);
      }
      for (const e of c.absent ?? []) expect(found(e)).toBeUndefined();
      if (c.expect.length === 0) expect(r.claims).toEqual([]);
    });
  }
});
