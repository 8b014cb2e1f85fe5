import type { Lexicon } from "../vocab/vocab.js";

/** Regular-expression building blocks shared by the relation frames, compiled from the lexicon. */

/** a literal string as a regular-expression source */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const altCache = new WeakMap<readonly string[], string>();

export function alt(words: readonly string[]): string {
  const hit = altCache.get(words);
  if (hit !== undefined) return hit;
  const out = [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/ /g, "\\s+"))
    .join("|");
  altCache.set(words, out);
  return out;
}

/** one actor mask, or a list of them ("«1», «2» and the «3»") */
export const A = "«\\d+»";
/**
 * What follows the subject of a clause: an adverb or two, then an auxiliary, a modal or a verb
 * ("…, and «Turkey» increased", "«Iran» sold", "…, «Japan» said"); "-based", "limited" and the
 * like are not verbs. Regular past tenses are covered by "-ed"; the irregular and present forms of
 * common reporting verbs are listed.
 */
export const CLAUSE_VERB =
  "(?:(?:also|reportedly|allegedly|itself)\\s+)?(?:has|have|had|is|are|was|were|will|would|did|does|do|can|could|may|might|sells|sold|sends|sent|supplies|provides|ships|exports|buys|bought|makes|made|said|says|told|tells|wrote|writes|found|finds|thinks|thought|believes|reports|claims|states|notes|adds|warns|argues|alleges|announces|estimates|suggests|confirms|insists|knows|knew|(?!(?:limited|incorporated|based|owned|controlled|registered|linked|backed|related|affiliated)\\b)[a-z]+ed)\\b";
/**
 * a list of actors ("«Germany», «France» and «Italy»"). Names after bare commas belong to it only
 * when "and" or "or" closes it: otherwise the comma opens something else ("from «Iran», «US»
 * officials said"). The closing element may be a description, and the last name a head word
 * ("«VMK», «Alfa» limited liability company and joint stock …").
 */
const list = (element: string) =>
  `«\\d+»(?:(?:\\s*,\\s*${element})*(?:\\s*,?\\s+(?:and|or)\\s+${element}|(?=(?:\\s+[a-z][a-z-]*){0,3}\\s*,?\\s+(?:and|or)\\s)))?`;
export const AL = list("(?:the\\s+)?«\\d+»");
/**
 * a list of recipients, after "to": as AL, and it also ends before an element that opens a clause
 * of its own ("to «Russian firms», and «Turkey» increased …"); a subject list is followed by its verb
 */
export const ALR = list(`(?:the\\s+)?«\\d+»(?!\\s+${CLAUSE_VERB})`);
/** quantities and qualifiers before a recipient ("at least 20 «Russian military factories»") */
export const PRE_R =
  "(?:the\\s+|an?\\s+|at\\s+least\\s+|some\\s+|about\\s+|around\\s+|more\\s+than\\s+|over\\s+|several\\s+|dozens\\s+of\\s+|hundreds\\s+of\\s+|[\\d,]+\\s+|now-sanctioned\\s+|sanctioned\\s+|various\\s+countries,?\\s+including\\s+|entities\\s+in\\s+|companies\\s+in\\s+|firms\\s+in\\s+|customers\\s+in\\s+|buyers\\s+in\\s+)*";
/** auxiliaries, adverbs and time phrases between a subject and its verb */
export const ADV =
  "(?:\\s+(?:has|have|had|is|are|was|were|been|be|being|will|would|could|may|might|must|shall|also|reportedly|allegedly|directly|indirectly|secretly|covertly|quietly|openly|illegally|continue[sd]?\\s+to|continuing\\s+to|not|no\\s+longer|never|still|increasingly|now|already|recently|repeatedly|actively|likely|probably|significantly|sharply|further|even|apparently|admitted\\s+to\\s+having|going\\s+to|n't|did|does|do|did\\s+not|does\\s+not|do\\s+not|didn't|doesn't|don't|hasn't|haven't|started|began|begun|helped|to|then|later|earlier|first|again|in\\s+recent\\s+\\w+|this\\s+\\w+|last\\s+\\w+|in\\s+\\d{4},?|plans?\\s+to|planned\\s+to|agreed\\s+to|tried\\s+to|trying\\s+to|set\\s+to|is\\s+said\\s+to|are\\s+said\\s+to|is\\s+believed\\s+to|are\\s+believed\\s+to|is\\s+assumed\\s+to\\s+be|are\\s+assumed\\s+to\\s+be|is\\s+suspected\\s+of|are\\s+suspected\\s+of|accused\\s+of))*";
