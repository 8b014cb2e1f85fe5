/**
 * What the parser is sent (which ends a sentence at every line break): the article text with its header lines (`Title:`, `Date:` ...) and
 * page furniture ("Advertisement", "Read more", "list 1 of 4") blanked to spaces of the same
 * length, so that every character offset the parser returns is an offset into the article itself
 * and every quote can be sliced back out verbatim. The title is kept as text of its own line.
 */

export interface Paragraph {
  start: number;
  end: number;
  kind: "title" | "heading" | "body";
}

export interface PreparedText {
  /** same length as the article text */
  text: string;
  header: Record<string, string>;
  paragraphs: Paragraph[];
  /** lines blanked as furniture */
  skipped: number;
}

const HEADER_LINE = /^(Title|Publisher|Date|URL|Author|Source|Byline):[ \t]*(.*)$/;

/** Lines that are page furniture rather than reporting. */
const FURNITURE: RegExp[] = [
  /\bJoin Now\s*$/i,
  /^[-•*\s]*list \d+ of \d+/i,
  /^end of list$/i,
  /^MUST READ\b/i,
  /^(Advertisement|Related News|Related|Read more|Read also|Leave a Comment|Share|Share this|Comments?)\s*:?$/i,
  /^(Subscribe|Sign up|Follow us|Click here|Read the full|See also|Watch:|Listen:|Photo:|Image:|Credit:)/i,
  /^(©|Copyright)/i,
];

export function isFurniture(line: string): boolean {
  return FURNITURE.some((re) => re.test(line));
}

/** A line without final punctuation: a title, heading or caption. */
function isHeadingLike(line: string): boolean {
  return !/[.!?:"”’)]\s*$/.test(line);
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    let a = pos;
    let b = nl;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    out.push({ start: a, end: b, text: text.slice(a, b) });
    pos = nl + 1;
  }
  return out;
}

export function prepareText(original: string): PreparedText {
  const chars = original.split("");
  const blank = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = " ";
  };
  const header: Record<string, string> = {};
  const paragraphs: Paragraph[] = [];
  const lines = linesOf(original);
  let skipped = 0;
  let i = 0;
  // header lines at the top; the title's value stays (as its own line), the rest is blanked
  for (; i < lines.length && i < 8; i++) {
    const line = lines[i]!;
    const h = HEADER_LINE.exec(line.text);
    if (!h) break;
    const key = h[1]!.toLowerCase();
    const value = h[2]!.trim();
    header[key] = value;
    const valueStart = line.start + line.text.indexOf(h[2]!);
    if (key === "title" && value) {
      blank(line.start, valueStart);
      paragraphs.push({ start: valueStart, end: valueStart + h[2]!.trimEnd().length, kind: "title" });
    } else {
      blank(line.start, line.end);
    }
  }
  // list bullets are layout: blanked, so "• China exported ..." parses as the sentence it is
  for (const line of lines.slice(i)) {
    let k = line.start;
    while (k < line.end && /[•●▪◦·‣⁃∙*]/.test(original[k]!)) k++;
    if (k > line.start) {
      blank(line.start, k);
      while (k < line.end && /\s/.test(original[k]!)) k++;
      line.start = k;
      line.text = original.slice(k, line.end);
    }
  }
  const body = lines.slice(i).filter((l) => l.text !== "");
  // a line that breaks off mid-sentence (no final punctuation, the next line going on in lower
  // case) is wrapped text: its line break is sent as a space, so that the parser, which ends a
  // sentence at every line break, reads the sentence whole
  const rest = lines.slice(i);
  const joined = new Set<number>();
  rest.forEach((l, k) => {
    const next = rest[k + 1];
    if (l.text !== "" && next && next.text !== "" && !/[.!?:"”’)]$/.test(l.text) && /^[\p{Ll}\d]/u.test(next.text)) {
      for (let x = l.end; x < next.start; x++) if (chars[x] === "\n" || chars[x] === "\r") chars[x] = " ";
      joined.add(k + 1);
    }
  });
  let first = paragraphs.length === 0;
  for (const line of body) {
    if (isFurniture(line.text) || (header.title && line.text === header.title && !first)) {
      blank(line.start, line.end);
      skipped++;
      continue;
    }
    const kind = first && isHeadingLike(line.text) ? "title" : isHeadingLike(line.text) ? "heading" : "body";
    first = false;
    const last = paragraphs[paragraphs.length - 1];
    // a wrapped line goes on with its paragraph
    if (joined.has(rest.indexOf(line)) && last) {
      last.end = line.end;
      continue;
    }
    paragraphs.push({ start: line.start, end: line.end, kind });
  }
  // Double quotation marks are blanked: the parser often takes a paragraph's opening quote for
  // the root of the sentence, and a quoted phrase inside one ("hangar-type buildings") parses
  // better without them. The evidence quotes the article itself, marks included.
  for (let i = 0; i < chars.length; i++) if (/["“”„«»]/.test(chars[i]!)) chars[i] = " ";
  // A line with no sentence end for thousands of characters (a scraped table, a 10 MB line) would
  // reach the parser as one sentence, which it parses in time and memory far beyond linear: a
  // space is turned into a line break every MAX_SENTENCE_CHARS (same length, same offsets).
  for (const p of paragraphs) {
    let last = p.start;
    for (let i = p.start; i < p.end; i++) {
      const ch = chars[i]!;
      if (ch === "." || ch === "!" || ch === "?" || ch === "\n") last = i;
      else if (i - last > MAX_SENTENCE_CHARS && /\s/.test(ch)) {
        chars[i] = "\n";
        last = i;
      }
    }
  }
  return { text: chars.join(""), header, paragraphs, skipped };
}

/** The longest run of text sent to the parser without a sentence end. */
export const MAX_SENTENCE_CHARS = 1500;

/** The paragraph holding a character offset (paragraphs are in text order). */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
