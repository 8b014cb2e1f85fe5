import type { Lexicon } from "../vocab/vocab.js";
import type { Arguments } from "../syntax/arguments.js";
import type { SentenceGraph } from "../syntax/graph.js";

/**
 * Who a claim comes from, read off the parse: the subject of a reporting verb whose complement
 * holds the claim ("CSIS found that ...", "..., the report stated", "Iran admitted to having
 * sent"), the object of "according to" / "per" / "citing", and a report noun's author ("a
 * Bloomberg News analysis", "Russian customs data"). A definite report noun with no author ("the
 * report", "the data") refers back to the source named before; so does a sentence that opens
 * with a pronoun reporting again ("It also found").
 */

export interface SourceMention {
  /** the token of the source phrase */
  token: number;
  /** "refers back": the report named earlier */
  anaphoric: boolean;
}

export interface AttributionContext {
  reportingVerbs: ReadonlySet<string>;
  reportNouns: ReadonlySet<string>;
  sourcePrepositions: ReadonlySet<string>;
  sourceRankWords: ReadonlySet<string>;
}

export function attributionContext(lex: Lexicon): AttributionContext {
  const low = (ws: readonly string[]) => new Set(ws.map((w) => w.toLowerCase()));
  return {
    reportingVerbs: low(lex.reportingVerbs),
    reportNouns: low(lex.reportNouns),
    sourcePrepositions: low(lex.sourcePrepositions),
    sourceRankWords: low(lex.sourceRankWords),
  };
}

const UP_TO_REPORT = /^(ccomp|xcomp|advcl|parataxis|conj|acl:relcl|acl|dep|obj|nsubj|nsubj:pass|obl|nmod)/;

/** Sources a sentence names for what it reports, claims or not: "Western intelligence ... indicate otherwise." */
export function sentenceSources(g: SentenceGraph, args: Arguments, ac: AttributionContext): SourceMention[] {
  const out: SourceMention[] = [];
  for (let k = 0; k < g.size; k++) {
    if (isReporting(g, k, ac)) {
      for (const s of g.children(k, ["nsubj", "obl:agent"])) pushSource(g, args, s, ac, out);
    }
    for (const e of g.childEdges(k)) {
      const prep = e.rel.startsWith("obl:") || e.rel.startsWith("nmod:") ? e.rel.slice(e.rel.indexOf(":") + 1) : null;
      if (prep && ac.sourcePrepositions.has(prep)) pushSource(g, args, e.to, ac, out);
    }
  }
  if (out.length === 0) for (const k of accordingTo(g)) pushSource(g, args, k, ac, out);
  return out;
}

/** The sources of the claim anchored at `anchor` (tokens of source phrases), nearest first. */
export function sourcesOf(g: SentenceGraph, args: Arguments, anchor: number, ac: AttributionContext): SourceMention[] {
  const out: SourceMention[] = [];
  const seenNodes = new Set<number>();
  let k: number | undefined = anchor;
  for (let depth = 0; depth < 6 && k !== undefined && !seenNodes.has(k); depth++) {
    seenNodes.add(k);
    // the claim's own verb reports nothing of itself ("Commerce added two firms to its list")
    collectAt(g, args, k, ac, out, depth > 0);
    if (out.length > 0) return out;
    const up: { to: number } | undefined = g.parentEdges(k).find((e) => UP_TO_REPORT.test(e.rel));
    k = up?.to;
  }
  // "..., the report stated": a reporting verb in parataxis with the sentence's root
  const root = g.sentence.deps.find(([gov]) => gov < 0)?.[2];
  if (root !== undefined && !seenNodes.has(root)) collectAt(g, args, root, ac, out);
  // "According to The Telegraph newspaper, Chinese firms supplied ...", parsed with the source
  // phrase as the sentence's root: "according to" opens a sentence to say where all of it comes from
  if (out.length === 0) for (const k of accordingTo(g)) pushSource(g, args, k, ac, out);
  return out;
}

/** the phrases of a sentence marked "according to", wherever the parser attached them */
function accordingTo(g: SentenceGraph): number[] {
  const out: number[] = [];
  for (let k = 0; k < g.size; k++) {
    if (
      g
        .children(k, "case")
        .some(
          (c) =>
            g.word(c).toLowerCase() === "according" &&
            g.children(c, "fixed").some((f) => g.word(f).toLowerCase() === "to"),
        )
    )
      out.push(k);
  }
  return out;
}

