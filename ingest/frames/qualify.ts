import type { Amount } from "../../src/model/claim.js";
import type { Lexicon } from "../vocab/vocab.js";
import type { SentenceGraph } from "../syntax/graph.js";
import { extractAmount, extractTime } from "./values.js";

/**
 * Qualifiers of a claim read off the parse around its predicate: negation ("does not supply",
 * "no evidence that ... supplied", "denied selling"), hedges ("reportedly", "may have", "is
 * believed to"), time (the dates of the predicate's own clause, else of the clause that reports
 * it), and amounts.
 */

export interface QualifierContext {
  negators: ReadonlySet<string>;
  negatingGovernors: ReadonlySet<string>;
  preventingGovernors: ReadonlySet<string>;
  evidenceNouns: ReadonlySet<string>;
  hedgeAdverbs: ReadonlySet<string>;
  hedgeAuxiliaries: ReadonlySet<string>;
  hedgeGovernors: ReadonlySet<string>;
}

export function qualifierContext(lex: Lexicon): QualifierContext {
  const low = (ws: readonly string[]) => new Set(ws.map((w) => w.toLowerCase()));
  return {
    negators: low(lex.negators),
    negatingGovernors: low(lex.negatingGovernors),
    preventingGovernors: low(lex.preventingGovernors),
    evidenceNouns: low(lex.evidenceNouns),
    hedgeAdverbs: low(lex.hedgeAdverbs),
    hedgeAuxiliaries: low(lex.hedgeAuxiliaries),
    hedgeGovernors: low(lex.hedgeGovernors),
  };
}

/** relations through which a claim's clause is governed by another predicate */
const CLAUSAL_UP = new Set(["xcomp", "ccomp", "advcl", "acl", "csubj"]);

function isClausalUp(rel: string): boolean {
  return (
    CLAUSAL_UP.has(rel) ||
    rel.startsWith("advcl:") ||
    rel.startsWith("acl:") ||
    rel.startsWith("obl:") ||
    rel.startsWith("nmod:")
  );
}

function negatedHere(g: SentenceGraph, k: number, qc: QualifierContext): boolean {
  for (const e of g.childEdges(k)) {
    if (e.rel !== "advmod" && e.rel !== "neg" && e.rel !== "det" && e.rel !== "cc:preconj") continue;
    const w = g.word(e.to).toLowerCase();
    if (qc.negators.has(w) || qc.negators.has(g.lemma(e.to))) {
      // "no longer" negates; "not only" does not
      if (g.children(e.to, "advmod").some((x) => g.lemma(x) === "only")) continue;
      if (w === "no" && e.rel === "det" && !g.isNoun(k)) continue;
      return true;
    }
    if (w === "longer" && g.children(e.to, "advmod").some((x) => g.word(x).toLowerCase() === "no")) return true;
  }
  return false;
}

/** Is the claim at `anchor` denied? */
export function isNegated(g: SentenceGraph, anchor: number, qc: QualifierContext): boolean {
  if (negatedHere(g, anchor, qc)) return true;
  // an event noun with "no" or "hardly any": "there were no exports of X"
  if (
    g.isNoun(anchor) &&
    g.children(anchor, ["det", "amod"]).some((k) => g.lemma(k) === "no" || g.word(k).toLowerCase() === "no")
  ) {
    return true;
  }
  // "China has not expanded its cooperation with Russia": the event noun's governing verb is denied
  if (g.isNoun(anchor)) {
    const verb = g.parents(anchor, ["obj", "nsubj:pass"])[0];
    if (verb !== undefined && negatedHere(g, verb, qc)) return true;
    // "Hungary blocked new EU sanctions", "Germany rejected the sale": the event never came about
    // (one stopped or ended, "stop Russia's war", had happened)
    if (verb !== undefined && qc.preventingGovernors.has(g.lemma(verb))) return true;
  }
  // climb the clauses that govern the claim
  let k = anchor;
  for (let depth = 0; depth < 4; depth++) {
    const up = g.parentEdges(k).find((e) => isClausalUp(e.rel) && e.to !== k);
    if (!up) break;
    const gov = up.to;
    const lemma = g.lemma(gov);
    // "denied supplying", "refused to sell", "stopped exporting"
    if (qc.negatingGovernors.has(lemma) && (up.rel === "xcomp" || up.rel === "ccomp" || up.rel.startsWith("advcl"))) {
      return !negatedHere(g, gov, qc);
    }
    // "no evidence that China supplied", "there is no sign of", "rejected reports that ..."
    if (qc.evidenceNouns.has(lemma) && g.isNoun(gov)) {
      if (g.children(gov, "det").some((d) => g.word(d).toLowerCase() === "no")) return true;
      const verb = g.parents(gov, ["obj", "nsubj", "nsubj:pass"])[0];
      if (verb !== undefined && negatedHere(g, verb, qc)) return true;
      if (verb !== undefined && qc.negatingGovernors.has(g.lemma(verb)) && !negatedHere(g, verb, qc)) return true;
    }
    // "did not continue to supply": a negated control verb negates its complement
    if (up.rel === "xcomp" && negatedHere(g, gov, qc)) return true;
    k = gov;
  }
  return false;
}

