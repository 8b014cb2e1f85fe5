import type { EntityType } from "../../src/model/vocabulary.js";
import type { Lexicon } from "../vocab/vocab.js";
import { matchGazetteer, type Gazetteer } from "./gazetteer.js";
import type { SentenceGraph } from "./graph.js";

/**
 * Named mentions of one sentence: gazetteer surfaces (countries, demonyms, capitals, well-known
 * organisations), the parser's named-entity spans (PERSON, ORGANIZATION, LOCATION) and proper-noun
 * chains it left untagged, extended over legal forms ("Siberica Oy", "TSMD Global private
 * limited", "LLC VMK"). Types come from the recogniser with a second opinion: a legal form or an
 * organisation word makes an organisation whatever the recogniser said, and the article's other
 * mentions of the same name vote (a company at a sentence start is often tagged PERSON).
 */

export interface NamedMention {
  /** token range [begin, end) */
  begin: number;
  end: number;
  /** the token of the range that the rest of the sentence attaches to */
  head: number;
  type: EntityType;
  /** proposed canonical name */
  name: string;
  /** as written */
  surface: string;
  /** why surface maps to name, when they differ */
  reason: string | null;
  /** an adjective form ("Chinese"): the country as an origin or an actor's modifier */
  demonym: boolean;
  /** "Kremlin", "Beijing": the capital standing for the state */
  metonym: boolean;
  /** a proper-noun chain no vocabulary or recogniser typed: its type is a guess */
  weak: boolean;
}

/** How the article's other mentions of a surface were tagged ("ORGANIZATION" beats "PERSON"). */
export type TypeVotes = ReadonlyMap<string, ReadonlySet<string>>;

const ACTOR_NER = new Set(["PERSON", "ORGANIZATION", "LOCATION"]);
const PRONOUN_POS = new Set(["PRP", "PRP$", "WP", "WP$", "DT"]);

export interface NameContext {
  gaz: Gazetteer;
  lex: Lexicon;
  legalForms: readonly string[];
  organizationWords: ReadonlySet<string>;
  facilityWords: ReadonlySet<string>;
  placeWords: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  /** the frames' and lexicon's common nouns: a capital at the sentence start does not make them names */
  commonWords: ReadonlySet<string>;
}

export function nameContext(gaz: Gazetteer, lex: Lexicon, commonWords: Iterable<string> = []): NameContext {
  return {
    gaz,
    lex,
    // longest first, so "Limited Liability Company" wins over "Limited"
    legalForms: [...new Set(lex.legalForms)].sort((a, b) => b.length - a.length),
    organizationWords: new Set(lex.organizationWords),
    facilityWords: new Set(lex.facilityWords),
    placeWords: new Set(lex.placeWords),
    titles: new Set(lex.personTitles.flatMap((t) => t.toLowerCase().split(/[\s-]+/))),
    commonWords: new Set(
      [...commonWords, ...lex.actorNouns, ...lex.itemReject, ...lex.reportNouns].map((w) => w.toLowerCase()),
    ),
  };
}