function collectAt(
  g: SentenceGraph,
  args: Arguments,
  k: number,
  ac: AttributionContext,
  out: SourceMention[],
  reporting = true,
): void {
  // the predicate is itself a reporting verb's complement: its subject is the source (of a passive
  // one, "was accused of", only its agent: the subject is the accused)
  if (reporting && isReporting(g, k, ac)) {
    const passive = g.has(k, ["nsubj:pass", "aux:pass"]);
    const subjects = g.children(k, passive ? ["obl:agent"] : ["nsubj", "obl:agent"]);
    for (const s of subjects) pushSource(g, args, s, ac, out);
    // "A report published by X on Monday showed that ...": with the participle read as the main
    // verb, the reporting verb hangs on it without a subject; the participle's subject is the report
    if (subjects.length === 0 && !passive) {
      const up = g.parentEdges(k).find((e) => e.rel === "dep" && e.to < k && g.pos(e.to) === "VBN");
      for (const s of up ? g.children(up.to, "nsubj") : []) pushSource(g, args, s, ac, out);
    }
  }
  for (const e of g.childEdges(k)) {
    const prep = e.rel.startsWith("obl:") || e.rel.startsWith("nmod:") ? e.rel.slice(e.rel.indexOf(":") + 1) : null;
    if (prep && ac.sourcePrepositions.has(prep)) pushSource(g, args, e.to, ac, out);
    // "..., the report stated", "..., Sky News reported", "..., as the United States has claimed"
    if ((e.rel === "parataxis" || e.rel === "advcl:as") && isReporting(g, e.to, ac)) {
      for (const s of g.children(e.to, ["nsubj", "obl:agent"])) pushSource(g, args, s, ac, out);
    }
  }
}

/**
 * The author of a report noun: "a Bloomberg News analysis", "the Atlantic Council report data",
 * "a report by the Atlantic Council", "an assessment released by U.S. intelligence agencies",
 * "the European version of POLITICO".
 */
function authorOf(g: SentenceGraph, args: Arguments, t: number, speaker: boolean): number[] {
  const direct = [
    ...g.subtree(t, (rel, dep) => dep > t || !/^(compound|amod|nmod:poss|flat)$/.test(rel)).filter((x) => x !== t),
    ...g.children(t, ["nmod:poss", "nmod:by", "nmod:from", "nmod:of"]),
    // "representatives for TI", "a spokesman for the ministry": people who speak for a body
    ...(speaker ? g.children(t, "nmod:for") : []),
  ];
  // "a report released by RUSI", "documents published by the U.S. intelligence community": whoever
  // published it, named or not; also with the participle read as the sentence's verb ("An
  // assessment released by X showed ...")
  const publishers = [
    ...g.children(t, "acl").flatMap((v) => g.children(v, ["obl:agent", "obl:by"])),
    ...g
      .parentEdges(t)
      .filter((e) => e.rel === "nsubj" && g.pos(e.to) === "VBN" && !g.has(e.to, "aux"))
      .flatMap((e) => g.children(e.to, ["obl:agent", "obl:by"])),
  ].filter((x) => g.pos(x).startsWith("NN"));
  return [...direct.filter((x) => args.mention(x) !== undefined || args.at(x)?.kind === "group"), ...publishers];
}

/** a reporting verb, or a stance adjective that reports ("the US is concerned about ...") */
function isReporting(g: SentenceGraph, k: number, ac: AttributionContext): boolean {
  const p = g.pos(k);
  return ac.reportingVerbs.has(g.lemma(k)) && (p.startsWith("VB") || (p === "JJ" && g.has(k, "nsubj")));
}

function pushSource(
  g: SentenceGraph,
  args: Arguments,
  token: number,
  ac: AttributionContext,
  out: SourceMention[],
): void {
  for (const t of g.withConjuncts(token)) {
    if (out.some((o) => o.token === t)) continue;
    const a = args.at(t);
    // the tagger's lemma of "data" is "datum"
    const report = ac.reportNouns.has(g.lemma(t)) || ac.reportNouns.has(g.word(t).toLowerCase());
    if (a?.kind !== "named" && a?.kind !== "pronoun" && a?.kind !== "anaphor" && (report || a?.kind !== "group")) {
      // "a Bloomberg News analysis", "NATO intelligence data", "Russian customs data": the author
      const authors = authorOf(g, args, t, !report).map((x) => ({ x, m: args.mention(x) }));
      const author = authors.find((o) => !o.m?.demonym) ?? authors[0];
      if (!report) {
        // "The Telegraph newspaper", "the Hajun project", "representatives for TI": cited by the name
        if (author && !author.m?.demonym)
          for (const x of g.withConjuncts(author.x)) out.push({ token: x, anaphoric: false });
        continue;
      }
      if (author && !author.m?.demonym) {
        out.push({ token: author.x, anaphoric: false });
        continue;
      }
      const definite = g.children(t, "det").some((d) => ["the", "this", "that", "these"].includes(g.lemma(d)));
      if (author) out.push({ token: t, anaphoric: false });
      else if (definite) out.push({ token: t, anaphoric: true });
      continue;
    }
    if (a && (a.kind === "named" || a.kind === "group" || a.kind === "pronoun" || a.kind === "anaphor")) {
      out.push({ token: t, anaphoric: a.kind === "pronoun" && !/^(he|she)$/i.test(g.word(t)) });
    }
  }
}