/** a name right after a preposition is not a clause's subject ("the main backer of «Hezbollah», supplies") */
export const NOT_AFTER_PREP = "(?<!\\b(?:of|for|to|from|with|by|in|on|at|against|about|than)\\s+(?:the\\s+)?)";
/** a description set off by commas after a subject ("«Turkey», a NATO member, sells") */
export const APPOSITIVE = "(?:\\s*,\\s+(?:a|an|the)\\s+[^,.;]{1,60}?,)?";
/**
 * A subject's use of goods, up to the goods: a use verb ("used", "launched", "fired"), fighting,
 * arming or equipping with them, or an attack on something with or using them ("struck the grid
 * with", "attacked «Kyiv» using"). The goods end before a preposition or a clause break (USE_END).
 */
const USE_WITH =
  "(?:(?:fought|fights|fight|fighting|armed|equipped)\\s+(?:with|using)\\s+|(?:attacked|attacks|attack|struck|strikes|strike|hit|hits|bombed|bombs|shelled|shells|targeted|targets|pounded|pounds|bombarded|bombards)\\s+[^,.;]{1,60}?\\s+(?:with|using)\\s+)";
/** verbs of using goods directly ("used drones", "launched missiles") */
const USE_VERBS =
  "used|uses|use|deployed|deploys|deploy|employed|employs|employ|launched|launches|launch|fired|fires|fire";
export const USE_VERB = `(?:(?:${USE_VERBS})\\s+(?:salvos\\s+of\\s+|barrages\\s+of\\s+|waves\\s+of\\s+)?|${USE_WITH})`;
export const USE_END = "(?=\\s+(?:to|for|in|against|on|at|into|from|toward|towards)\\b|[,.;]|$)";
/** a sentence that may hold USE_VERB: one of its verbs, or the "with"/"using" every USE_WITH form has */
export const USE_GATE = new RegExp(`\\b(?:${USE_VERBS}|with|using)\\b`);
/** a pronoun subject, resolved by the frames to the clause's actor */
export const PRON = "(?:\\b(?:it|they|It|They)\\b)";

export interface FramePatterns {
  supplyV: string;
  importV: string;
  reportV: string;
  hedge: RegExp;
  negation: RegExp;
  negationCue: RegExp;
}

export function framePatterns(lex: Lexicon): FramePatterns {
  return {
    supplyV: alt(lex.supplyVerbs),
    importV: alt(lex.importVerbs),
    reportV: alt(lex.reportingVerbs),
    hedge: new RegExp(`\\b(?:${alt(lex.hedges)})\\b`, "i"),
    negation: new RegExp(`(?:\\b(?:${alt(lex.negations.filter((n) => n !== "n't"))})\\b|n't\\b)`, "i"),
    negationCue: new RegExp(`\\b(?:${alt(lex.negationCues)})\\b`, "i"),
  };
}

const cache = new WeakMap<object, Map<string, RegExp>>();

// the last owner's map: frames ask for dozens of patterns per sentence, all of one vocabulary
let lastOwner: object | null = null;
let lastMap: Map<string, RegExp> | null = null;

/**
 * A frame pattern, compiled once per vocabulary: `id` names the call site, `build` is only
 * called on the first use (the pattern strings are several kilobytes of alternations).
 */
export function rx(owner: object, id: string, build: () => string, flags = ""): RegExp {
  let m = owner === lastOwner ? lastMap : cache.get(owner);
  if (!m) {
    m = new Map();
    cache.set(owner, m);
  }
  lastOwner = owner;
  lastMap = m;
  let r = m.get(id);
  if (!r) {
    r = new RegExp(build(), flags);
    m.set(id, r);
  }
  r.lastIndex = 0;
  return r;
}

/* Helpers for the frame gates (see gates.ts): a gate only skips a pattern that could not have matched. */

/** For words not bounded in the pattern ("sanctioned" at a pattern's end): a plain substring test. */
export function hasText(s: string, list: readonly string[]): boolean {
  for (const w of list) if (s.includes(w)) return true;
  return false;
}

const leadCache = new WeakMap<readonly string[], string[] | null>();

/** The first letter run of each phrase of a vocabulary alternation, lower-cased: its gate words. */
export function leadWords(phrases: readonly string[]): string[] | null {
  let out = leadCache.get(phrases);
  if (out === undefined) {
    const ws = [...new Set(phrases.map((p) => (/^[A-Za-z]+/.exec(p)?.[0] ?? "").toLowerCase()))];
    // a phrase that does not open with a letter has no gate word: never skip
    out = ws.includes("") ? null : ws;
    leadCache.set(phrases, out);
  }
  return out;
}

const tailCache = new WeakMap<readonly string[], string[]>();

/** The last word of each phrase, as written: substrings for `hasText` when a phrase may be glued to what precedes it. */
export function tailWords(phrases: readonly string[]): string[] {
  let out = tailCache.get(phrases);
  if (out === undefined) {
    const tails = [...new Set(phrases.map((p) => p.split(" ").pop()!))];
    // "attacks" contains "attack": a word that contains another adds no test
    out = tails.filter((t) => !tails.some((u) => u !== t && t.includes(u)));
    tailCache.set(phrases, out);
  }
  return out;
}