const FUNCTION_START =
  /^(The|A|An|In|On|At|For|From|To|By|With|As|Since|After|Before|During|While|Although|However|But|And|Or|If|When|This|That|These|Those|It|Its|Their|They|He|She|We|I|You|There|Here|Some|Many|Most|More|Both|Each|Every|Other|Such|What|Which|Who|How|Why|Earlier|Later|Overall|Meanwhile|Also|Only|Last|Next|Then|Yet|So|Even|Now|Today|Yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

export function findNames(g: SentenceGraph, text: string, ctx: NameContext, votes: TypeVotes): NamedMention[] {
  const tokens = g.tokens;
  const surf = (a: number, b: number) => text.slice(tokens[a]!.start, tokens[b - 1]!.end);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const out: NamedMention[] = [];
  const push = (m: Omit<NamedMention, "head" | "surface">) => {
    for (let k = m.begin; k < m.end; k++) taken[k] = true;
    out.push({ ...m, head: headOf(g, m.begin, m.end), surface: surf(m.begin, m.end) });
  };

  const gazHits = matchGazetteer(ctx.gaz, tokens, text);
  // the recogniser sometimes tags "he" or "it" as a person: pronouns are the context's business
  const spans = g.sentence.spans
    .filter((s) => ACTOR_NER.has(s.ner) && !range(s.begin, s.end).every((k) => PRONOUN_POS.has(tokens[k]!.pos)))
    .flatMap((s) => splitCoordinated(g, s));

  // An organisation's name may hold a country ("Bank of China", "U.S. Department of the
  // Treasury"); a place's may hold a capital ("Kyiv region"): the longer recognised span wins.
  const overridden = new Set<number>();
  for (const s of spans) {
    const inside = gazHits.filter((h) => h.begin >= s.begin && h.end <= s.end);
    const longer = inside.length > 0 && inside.every((h) => h.end - h.begin < s.end - s.begin);
    const placeName = s.ner === "LOCATION" && ctx.placeWords.has(tokens[s.end - 1]!.word);
    if (longer && (s.ner === "ORGANIZATION" || placeName) && !inside.some((h) => h.type !== "Country" && !h.demonym)) {
      for (const h of inside) overridden.add(gazHits.indexOf(h));
    }
  }
  for (const [i, h] of gazHits.entries()) {
    if (overridden.has(i)) continue;
    const { begin } = h;
    let { end } = h;
    let name = h.name;
    let type = h.type;
    let reason = h.reason;
    let metonym = h.metonym ?? false;
    // "the Kyiv region", "Odesa oblast": a capital followed by a place word is the place itself
    if (metonym && end < tokens.length && ctx.placeWords.has(tokens[end]!.word)) {
      end += 1;
      type = "Place";
      name = surf(begin, end).replace(/^the\s+/i, "");
      reason = null;
      metonym = false;
    }
    push({ begin, end, type, name, reason, demonym: h.demonym ?? false, metonym, weak: false });
  }
  for (const s0 of spans) {
    if (range(s0.begin, s0.end).some((k) => taken[k])) continue;
    const s = { ...s0, begin: organizationStart(s0) };
    // "Chernihiv region", "the Tver oblast": a place word after a place belongs to its name
    const placeWord =
      s.ner === "LOCATION" && s.end < tokens.length && !taken[s.end] && ctx.placeWords.has(tokens[s.end]!.word);
    const m = typed(s.begin, placeWord ? s.end + 1 : s.end, s.ner);
    push(placeWord ? { ...m, type: "Place" } : m);
  }
  /**
   * "S 7 ENGINEERING LLC", "A2 Systems Ltd": capitalised words and figures right before an
   * organisation's name that the parse attaches inside it, left out by the recogniser.
   */
  function organizationStart(span: { begin: number; end: number; ner: string }): number {
    if (span.ner !== "ORGANIZATION") return span.begin;
    const reaches = (k: number, begin: number) => {
      for (let x = tokens[k]!.head, depth = 0; x >= 0 && depth < 3; x = tokens[x]!.head, depth++)
        if (x >= begin && x < span.end) return true;
      return false;
    };
    let begin = span.begin;
    while (
      begin > 0 &&
      !taken[begin - 1] &&
      /^(O|NUMBER)$/.test(tokens[begin - 1]!.ner) &&
      /^(NN|NNP|NNPS|CD)$/.test(tokens[begin - 1]!.pos) &&
      /^([A-Z][A-Za-z0-9&]*|\d+)$/.test(tokens[begin - 1]!.word) &&
      !FUNCTION_START.test(tokens[begin - 1]!.word) &&
      reaches(begin - 1, begin)
    )
      begin--;
    // a figure alone does not open a name ("7 ENGINEERING LLC" is "S 7 ...", "500 Acme Ltd" is not)
    while (begin < span.begin && /^\d+$/.test(tokens[begin]!.word)) begin++;
    return begin;
  }

  // proper-noun chains the recogniser left untagged ("Margiana", "Siberica Oy", "S 7 ENGINEERING")
  const titleCase = isTitleCase(g, text);
  // "General Staff", "Attorney General's Office": a title word inside an organisation's name
  const titleInName = (k: number) => {
    if (!ctx.titles.has(g.word(k).toLowerCase()) || !tokens[k]!.pos.startsWith("NNP")) return false;
    let j = k + 1;
    while (j < tokens.length && tokens[j]!.pos.startsWith("NNP")) j++;
    return j > k + 1 && ctx.organizationWords.has(tokens[j - 1]!.word);
  };
  const nameAt = (k: number) =>
    isNameToken(g, k, text, ctx) ||
    titleInName(k) ||
    (!titleCase && k > 0 && !ctx.titles.has(g.word(k).toLowerCase()) && isCapitalisedNoun(g, k, text));
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !nameAt(i)) continue;
    let j = i;
    for (;;) {
      if (j + 1 < tokens.length && !taken[j + 1] && nameAt(j + 1)) j++;
      // a letter or number inside a name: "S 7 Engineering", "Rosoboronexport 2"
      else if (
        j + 2 < tokens.length &&
        !taken[j + 1] &&
        !taken[j + 2] &&
        /^([A-Z]|\d+)$/.test(g.word(j + 1)) &&
        nameAt(j + 2)
      )
        j += 2;
      else break;
    }
    // "S 7 ENGINEERING": a capital letter may open the chain
    if (
      i > 0 &&
      /^\d+$/.test(g.word(i - 1)) &&
      i > 1 &&
      /^[A-Z]$/.test(g.word(i - 2)) &&
      !taken[i - 1] &&
      !taken[i - 2]
    )
      i -= 2;
    // "Shahed-136", "Su-35": a word with a model number written onto it names a product, not a party
    if (g.hyphenJoins(j + 1) && /^\d/.test(g.word(j + 2))) {
      i = j;
      continue;
    }
    let begin = i;
    // a capitalised function word, month or common noun ("Trade between ...") opening the sentence is no name
    while (
      begin <= j &&
      (FUNCTION_START.test(tokens[begin]!.word) ||
        (begin === 0 &&
          // "Sanctions", "Exports": the tagger keeps a capitalised plural as its own lemma
          [tokens[0]!.word, tokens[0]!.lemma, tokens[0]!.word.replace(/s$/, "")].some((w) =>
            ctx.commonWords.has(w.toLowerCase()),
          )))
    )
      begin++;
    if (begin <= j) push(typed(begin, j + 1, null));
    i = j;
  }
  out.sort((a, b) => a.begin - b.begin);
  return out.map((m) => extendLegalForm(m, g, text, ctx, out)).map((m) => retype(m, ctx, votes));

  function typed(begin: number, end: number, ner: string | null): Omit<NamedMention, "head" | "surface"> {
    const name = surf(begin, end);
    const last = tokens[end - 1]!.word;
    let type: EntityType =
      ner === "PERSON"
        ? "Person"
        : ner === "ORGANIZATION"
          ? "Organization"
          : ner === "LOCATION"
            ? "Place"
            : "Organization";
    let weak = ner === null;
    if (ctx.facilityWords.has(last) || ctx.facilityWords.has(twoWords(end))) {
      type = "Facility";
      weak = false;
    } else if (ctx.organizationWords.has(last) && end - begin > 1) {
      type = "Organization";
      weak = false;
    }
    return { begin, end, type, name, reason: null, demonym: false, metonym: false, weak };
  }

  function twoWords(end: number): string {
    return end >= 2 ? `${tokens[end - 2]!.word} ${tokens[end - 1]!.word}` : "";
  }
}

