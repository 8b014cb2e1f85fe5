import type { Claim } from "./claim.js";

/**
 * Two times belong to a claim and are never mixed: the event time, what the sentence says
 * ("in 2023", "between 2023 and 2024"), and the report time, the date of the article that said
 * it. A claim whose sentence gives no time has only a report time (`timeInferred`: the
 * extractor put the article's date in `time`), and counts nowhere an event time is asked for.
 */

/** The time the sentence states, or undefined when it states none. */
export function eventTime(c: Pick<Claim, "time" | "timeInferred">): string | undefined {
  return c.timeInferred ? undefined : c.time;
}

/** When it was reported: the article's date, or the date the extractor took from it. */
export function reportTime(
  c: Pick<Claim, "time" | "timeInferred">,
  articleDate: string | null | undefined,
): string | undefined {
  return articleDate ?? (c.timeInferred ? c.time : undefined);
}

/** Years covered by a time ("2023-01/2024-06" → [2023, 2024]); null without one. */
export function timeYears(time: string | null | undefined): [number, number] | null {
  if (!time) return null;
  const [from, to] = time.split("/");
  const a = Number(from!.slice(0, 4));
  const b = to ? Number(to.slice(0, 4)) : a;
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
}

/** A running [first, last] year range. */
export class YearRange {
  first: number | null = null;
  last: number | null = null;

  add(years: [number, number] | null): void {
    if (!years) return;
    this.first = this.first === null ? years[0] : Math.min(this.first, years[0]);
    this.last = this.last === null ? years[1] : Math.max(this.last, years[1]);
  }
}