/**
 * Does the source hedge the claim? "reportedly", "may have", "could supply", "would build", "is
 * believed to", "plans to sell", "Analysts doubt that ...": kept as hedged claims, never as facts.
 */
export function isHedged(g: SentenceGraph, anchor: number, qc: QualifierContext): boolean {
  let k = anchor;
  // "the EU is considering sanctions", "could impose sanctions": an event noun is as certain as its verb
  if (g.isNoun(anchor)) {
    const verb = g.parents(anchor, ["obj", "nsubj:pass"])[0];
    if (verb !== undefined && qc.hedgeGovernors.has(g.lemma(verb))) return true;
    if (verb !== undefined) k = verb;
  }
  for (let depth = 0; depth < 4; depth++) {
    for (const e of g.childEdges(k)) {
      const l = g.lemma(e.to);
      if ((e.rel === "aux" || e.rel === "aux:pass") && qc.hedgeAuxiliaries.has(l)) return true;
      if (e.rel === "advmod" && qc.hedgeAdverbs.has(l)) return true;
    }
    const up = g
      .parentEdges(k)
      .find((e) => e.rel === "xcomp" || e.rel === "ccomp" || e.rel.startsWith("advcl") || e.rel.startsWith("acl"));
    if (!up) break;
    if (qc.hedgeGovernors.has(g.lemma(up.to))) {
      // "is believed to supply", "suspected of supplying", "plans to sell"
      return true;
    }
    k = up.to;
  }
  return false;
}

/** relations that open another clause: its dates are not the claim's */
const OTHER_CLAUSE = /^(ccomp|advcl|acl|acl:relcl|parataxis|conj|csubj|xcomp|appos|dep|list)/;

/** DATE spans of a clause: the predicate's own, not its embedded clauses' */
function clauseDates(g: SentenceGraph, head: number): Array<{ begin: number; end: number; norm: string | undefined }> {
  const inClause = new Set(g.subtree(head, (rel) => OTHER_CLAUSE.test(rel)));
  return g.sentence.spans
    .filter((s) => s.ner === "DATE" && inClause.has(s.begin) && inClause.has(s.end - 1))
    .map((s) => ({ begin: s.begin, end: s.end, norm: s.norm }));
}

/** "2022", "2023-03", "XXXX-08" (the article's year), "2024-Q1" → a year or ISO date the model takes */
export function normaliseTimex(norm: string | undefined, articleDate: string | null): string | undefined {
  if (!norm) return undefined;
  let m = /^(\d{4})(-\d{2}(?:-\d{2})?)?/.exec(norm);
  if (m) return m[2] && /^-(0[1-9]|1[0-2])(-\d{2})?$/.test(m[2]) ? `${m[1]}${m[2]}` : m[1];
  m = /^XXXX(-(?:0[1-9]|1[0-2])(?:-\d{2})?)/.exec(norm);
  if (m && articleDate) return `${articleDate.slice(0, 4)}${m[1]}`;
  return undefined;
}

/**
 * The time a claim is about: the dates of its clause ("in 2022", "from January through May of
 * this year" as a range), else of the clauses that govern it ("In 2024, X said that ...").
 */
export function claimTime(
  g: SentenceGraph,
  anchor: number,
  text: string,
  articleDate: string | null,
): string | undefined {
  let k: number | undefined = anchor;
  for (let depth = 0; depth < 4 && k !== undefined; depth++) {
    const dates = clauseDates(g, k);
    if (dates.length > 0) return fromDates(g, dates, text, articleDate);
    k = g.treeParent(k);
  }
  return undefined;
}

function fromDates(
  g: SentenceGraph,
  dates: Array<{ begin: number; end: number; norm: string | undefined }>,
  text: string,
  articleDate: string | null,
): string | undefined {
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  // the text from just before the first date to the end of the last: ranges and "last year"
  const from = Math.max(0, first.begin - 1);
  const span = text.slice(g.token(from).start, g.token(last.end - 1).end);
  const norms = dates.map((d) => normaliseTimex(d.norm, articleDate)).filter((x): x is string => x !== undefined);
  if (dates.length >= 2 && /^(from|between|since)\b/i.test(g.word(from)) && norms.length >= 2) {
    const sorted = [...new Set(norms)].sort();
    return sorted.length === 1 ? sorted[0] : `${sorted[0]}/${sorted[sorted.length - 1]}`;
  }
  // "the first half of 2022", "from 2024 to 2025": the text says a range the recogniser gives as one date
  const said = extractTime(span, articleDate);
  if (said && said.includes("/")) return said;
  return norms[0] ?? said;
}

export function amountOf(text: string | null): Amount | undefined {
  return text ? extractAmount(text) : undefined;
}
