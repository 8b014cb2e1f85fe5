import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractText } from "../test/nlp-extract.js";
import { loadFrames } from "./frames/frames.js";

/**
 * Every row of the frame table (ingest/frames/frames.json) is a construction of English, tested
 * on sentences written for it (test/fixtures/patterns/rows.json, none taken from an article): at
 * least two it must fire on, with the claims it must give, and at least one near miss it must
 * not fire on.
 */

interface Expect {
  s: string;
  p: string;
  o: string;
  to?: string;
  neg?: boolean;
  /** the rule that must give the claim, when not the row itself ("use.fight-with+origin") */
  rule?: string;
}
interface Fires {
  text: string;
  date?: string;
  expect: Expect[];
}
interface NearMiss {
  text: string;
  date?: string;
  /** why the row must not fire: the difference from the construction */
  why: string;
}
type Fixture = Record<string, { fires: Fires[]; doesNotFire: NearMiss[] }>;

const fixture = JSON.parse(
  readFileSync(new URL("../test/fixtures/patterns/rows.json", import.meta.url), "utf8"),
) as Fixture & {
  $comment?: string;
};
const table = loadFrames();
const ids = [...table.rows.values()].flat().map((r) => r.id);

describe("the frame table's rows", () => {
  it("each has at least two sentences it fires on and a near miss it must not fire on", () => {
    const missing = ids.filter(
      (id) => (fixture[id]?.fires.length ?? 0) < 2 || (fixture[id]?.doesNotFire.length ?? 0) < 1,
    );
    expect(missing, "rows without their test sentences").toEqual([]);
    const unknown = Object.keys(fixture).filter((k) => k !== "$comment" && !ids.includes(k));
    expect(unknown, "test sentences for rows that do not exist").toEqual([]);
  });

  for (const id of ids) {
    const cases = fixture[id];
    if (!cases) continue;
    describe(id, () => {
      for (const c of cases.fires) {
        it(`fires on «${c.text}»`, async () => {
          const r = await extractText(c.text, c.date ?? null);
          const got = r.claims.map(
            (y) =>
              `${y.rule}: ${y.subject} ${y.negated ? "NOT " : ""}${y.predicate} ${y.object}${y.recipient ? ` → ${y.recipient}` : ""}`,
          );
          for (const e of c.expect) {
            const found = r.claims.find(
              (x) =>
                x.rule === (e.rule ?? id) &&
                x.subject === e.s &&
                x.predicate === e.p &&
                x.object.toLowerCase() === e.o.toLowerCase() &&
                (e.to === undefined || x.recipient === e.to) &&
                x.negated === (e.neg ?? false),
            );
            expect(
              found,
              `${e.s} ${e.p} ${e.o}${e.to ? ` → ${e.to}` : ""} by ${e.rule ?? id}; got ${got.join("; ")}`,
            ).toBeDefined();
          }
        });
      }
      for (const c of cases.doesNotFire) {
        it(`does not fire on «${c.text}» (${c.why})`, async () => {
          const r = await extractText(c.text, c.date ?? null);
          const fired = r.claims.filter((x) => x.rule === id || x.rule.startsWith(`${id}+`));
          expect(fired.map((y) => `${y.subject} ${y.predicate} ${y.object}`)).toEqual([]);
        });
      }
    });
  }
});
