/**
 * Publication dates as they appear in headers, JSONL fields and HTML meta tags, normalised to
 * ISO (YYYY-MM-DD, or YYYY-MM / YYYY when that is all that is known). A date we cannot read
 * never fails an article: the caller gets null and a warning to show.
 */
export interface NormalisedDate {
  date: string | null;
  /** set when a non-empty value could not be read */
  warning?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number) => String(n).padStart(2, "0");

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month?: number, day?: number): string | null {
  if (year < 1000 || year > 9999) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  if (day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)];
}

const MONTH_WORD =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

// Ordered: the first pattern that matches decides. The date as written is kept (no time-zone
// shifting): "2022-11-09T23:30:00-05:00" is the 9th, as the publisher printed it.
const PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => string | null]> = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/, (m) => ymd(+m[1]!, +m[2]!, +m[3]!)],
  [/^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, (m) => ymd(+m[1]!, +m[2]!, +m[3]!)],
  [/^(\d{4})\.(\d{1,2})\.(\d{1,2})\.?$/, (m) => ymd(+m[1]!, +m[2]!, +m[3]!)],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => ymd(+m[1]!, +m[2]!, +m[3]!)],
  [/^(\d{4})-(\d{1,2})$/, (m) => ymd(+m[1]!, +m[2]!)],
  [/^(\d{4})$/, (m) => ymd(+m[1]!)],
  // 09.11.2022 and 09/11/2022 are read day-first (the European order) only when unambiguous
  [
    /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/,
    (m) => {
      const a = +m[1]!;
      const b = +m[2]!;
      if (a > 12 && b <= 12) return ymd(+m[3]!, b, a);
      if (b > 12 && a <= 12) return ymd(+m[3]!, a, b);
      return null;
    },
  ],
  // "November 9, 2022", "Nov. 9 2022", "Wednesday, November 9, 2022 10:00"
  [
    new RegExp(`^(?:[a-z]+,?\\s+)?${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i"),
    (m) => ymd(+m[3]!, monthOf(m[1]!), +m[2]!),
  ],
  // "9 November 2022", "Tue, 09 Nov 2022 10:00:00 GMT", "9th of November, 2022"
  [
    new RegExp(`^(?:[a-z]+,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD},?\\s+(\\d{4})\\b`, "i"),
    (m) => ymd(+m[3]!, monthOf(m[2]!), +m[1]!),
  ],
  // "November 2022"
  [new RegExp(`^${MONTH_WORD},?\\s+(\\d{4})$`, "i"), (m) => ymd(+m[2]!, monthOf(m[1]!))],
];

export function normaliseDate(raw: string | null | undefined): NormalisedDate {
  if (raw === null || raw === undefined) return { date: null };
  const value = raw.trim().replace(/\s+/g, " ");
  if (value === "") return { date: null };
  for (const [re, build] of PATTERNS) {
    const m = value.match(re);
    if (!m) continue;
    const date = build(m);
    if (date) return { date };
    break;
  }
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return { date: null, warning: `date ${JSON.stringify(shown)} is not a date we can read; stored as unknown` };
}