/**
 * "Vostok Oil, Rosneft Trading and Sever LLC": the recogniser's one span over two names the parser
 * coordinates. Split when both sides are names of two words or more and the first has no "of"
 * ("Ministry of Industry and Trade", "Procter and Gamble" stay whole).
 */
function splitCoordinated<S extends { begin: number; end: number }>(g: SentenceGraph, s: S): S[] {
  for (let k = s.begin + 2; k < s.end - 2; k++) {
    if (g.pos(k) !== "CC") continue;
    const left = range(s.begin, k);
    if (left.some((x) => g.word(x).toLowerCase() === "of")) return [s];
    const a = headOf(g, s.begin, k);
    const b = headOf(g, k + 1, s.end);
    const conjOf = (x: number) =>
      g
        .parentEdges(x)
        .filter((e) => e.rel.startsWith("conj"))
        .map((e) => e.to);
    if (conjOf(b).includes(a) || conjOf(a).includes(b) || conjOf(a).some((x) => conjOf(b).includes(x)))
      return [{ ...s, end: k }, ...splitCoordinated(g, { ...s, begin: k + 1 })];
  }
  return [s];
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k < b; k++) out.push(k);
  return out;
}

/** A headline in title case: its capitals say nothing about names. */
function isTitleCase(g: SentenceGraph, text: string): boolean {
  const words = g.tokens.filter((t) => /^\p{L}{4,}/u.test(t.word));
  const caps = words.filter((t) => /^\p{Lu}/u.test(text.slice(t.start, t.start + 1)));
  return words.length > 0 && caps.length / words.length > 0.6;
}

