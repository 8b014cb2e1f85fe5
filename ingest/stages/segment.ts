/**
 * Stage 1–3: header, boilerplate filter and sentence split. Works on the ORIGINAL text and keeps
 * absolute offsets, so every later span can be sliced back out of article.text verbatim.
 */

export type SentenceKind = "title" | "heading" | "body";

export interface Sentence {
  index: number;
  /** absolute offsets into article.text */
  start: number;
  end: number;
  text: string;
  /** paragraph number (a line of the file, or the title) */
  paragraph: number;
  kind: SentenceKind;
}

export interface Segmentation {
  sentences: Sentence[];
  /** header fields found at the top of the file (Title, Publisher, Date, URL) */
  header: Record<string, string>;
  skipped: number;
}

const HEADER_LINE = /^(Title|Publisher|Date|URL|Author|Source|Byline):[ \t]*(.*)$/;

/** Lines that are page furniture rather than reporting. */
const BOILERPLATE: RegExp[] = [
  /\bJoin Now\s*$/i,
  /^[-•*\s]*list \d+ of \d+/i,
  /^end of list$/i,
  /^MUST READ\b/i,
  /^(Advertisement|Related News|Related|Read more|Read also|Leave a Comment|Share|Share this|Comments?)\s*:?$/i,
  /^(Subscribe|Sign up|Follow us|Click here|Read the full|See also|Watch:|Listen:|Photo:|Image:|Credit:)/i,
  /^(©|Copyright)/i,
];

/** Sentences that are contact or follow-us furniture inside an otherwise real paragraph. */
const SENTENCE_BOILERPLATE: RegExp[] = [
  /\b(Keep up with|Follow) .{0,40} on (X|Twitter|Facebook|LinkedIn|Telegram|Instagram|WhatsApp)\b/i,
  /\b(can be reached at|\[email\s*protected\]|[\w.+-]+@[\w-]+\.[\w.]+)/i,
];

/** A literal each boilerplate pattern needs: the patterns themselves scan every word of every sentence. */
function mayBeBoilerplate(t: string): boolean {
  return t.includes("@") || /follow|keep up with|can be reached at|\[email/i.test(t);
}

const ABBREVIATIONS = new Set(
  [
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "inc",
    "ltd",
    "co",
    "corp",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "lt",
    "col",
    "sgt",
    "jr",
    "sr",
    "no",
    "vs",
    "e.g",
    "i.e",
    "e.o",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "approx",
    "est",
    "dept",
    "gov",
    "rep",
    "sen",
    "prof",
    "mt",
    "ft",
    "a.m",
    "p.m",
    "u.s.a",
    "d.c",
  ].map((s) => s),
);

export function isBoilerplate(line: string): boolean {
  return BOILERPLATE.some((re) => re.test(line));
}

/** Splits one paragraph [start, end) of text into sentence spans (absolute offsets). */
export function splitSentences(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  const re = /[.!?]+["”’)\]]*(?=\s+["“‘([]?[A-Z0-9])/g;
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  // no text.slice(0, end) per paragraph: on a large article that copy made splitting quadratic
  while ((m = re.exec(text)) !== null && m.index < end) {
    const punctEnd = m.index + m[0].length;
    if (punctEnd > end) break;
    if (m[0].startsWith(".") && m[0].length === 1) {
      // "U.S. officials", "Inc. and", "Aug. 20", "Phillips O. Brien": not sentence ends
      const wordStart = text.slice(Math.max(s, m.index - 12), m.index).search(/[A-Za-z.]+$/);
      const word = wordStart >= 0 ? text.slice(Math.max(s, m.index - 12) + wordStart, m.index).toLowerCase() : "";
      if (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word) || /^([a-z]\.)+[a-z]$/i.test(word)) continue;
    }
    out.push([s, punctEnd]);
    s = punctEnd;
    while (s < end && /\s/.test(text[s]!)) s++;
  }
  if (s < end) out.push([s, end]);
  return out
    .map(([a, b]): [number, number] => {
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      return [a, b];
    })
    .filter(([a, b]) => b > a)
    .flatMap(([a, b]) => capLength(text, a, b));
}

/**
 * Longest span treated as one sentence. Real sentences are far shorter; a text without
 * sentence punctuation (a scraped table, a 10 MB line) is cut at white space so that the
 * per-sentence rules, some of them quadratic in length, stay linear over the article.
 */
export const MAX_SENTENCE_CHARS = 1500;

function capLength(text: string, a: number, b: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  while (b - a > MAX_SENTENCE_CHARS) {
    let cut = text.lastIndexOf(" ", a + MAX_SENTENCE_CHARS);
    if (cut <= a) cut = a + MAX_SENTENCE_CHARS;
    out.push([a, cut]);
    a = cut;
    while (a < b && /\s/.test(text[a]!)) a++;
  }
  if (b > a) out.push([a, b]);
  return out;
}

/** A line without final punctuation: a title, heading or caption. */
function isHeadingLike(line: string): boolean {
  return !/[.!?:"”’)]\s*$/.test(line);
}

export function segment(text: string): Segmentation {
  const header: Record<string, string> = {};
  const sentences: Sentence[] = [];
  let skipped = 0;
  let pos = 0;
  let paragraph = 0;
  let lineNo = 0;
  let inHeader = true;
  let firstContent = true;
  const push = (a: number, b: number, kind: SentenceKind) => {
    for (const [s, e] of kind === "body" ? splitSentences(text, a, b) : capLength(text, a, b)) {
      const t = text.slice(s, e);
      // questions assert nothing; contact lines are furniture
      if (/\?["”’)]?$/.test(t) || (mayBeBoilerplate(t) && SENTENCE_BOILERPLATE.some((re) => re.test(t)))) {
        skipped++;
        continue;
      }
      sentences.push({ index: sentences.length, start: s, end: e, text: t, paragraph, kind });
    }
  };
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    let a = pos;
    let b = nl;
    pos = nl + 1;
    lineNo++;
    // trim whitespace, bullets and list dashes, keeping absolute offsets
    while (a < b && /[\s\u00a0•●▪◦*·–-]/.test(text[a]!) && !(text[a] === "-" && /\d/.test(text[a + 1] ?? ""))) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    const line = text.slice(a, b);
    if (inHeader) {
      const h = HEADER_LINE.exec(line);
      if (h && lineNo <= 8) {
        const key = h[1]!.toLowerCase();
        header[key] = h[2]!.trim();
        if (key === "title" && h[2]!.trim()) {
          const vs = a + line.indexOf(h[2]!);
          paragraph++;
          push(vs, vs + h[2]!.trimEnd().length, "title");
          firstContent = false;
        }
        continue;
      }
      if (line === "" && Object.keys(header).length > 0) {
        inHeader = false;
        continue;
      }
      inHeader = false;
    }
    if (line === "") continue;
    if (isBoilerplate(line)) {
      skipped++;
      continue;
    }
    paragraph++;
    if (firstContent) {
      firstContent = false;
      push(a, b, isHeadingLike(line) ? "title" : "body");
      continue;
    }
    // a repeated title (web pages print it twice) adds nothing
    if (header.title && line === header.title) {
      skipped++;
      continue;
    }
    push(a, b, isHeadingLike(line) ? "heading" : "body");
    if (nl >= text.length) break;
  }
  return { sentences, header, skipped };
}
