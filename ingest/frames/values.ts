import type { Amount } from "../../src/model/claim.js";

/**
 * Value normalisers: times (years, months, dates, ranges, "last year" relative to the article's
 * date) and amounts (money with currency, percentages, quantities with unit).
 */

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const MONTH_RE =
  "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";

const pad = (n: number) => String(n).padStart(2, "0");
const monthOf = (s: string) => MONTHS[s.toLowerCase().replace(/\.$/, "")] ?? 0;

/** Cuts comparison baselines ("compared with 2021", "than before the war") that are not the claim's time. */
function withoutBaselines(text: string): string {
  return text.replace(
    /\b(compared (?:with|to)|than|same period (?:in|of|last)|relative to|up from|down from|versus|vs\.?)\b[^,;]*/gi,
    " ",
  );
}

const YR = "(?:(\\d{4})|(this|last|previous|the past) year)";
const PART_RE = new RegExp(`\\b(first|second|last)\\s+(half|quarter|(\\w+)\\s+months)\\s+of\\s+${YR}`, "i");
const RANGE_RE = new RegExp(
  `\\b(?:between|from)\\s+(?:${MONTH_RE}\\s+)?(\\d{4})?\\s*(?:and|to|through|until|-)\\s+(?:${MONTH_RE}\\s+)?(?:(?:of\\s+)?${YR})?`,
  "i",
);
const DATE_RE = new RegExp(
  `\\b(?:${MONTH_RE}\\s+(?:(\\d{1,2}),?\\s+)?)?(\\d{4})\\b|\\b(this|last) year\\b|\\b${MONTH_RE}\\s+(?:of\\s+)?(this|last) year`,
  "gi",
);

export function extractTime(raw: string, articleDate: string | null): string | undefined {
  if (!/\d{4}|\byear\b/i.test(raw)) return undefined;
  const text = withoutBaselines(raw);
  const articleYear = articleDate ? Number(articleDate.slice(0, 4)) : null;
  const yearOf = (y: string | undefined, rel: string | undefined): number | null => {
    if (y) return Number(y);
    if (rel && articleYear) return /last|previous|past/i.test(rel) ? articleYear - 1 : articleYear;
    return null;
  };
  // "first seven months of 2023", "first half of 2023", "second half of 2022"
  let m = PART_RE.exec(text);
  if (m) {
    const y = yearOf(m[4], m[5]);
    if (y) {
      const n =
        m[2]!.toLowerCase() === "half"
          ? 6
          : m[2]!.toLowerCase() === "quarter"
            ? 3
            : (NUMBER_WORDS[m[3]!.toLowerCase()] ?? Number(m[3]));
      if (n >= 1 && n <= 12) {
        return m[1]!.toLowerCase() === "first" ? `${y}-01/${y}-${pad(n)}` : `${y}-${pad(13 - n)}/${y}-12`;
      }
    }
  }
  // "between December 2022 and April 2023", "from 2024 to 2025", "from January through May of this year"
  m = RANGE_RE.exec(text);
  if (m && (m[2] || m[4] || m[5]) && (m[1] || m[2]) && (m[3] || m[4] || m[5])) {
    const y2 = yearOf(m[4], m[5]) ?? (m[2] ? Number(m[2]) : null);
    const y1 = m[2] ? Number(m[2]) : y2;
    if (y1 && y2 && y2 >= y1 && y2 - y1 < 30) {
      const a = m[1] ? `${y1}-${pad(monthOf(m[1]))}` : `${y1}`;
      const b = m[3] ? `${y2}-${pad(monthOf(m[3]))}` : `${y2}`;
      if (a !== b) return `${a}/${b}`;
      return a;
    }
  }
  // explicit dates and years
  const found: string[] = [];
  const re = DATE_RE;
  re.lastIndex = 0;
  for (let x: RegExpExecArray | null; (x = re.exec(text)) !== null;) {
    if (x[3]) {
      const y = Number(x[3]);
      if (y < 1990 || y > 2039) continue;
      // "$240 billion" etc. are not years; a 4-digit number after a currency sign is money
      if (/[$£€]\s*$/.test(text.slice(0, x.index))) continue;
      if (x[1] && x[2]) found.push(`${y}-${pad(monthOf(x[1]))}-${pad(Number(x[2]))}`);
      else if (x[1]) found.push(`${y}-${pad(monthOf(x[1]))}`);
      else found.push(String(y));
    } else if (x[4] && articleYear) {
      found.push(String(x[4].toLowerCase() === "last" ? articleYear - 1 : articleYear));
    } else if (x[5] && x[6] && articleYear) {
      const y = x[6].toLowerCase() === "last" ? articleYear - 1 : articleYear;
      found.push(`${y}-${pad(monthOf(x[5]))}`);
    }
  }
  if (found.length === 0) return undefined;
  const uniq = [...new Set(found)].sort();
  if (uniq.length === 1) return uniq[0];
  const first = uniq[0]!;
  const last = uniq[uniq.length - 1]!;
  if (Number(last.slice(0, 4)) - Number(first.slice(0, 4)) > 30) return last;
  return `${first}/${last}`;
}

const SCALE: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  m: 1e6,
  bn: 1e9,
  k: 1e3,
};
const CURRENCY: Record<string, string> = { $: "USD", US$: "USD", "£": "GBP", "€": "EUR", "¥": "CNY", "₽": "RUB" };

export function extractAmount(text: string): Amount | undefined {
  const money =
    /(US\$|\$|£|€|¥|₽)\s?(\d[\d,]*(?:\.\d+)?)(?:\s*-?\s*(thousand|million|billion|trillion|bn|m|k)\b)?/i.exec(text);
  const pct = /(\d[\d,]*(?:\.\d+)?)\s?(%|percent\b|per cent\b)/i.exec(text);
  const qty =
    /(\d[\d,]*(?:\.\d+)?)(?:\s+(thousand|million|billion))?\s+(tons|tonnes|units|barrels|shells|rounds|drones|missiles|pieces|shipments|vehicles|trucks|tanks|cubic meters|kilograms|kg)\b/i.exec(
      text,
    );
  const cands: Array<{ at: number; a: Amount }> = [];
  if (money) {
    const v = Number(money[2]!.replace(/,/g, "")) * (money[3] ? (SCALE[money[3].toLowerCase()] ?? 1) : 1);
    cands.push({ at: money.index, a: { value: v, currency: CURRENCY[money[1]!] ?? "USD", text: money[0] } });
  }
  if (pct) cands.push({ at: pct.index, a: { value: Number(pct[1]!.replace(/,/g, "")), unit: "%", text: pct[0] } });
  if (qty) {
    const v = Number(qty[1]!.replace(/,/g, "")) * (qty[2] ? (SCALE[qty[2].toLowerCase()] ?? 1) : 1);
    cands.push({ at: qty.index, a: { value: v, unit: qty[3]!.toLowerCase(), text: qty[0] } });
  }
  cands.sort((x, y) => x.at - y.at);
  const a = cands[0]?.a;
  return a && Number.isFinite(a.value) ? a : undefined;
}