/** "Margiana and Demirci", tagged common nouns: a capitalised noun inside a sentence is a name */
function isCapitalisedNoun(g: SentenceGraph, i: number, text: string): boolean {
  const t = g.token(i);
  if (!t.pos.startsWith("NN") || t.end - t.start < 3) return false;
  return /^\p{Lu}\p{Ll}/u.test(text.slice(t.start, t.start + 2)) && !/^[.!?:"“]$/.test(g.word(i - 1));
}

function isNameToken(g: SentenceGraph, i: number, text: string, ctx: NameContext): boolean {
  const t = g.token(i);
  if (!t.pos.startsWith("NNP")) return false;
  // "President", "Minister": a title is no name of its own
  if (ctx.titles.has(t.word.toLowerCase())) return false;
  // "U.S." and the like are gazetteer business; a lone capital letter or symbol is no name
  return /\p{Lu}/u.test(text.slice(t.start, t.start + 1)) && t.end - t.start > 1;
}

/** The token of [begin, end) whose governor lies outside it. */
export function headOf(g: SentenceGraph, begin: number, end: number): number {
  for (let k = end - 1; k >= begin; k--) {
    const p = g.treeParent(k);
    if (p === undefined || p < begin || p >= end) return k;
  }
  return end - 1;
}

/** "Siberica Oy", "LLC VMK", "TSMD Global private limited": the legal form belongs to the name. */
function extendLegalForm(
  m: NamedMention,
  g: SentenceGraph,
  text: string,
  ctx: NameContext,
  all: readonly NamedMention[],
): NamedMention {
  if (m.type === "Country" || m.type === "Person" || m.demonym) {
    if (!(m.type === "Person" && m.weak)) return m;
  }
  const tokens = g.tokens;
  let { begin, end } = m;
  const free = (k: number) => !all.some((o) => o !== m && k >= o.begin && k < o.end);
  let legal = false;
  for (;;) {
    const after = tokens[end];
    if (!after || !free(end)) break;
    const rest = text.slice(after.start, Math.min(text.length, after.start + 40));
    const form = ctx.legalForms.find((f) => rest.startsWith(f) && tokenEndsAt(g, after.start + f.length));
    if (!form) break;
    end = tokenIndexEndingAt(g, after.start + form.length)! + 1;
    legal = true;
  }
  for (;;) {
    const before = tokens[begin - 1];
    if (!before || !free(begin - 1)) break;
    const form = ctx.legalForms.find(
      (f) => f.length <= before.end - tokens[0]!.start && text.slice(before.end - f.length, before.end) === f,
    );
    if (!form || !tokenStartsAt(g, before.end - form.length)) break;
    begin = tokenIndexStartingAt(g, before.end - form.length)!;
    legal = true;
  }
  // "S 7 ENGINEERING LLC": a letter or number opening the name, attached to it
  for (;;) {
    const k = begin - 1;
    if (k < 0 || !free(k)) break;
    const w = g.word(k);
    if (!/^([A-Z]|\d{1,4})$/.test(w)) break;
    const head = g.treeParent(k);
    if (head === undefined || head < begin || head >= end) break;
    begin = k;
    legal = true;
  }
  if (!legal) return m;
  const surface = text.slice(tokens[begin]!.start, tokens[end - 1]!.end);
  return { ...m, begin, end, head: headOf(g, begin, end), surface, name: surface, type: "Organization", weak: false };
}

function tokenEndsAt(g: SentenceGraph, offset: number): boolean {
  return tokenIndexEndingAt(g, offset) !== undefined;
}
function tokenIndexEndingAt(g: SentenceGraph, offset: number): number | undefined {
  const k = g.tokens.findIndex((t) => t.end === offset);
  return k < 0 ? undefined : k;
}
function tokenStartsAt(g: SentenceGraph, offset: number): boolean {
  return tokenIndexStartingAt(g, offset) !== undefined;
}
function tokenIndexStartingAt(g: SentenceGraph, offset: number): number | undefined {
  const k = g.tokens.findIndex((t) => t.start === offset);
  return k < 0 ? undefined : k;
}

/** A second opinion on the recogniser's type: the article's other mentions and the name's own words. */
function retype(m: NamedMention, ctx: NameContext, votes: TypeVotes): NamedMention {
  if (m.type === "Country" || m.demonym || m.reason !== null) return m;
  const seen = votes.get(m.surface);
  const last = m.surface.split(/\s+/).pop() ?? "";
  // "Luminor Oy", "Alfa LLC": a legal form inside the name makes it a company's
  if (ctx.legalForms.some((f) => m.surface.endsWith(` ${f}`) || m.surface.startsWith(`${f} `))) {
    return { ...m, type: "Organization", weak: false };
  }
  if (m.type === "Person" && (seen?.has("ORGANIZATION") || ctx.organizationWords.has(last))) {
    return { ...m, type: "Organization" };
  }
  if (m.weak && seen?.has("PERSON") && !seen.has("ORGANIZATION")) return { ...m, type: "Person", weak: false };
  if (m.weak && seen?.has("ORGANIZATION")) return { ...m, weak: false };
  return m;
}

/**
 * The acronym a name would have: the initials of its capitalised words, leaving out legal forms
 * ("Texas Instruments Inc." → "TI", "Royal United Services Institute" → "RUSI").
 */
export function initialsOf(name: string, ctx: NameContext): string {
  let rest = name.replace(/[.,]+$/, "");
  for (const f of ctx.legalForms) {
    const form = f.replace(/\.$/, "");
    if (rest.endsWith(` ${form}`)) rest = rest.slice(0, -form.length - 1);
  }
  return rest
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
}
