import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractText } from "../test/nlp-extract.js";

/**
 * Hand-written paragraphs (test/fixtures/patterns/paragraphs.json, none taken from the evaluation
 * articles) and the claims extraction must find in them, through the real parser: verb, noun,
 * passive and continuation frames together, negation, hedges, routes, attribution and time.
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

const fixture = JSON.parse(
  readFileSync(new URL("../test/fixtures/patterns/paragraphs.json", import.meta.url), "utf8"),
) as { cases: Case[] };

describe("extraction on hand-written paragraphs", () => {
  for (const c of fixture.cases) {
    it(c.name, async () => {
      const r = await extractText(c.text, c.date ?? null);
      const found = (e: Expect) =>
        r.claims.find(
          (x) =>
            x.subject === e.s &&
            x.predicate === e.p &&
            x.object.toLowerCase() === e.o.toLowerCase() &&
            (e.to === undefined || x.recipient === e.to) &&
            x.negated === (e.neg ?? false),
        );
      const got = r.claims.map(
        (y) => `${y.subject} ${y.predicate} ${y.object}${y.recipient ? ` → ${y.recipient}` : ""}`,
      );
      for (const e of c.expect) {
        const x = found(e);
        expect(x, `${e.s} ${e.p} ${e.o} in «${c.text}»; got ${got.join("; ")}`).toBeDefined();
        if (e.by) expect(x!.attributedTo, `source of ${e.o}`).toContain(e.by);
        if (e.by === null) expect(x!.attributedTo ?? [], `source of ${e.o}`).toEqual([]);
        if (e.time) expect(x!.time, `time of ${e.o}`).toBe(e.time);
        if (e.via) expect(x!.via, `route of ${e.o}`).toEqual(e.via);
        if (e.hedged) expect(x!.hedged, `hedge of ${e.o}`).toBe(true);
        expect(c.text.slice(x!.evidence.start, x!.evidence.end)).toBe(x!.evidence.quote);
      }
      for (const e of c.absent ?? [])
        expect(found(e), `${e.s} ${e.p} ${e.o} must not be found; got ${got.join("; ")}`).toBeUndefined();
      if (c.expect.length === 0) expect(r.claims).toEqual([]);
    });
  }
});
