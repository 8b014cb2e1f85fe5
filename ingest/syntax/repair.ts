import type { Dependency, ParsedSentence } from "../parse/parsed.js";

/**
 * Repairs of the misparses that hide a frame's arguments. CoreNLP's tagger and parser are good on
 * news prose but wrong in recurring ways on this domain's words and sentence shapes; each repair
 * below is one such shape of English (never a sentence), rewritten to the parse a careful reader
 * would give, and leaves everything else alone. They run in order, each on the last one's output:
 * - words tagged wrong: present-tense verbs tagged as nouns ("Iran ships drones"), names tagged as
 *   verbs ("Shahed-136", "Ascend Aviation ... Limited"), nouns tagged as bare verbs ("drone");
 * - clauses read as noun phrases, or noun phrases as clauses;
 * - phrases and clauses hung on the wrong word (free adjuncts, gerunds after prepositions, phrases
 *   that close a gerund clause, "X said" at the end, "with" phrases of giving).
 * Only verbs the frames look at are repaired where the shape depends on the verb (`isFrameVerb`).
 * Every repair has a hand-built misparse and a near miss in repair.test.ts.
 */

type Edit = (e: Dependency) => Dependency | null;

/** verbs that take a gerund as their complement: "denied supplying", "stopped exporting" */
const GERUND_TAKERS = new Set([
  "deny",
  "admit",
  "stop",
  "start",
  "continue",
  "begin",
  "resume",
  "halt",
  "cease",
  "avoid",
  "consider",
  "risk",
  "keep",
  "quit",
  "acknowledge",
  "recall",
  "suspend",
  "finish",
  "discuss",
  "mention",
  "report",
  "confirm",
]);

/** prepositions that take a gerund clause: "for supplying", "in supplying", "by shipping", "after selling" */
const GERUND_PREPOSITIONS = new Set(["for", "of", "by", "to", "in", "after", "before", "without", "from", "through"]);

export function repairParse(
  s: ParsedSentence,
  isFrameVerb: (lemma: string) => boolean,
  isReportingVerb: (lemma: string) => boolean = () => false,
): ParsedSentence {
  s = verbsTaggedAsNouns(s);
  s = namesTaggedAsVerbs(s);
  s = verbsReadAsCompoundNouns(s, isFrameVerb, isReportingVerb);
  s = namesReadAsClauses(s);
  s = speakersReadAsAppositions(s, isReportingVerb);
  s = reportedRelativeClauses(s, isReportingVerb);
  s = quantitiesReadAsPhrases(s);
  s = reducedRelativesReadAsSubjects(s);
  s = agentsOfReducedRelatives(s);
  s = objectsReadAsSpeakers(s, isReportingVerb);
  s = mainClausesReadAsPartOfFrontedClauses(s);
  s = nounsReadAsVerbs(s);
  s = prepositionsReadAsClauseHeads(s);
  s = nounModifiersReadAsVerbs(s);
  s = bareVerbsModifyingNouns(s);
  s = freeAdjunctsReadAsDep(s);
  s = freeAdjunctsHungOnNouns(s);
  s = gerundsReadAsAdjectives(s);
  s = verbsReadAsPluralNouns(s, isFrameVerb);
  s = withPhrasesOnRecipients(s, isFrameVerb);
  s = modifiersReadAsHeads(s, isFrameVerb);
  s = participlesReadAsMainVerbs(s);
  s = relativeClausesReadAsNounPhrases(s, isFrameVerb);
  s = reducedRelativesReadAsClauses(s);
  s = mainVerbsReadAsRelativeClauses(s);
  s = definingAppositionsReadAsClauses(s);
  s = restrictiveRelativesOnProperNouns(s);
  s = participlesReadAsPrepositions(s);
  s = mainVerbsReadAsParticiples(s, isFrameVerb);
  s = coordinatedVerbsReadAsCompounds(s, isFrameVerb);
  s = destinationsInsideObjectClauses(s, isFrameVerb);
  s = recipientsReadAsCompounds(s, isFrameVerb);
  // a verb of a frame read as a modifier inside a noun phrase: "OFAC targeted two firms for
  // supplying Russia with drones" (the gerund hung on the noun after it, so it had no object),
  // "Chinese firms supplied sanctioned Russian companies with parts" (the clause read as one noun
  // phrase); and frame verbs read as nouns ("the package of sanctions targets exporters")
  for (let v = 0; v < s.tokens.length; v++) {
    const t = s.tokens[v]!;
    if (!isFrameVerb(t.lemma.toLowerCase())) continue;
    // "the package of sanctions targets exporters, companies and makers": the verb read as a
    // plural noun, what it governs hanging on it as "dep"
    if (t.pos === "NNS" && !s.deps.some(([gov, rel]) => gov === v && (rel === "det" || rel.startsWith("nmod")))) {
      const up = s.deps.find(([gov, rel, dep]) => dep === v && gov === t.head && rel.startsWith("nmod:") && gov < v);
      // what it governs hangs on it, or on the noun whose phrase swallowed it ("round of sanctions targets banks")
      const deps = s.deps.filter(
        ([gov, rel, dep]) =>
          (gov === v || (up !== undefined && gov === up[0])) &&
          rel === "dep" &&
          dep > v &&
          s.tokens[dep]!.pos.startsWith("NN"),
      );
      // "sanctions" in "round of sanctions targets": the noun of the "of" phrase, read as a modifier of the verb
      const ofNoun = s.deps.find(([gov, rel, dep]) => gov === v && rel === "compound" && dep < v)?.[2];
      if (deps.length > 0 && up) {
        const subj = up[0];
        const subjUp = s.deps.find(([gov, , dep]) => dep === subj && gov === s.tokens[subj]!.head);
        s = rewrite(s, ([gov, rel, dep]) => {
          if (dep === v && gov === subj) return [subjUp ? subjUp[0] : -1, subjUp ? subjUp[1] : "root", v];
          if (dep === subj && subjUp && gov === subjUp[0] && rel === subjUp[1]) return [v, "nsubj", subj];
          if ((gov === v || gov === subj) && rel === "dep" && deps.some((d) => d[2] === dep)) return [v, "obj", dep];
          if (gov === v && rel === "case") return ofNoun !== undefined ? [ofNoun, rel, dep] : null;
          if (gov === v && dep === ofNoun) return [subj, up[1], dep];
          if (gov === subj && rel === "punct" && dep > v) return [v, rel, dep];
          return [gov, rel, dep];
        });
        s = { ...s, tokens: s.tokens.map((x, i) => (i === v ? { ...x, pos: "VBZ" } : x)) };
        continue;
      }
    }
    // "its new measures target firms in ...": a verb read as the middle noun of a compound
    if ((t.pos === "NN" || t.pos === "VBP") && v > 0 && s.tokens[v - 1]!.pos === "NNS") {
      const n = s.deps.find(([gov, rel, dep]) => dep === v && rel === "compound" && gov > v)?.[0];
      if (n !== undefined && s.deps.some(([gov, rel, dep]) => gov === n && rel === "compound" && dep === v - 1)) {
        const subj = v - 1;
        const up = s.deps.find(([gov, , dep]) => dep === n && gov === s.tokens[n]!.head);
        const [upGov, upRel] = up ? [up[0], up[1]] : [-1, "root"];
        s = rewrite(s, ([gov, rel, dep]) => {
          if (dep === v && gov === n) return [upGov, upRel, v];
          if (dep === subj && gov === n) return [v, "nsubj", subj];
          if (dep === n && up && gov === up[0] && rel === up[1]) return [v, "obj", n];
          // the subject's own modifiers ("its new measures") stay with it
          if (gov === n && dep < subj && /^(nmod:poss|amod|det|compound)$/.test(rel)) return [subj, rel, dep];
          return [gov, rel, dep];
        });
        s = { ...s, tokens: s.tokens.map((x, i) => (i === v ? { ...x, pos: "VBP" } : x)) };
        continue;
      }
    }
    if (!t.pos.startsWith("VB")) continue;
    const amodOf = s.deps.find(([, rel, dep]) => dep === v && rel === "amod");
    if (!amodOf) continue;
    const n = amodOf[0];
    if (n <= v || s.deps.some(([gov, rel]) => gov === v && /^(nsubj|obj|obl)/.test(rel))) continue;
    const up = s.deps.find(([gov, rel, dep]) => dep === n && gov === s.tokens[n]!.head && rel !== "ref");
    const caseOf = s.deps.find(([gov, rel]) => gov === n && rel === "case");
    const nCase = caseOf ? s.tokens[caseOf[2]]!.lemma.toLowerCase() : null;
    const hasAux = s.deps.some(([gov, rel]) => gov === v && rel.startsWith("aux"));
    // "Iran denied supplying drones to Russia": the gerund read as the object's modifier
    const objOf = up && up[1] === "obj" && GERUND_TAKERS.has(s.tokens[up[0]]!.lemma.toLowerCase()) ? up[0] : null;
    if (t.pos === "VBG" && objOf !== null && !caseOf) {
      s = rewrite(s, ([gov, rel, dep]) => {
        if (dep === v && gov === n) return [objOf, "xcomp", v];
        if (dep === n && gov === objOf && rel === "obj") return [v, "obj", n];
        if (gov === objOf && /^obl:(to|into|for|with)$/.test(rel) && dep > v) return [v, rel, dep];
        return [gov, rel, dep];
      });
      continue;
    }
    if (up && nCase !== null && GERUND_PREPOSITIONS.has(nCase) && (t.pos === "VBG" || hasAux)) {
      // under a noun ("two firms for supplying Russia") the gerund modifies the noun
      const clauseRel = s.tokens[up[0]]!.pos.startsWith("NN") ? `acl:${nCase}` : `advcl:${nCase}`;
      s = rewrite(s, ([gov, rel, dep]) => {
        if (dep === v && gov === n) return [up[0], clauseRel, v];
        if (dep === n && gov === up[0] && rel === up[1]) return [v, "obj", n];
        if (gov === n && dep === caseOf![2]) return [v, "mark", dep];
        if (gov === n && rel.startsWith("nmod:") && dep > n) return [v, rel.replace(/^nmod:/, "obl:"), dep];
        return [gov, rel, dep];
      });
      continue;
    }
    const subj = v - 1;
    if (
      (t.pos === "VBN" || t.pos === "VBD") &&
      subj >= 0 &&
      s.tokens[subj]!.pos.startsWith("NN") &&
      s.deps.some(([gov, rel, dep]) => gov === n && dep === subj && (rel === "compound" || rel === "nsubj")) &&
      s.deps.some(([gov, rel]) => gov === n && rel === "nmod:with")
    ) {
      const [upGov, upRel] = up ? [up[0], up[1]] : [-1, "root"];
      s = rewrite(s, ([gov, rel, dep]) => {
        if (dep === v && gov === n) return [upGov, upRel, v];
        if (dep === subj && gov === n) return [v, "nsubj", subj];
        if (dep === n && up && gov === up[0] && rel === up[1]) return [v, "obj", n];
        if (gov === n && rel === "nmod:with") return [v, "obl:with", dep];
        // what the misread noun governed as a clause's head ("According to X, ...", "in 2022")
        if (gov === n && rel.startsWith("obl")) return [v, rel, dep];
        if (gov === n && rel === "punct" && dep > n) return [v, rel, dep];
        return [gov, rel, dep];
      });
    }
  }
  return phrasesAfterEmbeddedVerbs(s, isFrameVerb);
}

/**
 * "Trains loaded with shells crossed into Russia", "An assessment released by U.S. agencies showed
 * that ...", "The drones found in Kyiv were made in Iran": a participle read as the main verb, the real one hanging on it as "dep". The
 * participle modifies the noun, which is the subject of the verb after it. Any participle: the
 * verb after it may be a frame verb or a reporting verb.
 */
function participlesReadAsMainVerbs(s: ParsedSentence): ParsedSentence {
  for (let v = 0; v < s.tokens.length; v++) {
    const t = s.tokens[v]!;
    if (t.pos !== "VBN" || s.deps.some(([gov, rel]) => gov === v && rel.startsWith("aux"))) continue;
    const subj = s.deps.find(([gov, rel]) => gov === v && rel === "nsubj")?.[2];
    // the verb after it: a past tense, or a participle with its own auxiliary ("were made")
    const main = s.deps.find(
      ([gov, rel, dep]) =>
        gov === v &&
        rel === "dep" &&
        dep > v &&
        (s.tokens[dep]!.pos === "VBD" ||
          (s.tokens[dep]!.pos === "VBN" && s.deps.some(([g2, r2]) => g2 === dep && r2.startsWith("aux")))),
    )?.[2];
    if (
      subj === undefined ||
      subj > v ||
      main === undefined ||
      s.deps.some(([gov, rel]) => gov === main && rel.startsWith("nsubj"))
    )
      continue;
    const up = s.deps.find(([gov, , dep]) => dep === v && gov === t.head);
    const [upGov, upRel] = up ? [up[0], up[1]] : [-1, "root"];
    const passive = s.deps.some(([gov, rel]) => gov === main && rel === "aux:pass");
    s = rewrite(s, ([gov, rel, dep]) => {
      if (dep === main && gov === v) return [upGov, upRel, main];
      if (dep === v && up && gov === up[0] && rel === up[1]) return [subj, "acl", v];
      if (dep === v && gov < 0) return [subj, "acl", v];
      if (dep === subj && gov === v && rel === "nsubj") return [main, passive ? "nsubj:pass" : "nsubj", subj];
      if (gov === v && rel === "punct" && dep > main) return [main, rel, dep];
      return [gov, rel, dep];
    });
  }
  return s;
}

/**
 * "Britain sanctioned Tau Ltd, which shipped rifles to Syria": the relative clause read as a noun
 * phrase in apposition, "which" its determiner and the verb a participle of its object. Rewritten
 * as the relative clause of the noun before the comma.
 */
function relativeClausesReadAsNounPhrases(s: ParsedSentence, isFrameVerb: (lemma: string) => boolean): ParsedSentence {
  for (let w = 1; w + 2 < s.tokens.length; w++) {
    const v = w + 1;
    if (s.tokens[w]!.pos !== "WDT" || s.tokens[w - 1]!.word !== ",") continue;
    if (!/^(VBD|VBN)$/.test(s.tokens[v]!.pos) || !isFrameVerb(s.tokens[v]!.lemma.toLowerCase())) continue;
    const n = s.deps.find(([gov, rel, dep]) => dep === v && rel === "amod" && gov > v)?.[0];
    if (n === undefined || !s.deps.some(([gov, rel, dep]) => gov === n && rel === "det" && dep === w)) continue;
    const up = s.deps.find(([gov, rel, dep]) => dep === n && gov < w && gov >= 0 && /^(appos|dep)$/.test(rel));
    if (!up || s.tokens[n]!.head !== up[0]) continue;
    const antecedent = up[0];
    s = rewrite({ ...s, tokens: s.tokens.map((x, i) => (i === v ? { ...x, pos: "VBD" } : x)) }, ([gov, rel, dep]) => {
      if (gov === antecedent && dep === n && rel === up[1]) return [antecedent, "acl:relcl", v];
      if (gov === n && dep === v) return [v, "obj", n];
      if (gov === n && dep === w) return [antecedent, "ref", w];
      if (gov === n && rel.startsWith("nmod:") && dep > n) return [v, rel.replace(/^nmod:/, "obl:"), dep];
      return [gov, rel, dep];
    });
  }
  return s;
}

/**
 * "Investigators found chips made by Dutch firms": a participle after the object read as a clause
 * of its own whose subject is that object ("chips made"), hanging on the verb as "dep", its agent
 * as a plain "by" phrase. The noun is the verb's object, the participle modifies it, the "by"
 * phrase is its agent.
 */
function reducedRelativesReadAsClauses(s: ParsedSentence): ParsedSentence {
  for (let v = 2; v < s.tokens.length; v++) {
    if (s.tokens[v]!.pos !== "VBN" || s.deps.some(([gov, rel]) => gov === v && /^(aux|cop)/.test(rel))) continue;
    const up = s.deps.find(([gov, rel, dep]) => dep === v && rel === "dep" && gov >= 0 && gov < v);
    const n = s.deps.find(([gov, rel, dep]) => gov === v && rel === "nsubj" && dep < v)?.[2];
    if (!up || n === undefined || n < up[0] || !s.tokens[up[0]]!.pos.startsWith("VB")) continue;
    const verb = up[0];
    if (s.deps.some(([gov, rel]) => gov === verb && rel === "obj")) continue;
    s = rewrite(s, ([gov, rel, dep]) => {
      if (gov === verb && dep === v) return [verb, "obj", n];
      if (gov === v && dep === n) return [n, "acl", v];
      if (gov === v && rel === "obl:by") return [v, "obl:agent", dep];
      return [gov, rel, dep];
    });
  }
  return s;
}

/**
 * "Kappa Industries, which develops drones, is based in Minsk": the sentence rooted on the subject,
 * the main verb read as the relative clause and the clause's own verb hung on it. The verb right
 * after "which" is the relative clause; the other verb is the sentence's, with the noun as its
 * subject.
 */
function mainVerbsReadAsRelativeClauses(s: ParsedSentence): ParsedSentence {
  const root = s.deps.find(([gov]) => gov === -1)?.[2];
  if (root === undefined || !s.tokens[root]!.pos.startsWith("NN")) return s;
  const w = s.deps.find(([gov, rel, dep]) => gov === root && rel === "ref" && dep > root)?.[2];
  const main = s.deps.find(
    ([gov, rel, dep]) => gov === root && rel === "acl:relcl" && s.tokens[dep]!.head === root,
  )?.[2];
  if (w === undefined || main === undefined) return s;
  const v = w + 1;
  if (!/^VB[DZP]$/.test(s.tokens[v]!.pos) || v >= main) return s;
  const hung = s.deps.find(([gov, rel, dep]) => gov === main && dep === v && /^(dep|nsubj)$/.test(rel));
  if (!hung || s.deps.some(([gov, rel]) => gov === v && rel.startsWith("nsubj"))) return s;
  const subjRel = s.deps.some(([gov, rel]) => gov === main && rel === "aux:pass") ? "nsubj:pass" : "nsubj";
  const r = rewrite(s, ([gov, rel, dep]) => {
    if (gov === -1 && dep === root) return [main, subjRel, root];
    if (gov === root && dep === main && rel === "acl:relcl") return [-1, "root", main];
    if (gov === main && dep === v) return [root, "acl:relcl", v];
    // the antecedent seen as the main verb's object through the misread clause
    if (gov === main && dep === root) return null;
    return [gov, rel, dep];
  });
  return { ...r, deps: [...r.deps, [v, "nsubj", root]] };
}

/**
 * "Tigran Trade, a company registered in Yerevan that exported chips, ...": an apposition that
 * defines a company read as a clause ("a company registered"), its "that" clause a complement of
 * the participle. Rewritten as the apposition it is: the participle and the relative clause
 * modify the noun.
 */
function definingAppositionsReadAsClauses(s: ParsedSentence): ParsedSentence {
  for (let v = 3; v < s.tokens.length; v++) {
    if (!/^VB[DN]$/.test(s.tokens[v]!.pos)) continue;
    const n = v - 1;
    const det = n - 1;
    if (!s.tokens[n]!.pos.startsWith("NN") || !/^an?$/i.test(s.tokens[det]!.word) || s.tokens[det - 1]!.word !== ",")
      continue;
    if (!s.deps.some(([gov, rel, dep]) => gov === v && rel === "nsubj" && dep === n)) continue;
    const up = s.deps.find(([gov, rel, dep]) => dep === v && gov >= 0 && gov < det && /^(dep|appos)$/.test(rel));
    if (!up || s.tokens[v]!.head !== up[0]) continue;
    const name = up[0];
    const clauses = s.deps
      .filter(([gov, rel, dep]) => gov === v && rel === "ccomp" && dep > v)
      .map(([, , dep]) => dep)
      .filter((c) => s.deps.some(([gov, rel, dep]) => gov === c && rel === "nsubj" && s.tokens[dep]!.pos === "WDT"));
    const pronouns = new Map(
      clauses.map((c) => [
        c,
        s.deps.find(([gov, rel, dep]) => gov === c && rel === "nsubj" && s.tokens[dep]!.pos === "WDT")![2],
      ]),
    );
    const r = rewrite(
      { ...s, tokens: s.tokens.map((x, i) => (i === v ? { ...x, pos: "VBN" } : x)) },
      ([gov, rel, dep]) => {
        if (gov === name && dep === v) return [name, "appos", n];
        if (gov === v && dep === n) return [n, "acl", v];
        if (gov === v && pronouns.has(dep)) return [n, "acl:relcl", dep];
        // the pronoun refers to the noun, which is the clause's subject (an added, non-tree edge)
        if (pronouns.has(gov) && pronouns.get(gov) === dep && rel === "nsubj") return [n, "ref", dep];
        return [gov, rel, dep];
      },
    );
    s = { ...r, deps: [...r.deps, ...[...pronouns.keys()].map((c): Dependency => [c, "nsubj", n])] };
  }
  return s;
}

/**
 * "a firm based in Armenia that sold chips to Russia": a restrictive relative clause ("that", no
 * comma) hung on the proper noun before it. Names take no restrictive relatives; the clause belongs
 * to the common noun whose phrase holds the name.
 */
function restrictiveRelativesOnProperNouns(s: ParsedSentence): ParsedSentence {
  for (const [p, rel0, v] of s.deps.filter(([, rel]) => rel === "acl:relcl")) {
    if (p < 0 || !s.tokens[p]!.pos.startsWith("NNP")) continue;
    const w = s.deps.find(([gov, rel, dep]) => gov === p && rel === "ref" && dep > p && dep < v)?.[2];
    if (w === undefined || s.tokens[w]!.lemma.toLowerCase() !== "that" || s.tokens[w - 1]!.word === ",") continue;
    const host = s.deps.find(
      ([gov, rel, dep]) => dep === p && gov >= 0 && gov < p && /^nmod:/.test(rel) && /^NNS?$/.test(s.tokens[gov]!.pos),
    )?.[0];
    if (host === undefined) continue;
    s = rewrite(s, ([gov, rel, dep]) => {
      if (gov === p && dep === v && rel === rel0) return [host, rel, v];
      if (gov === p && dep === w && rel === "ref") return [host, rel, w];
      if (gov === v && dep === p && rel.startsWith("nsubj")) return [v, rel, host];
      return [gov, rel, dep];
    });
  }
  return s;
}

/**
 * A sentence left with no verb at all, its main verb read as a participle modifying its object:
 * - "Several firms, including A and B, supplied drones to Syria": after a long subject, rooted on
 *   the subject with the object in apposition;
 * - "The Treasury sanctioned Alpha Holdings in May": one noun phrase, the subject a compound of
 *   the object.
 * Only in a sentence with no finite verb is the participle taken for the verb: the noun before it
 * is its subject, the modified noun its object, that noun's phrases its obliques.
 */
function mainVerbsReadAsParticiples(s: ParsedSentence, isFrameVerb: (lemma: string) => boolean): ParsedSentence {
  const root = s.deps.find(([gov]) => gov === -1)?.[2];
  if (root === undefined || !s.tokens[root]!.pos.startsWith("NN")) return s;
  // finite verbs of relative clauses do not count: "..., which shipped rifles to Syria"
  const inRelative = (k: number) =>
    [k, s.tokens[k]!.head].some((x) => s.deps.some(([gov, rel, dep]) => dep === x && gov >= 0 && rel === "acl:relcl"));
  const finite = (k: number) => /^(VBZ|VBP|VBD|MD)$/.test(s.tokens[k]!.pos) && !inRelative(k);
  const candidates = s.tokens
    .map((t, i) => i)
    .filter((i) => /^(VBN|VBD)$/.test(s.tokens[i]!.pos) && isFrameVerb(s.tokens[i]!.lemma.toLowerCase()))
    .filter((i) => !inRelative(i));
  const v = candidates[0];
  if (candidates.length !== 1 || v === undefined || s.tokens.some((t, i) => i !== v && finite(i))) return s;
  const n = s.deps.find(([gov, rel, dep]) => dep === v && rel === "amod" && gov > v)?.[0];
  if (n === undefined || !s.tokens[n]!.pos.startsWith("NN")) return s;
  const before = s.tokens[v - 1];
  if (!before) return s;
  const asVerb = { ...s, tokens: s.tokens.map((x, i) => (i === v ? { ...x, pos: "VBD" } : x)) };
  const toVerb = ([gov, rel, dep]: Dependency): Dependency | null => {
    if (gov === n && rel.startsWith("nmod:") && dep > n) return [v, rel.replace(/^nmod:/, "obl:"), dep];
    if ((gov === n || gov === root) && rel === "punct" && dep > n) return [v, rel, dep];
    return null;
  };
  // the object hangs on the subject, or after a comma on the last word of the subject's insertion
  // ("Kappa, which makes drones, sold engines": "engines" in apposition to "drones")
  const nHead = s.tokens[n]!.head;
  const attached =
    nHead >= 0 &&
    s.deps.some(([gov, rel, dep]) => dep === n && gov === nHead && (gov === root || (rel === "appos" && gov < v)));
  // the subject ends right before the verb: a comma closing its insertion, or the noun itself
  if (root < v && attached && (before.word === "," || (nHead === root && before.pos.startsWith("NN"))))
    return rewrite(asVerb, (e) => {
      const [gov, , dep] = e;
      if (gov === -1 && dep === root) return [v, "nsubj", root];
      if (gov === n && dep === v) return [-1, "root", v];
      if (gov === nHead && dep === n) return [v, "obj", n];
      return toVerb(e) ?? e;
    });
  const subj = v - 1;
  if (
    n === root &&
    before.pos.startsWith("NN") &&
    s.deps.some(([g, r, d]) => g === n && r === "compound" && d === subj)
  )
    return rewrite(asVerb, (e) => {
      const [gov, rel, dep] = e;
      if (gov === -1 && dep === n) return [v, "obj", n];
      if (gov === n && dep === v) return [-1, "root", v];
      if (gov === n && dep === subj) return [v, "nsubj", subj];
      // "The Treasury": what stood before the subject is the subject's
      if (gov === n && dep < subj) return [subj, rel, dep];
      return toVerb(e) ?? e;
    });
  return s;
}

/**
 * "to disrupt evasion and target entities in ...", "bought the parts and supply firms abroad": a
 * second verb after "and" read as the first word of a compound noun coordinated with the first
 * verb's object. Rewritten: the verb is coordinated with the first verb, the noun is its object.
 */
function coordinatedVerbsReadAsCompounds(s: ParsedSentence, isFrameVerb: (lemma: string) => boolean): ParsedSentence {
  for (let v = 1; v + 1 < s.tokens.length; v++) {
    const t = s.tokens[v]!;
    if (
      !/^(NN|VBP|VB)$/.test(t.pos) ||
      !isFrameVerb(t.lemma.toLowerCase()) ||
      s.tokens[v - 1]!.word.toLowerCase() !== "and"
    )
      continue;
    const n = s.deps.find(([gov, rel, dep]) => dep === v && rel === "compound" && gov === v + 1)?.[0];
    if (n === undefined || !s.tokens[n]!.pos.startsWith("NNS")) continue;
    const conj = s.deps.find(([gov, rel, dep]) => dep === n && rel.startsWith("conj") && gov < v - 1);
    if (!conj) continue;
    const first = conj[0];
    const verb = s.deps.find(
      ([gov, rel, dep]) => dep === first && rel === "obj" && s.tokens[gov]!.pos.startsWith("VB"),
    )?.[0];
    if (verb === undefined) continue;
    s = rewrite(s, ([gov, rel, dep]) => {
      if (gov === first && dep === n && rel.startsWith("conj")) return [verb, rel, v];
      if (gov === n && dep === v - 1 && rel === "cc") return [v, "cc", dep];
      if (gov === n && dep === v && rel === "compound") return [v, "obj", n];
      if (gov === verb && dep === n && rel === "obj") return null;
      // "entities in ... countries": what the first verb seemed to govern after the noun is the noun's
      if (gov === verb && dep > n && rel.startsWith("obl:")) return [n, rel.replace(/^obl:/, "nmod:"), dep];
      return [gov, rel, dep];
    });
    s = { ...s, tokens: s.tokens.map((x, i) => (i === v ? { ...x, pos: "VB" } : x)) };
  }
  return s;
}

/**
 * "gunpowder, and ammunition components", "avionics, jamming technology and engine parts": in a
 * list of goods, a noun (or a gerund) read as taking the next noun as its object. Nouns take no
 * objects: the first word modifies the second, which takes its place in the list.
 */
function modifiersReadAsHeads(s: ParsedSentence, isFrameVerb: (lemma: string) => boolean): ParsedSentence {
  for (let h = 0; h + 1 < s.tokens.length; h++) {
    // the next noun, past a model number written onto the word ("Shahed-131 drones")
    const o = pastModelNumber(s, h);
    const pos = s.tokens[h]!.pos;
    if (
      !s.deps.some(([gov, rel, dep]) => gov === h && rel === "obj" && dep === o) ||
      !s.tokens[o]!.pos.startsWith("NN")
    )
      continue;
    const into = s.deps.filter(([, , dep]) => dep === h);
    // a list item: coordinated with a noun, or hung on the noun before it right after a comma
    const inList = into.some(
      ([gov, rel]) =>
        gov >= 0 &&
        s.tokens[gov]!.pos.startsWith("NN") &&
        (rel.startsWith("conj") || (rel === "acl" && h > 0 && s.tokens[h - 1]!.word === ",")),
    );
    if (!(pos.startsWith("NN") || (pos === "VBG" && inList))) continue;
    // "the measures target firms": a verb of a frame read as a noun is repaired as a verb further on
    if (pos.startsWith("NN") && isFrameVerb(s.tokens[h]!.lemma.toLowerCase())) continue;
    if (s.deps.some(([gov, rel]) => gov === h && (rel.startsWith("nsubj") || rel.startsWith("aux")))) continue;
    s = rewrite(s, ([gov, rel, dep]) => {
      if (gov === h && dep === o && rel === "obj") return [o, pos === "VBG" ? "amod" : "compound", h];
      if (dep === h) return [gov, rel === "acl" ? "conj:and" : rel, o];
      // what stood before the modifier ("and", "the") belongs to the phrase's new head
      if (gov === h && dep < h) return [o, rel, dep];
      return [gov, rel, dep];
    });
    s = { ...s, tokens: s.tokens.map((x, i) => (i === h && pos === "VBG" ? { ...x, pos: "NN" } : x)) };
  }
  return s;
}

/**
 * "shipped rifles and other items that could be used for military purposes to Russian customers
 * through Turkey", "flew weapons seized in Ukraine to Iran": the verb's "to" and "through" phrases
 * read as modifiers of a noun inside the clause that describes its object, or of that clause's
 * participle when it is no verb of sending. When the verb has no such phrase of its own, they are
 * its. So are those hung on the amount the goods are worth.
 */
function destinationsInsideObjectClauses(s: ParsedSentence, isFrameVerb: (lemma: string) => boolean): ParsedSentence {
  for (let v = 0; v < s.tokens.length; v++) {
    const t = s.tokens[v]!;
    if (!t.pos.startsWith("VB") || !isFrameVerb(t.lemma.toLowerCase())) continue;
    if (s.deps.some(([gov, rel]) => gov === v && /^obl:(to|into|through|via)$/.test(rel))) continue;
    const objects = s.deps.filter(([gov, rel]) => gov === v && rel === "obj").map((e) => e[2]);
    // the clause hangs on the object, or (misread) on the verb, opening with "that" or "which"
    const relative = (c: number) =>
      s.deps.some(([gov, rel, dep]) => gov === c && rel.startsWith("nsubj") && /^W/.test(s.tokens[dep]!.pos));
    const clauses = s.deps
      .filter(
        ([gov, rel, dep]) =>
          (s.tokens[dep]!.pos.startsWith("VB") &&
            ((objects.includes(gov) && /^(acl|acl:relcl|dep)$/.test(rel)) ||
              (gov === v && rel === "dep" && relative(dep)))) ||
          // "machine tools worth $20 million to Russia": an amount takes no destination
          (objects.includes(gov) &&
            /^(amod|dep|nmod:of)$/.test(rel) &&
            /^(worth|value)$/.test(s.tokens[dep]!.lemma.toLowerCase())),
      )
      .map((e) => e[2]);
    if (clauses.length === 0) continue;
    const inside = new Set<number>();
    const stack = [...clauses];
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (inside.has(k)) continue;
      inside.add(k);
      for (const [gov, , dep] of s.deps) if (gov === k && s.tokens[dep]!.head === k) stack.push(dep);
    }
    // on a noun of the clause, or on its own verb when that verb sends nothing anywhere ("weapons
    // seized in Ukraine to Iran")
    const moved = s.deps.filter(
      ([gov, rel, dep]) =>
        inside.has(gov) &&
        dep > gov &&
        (((s.tokens[gov]!.pos.startsWith("NN") || s.tokens[gov]!.ner === "MONEY") &&
          /^nmod:(to|through|via)$/.test(rel)) ||
          (s.tokens[gov]!.pos === "VBN" &&
            !isFrameVerb(s.tokens[gov]!.lemma.toLowerCase()) &&
            /^obl:(to|into)$/.test(rel))),
    );
    if (moved.length === 0) continue;
    s = rewrite(s, ([gov, rel, dep]) =>
      moved.some((m) => m[0] === gov && m[2] === dep && m[1] === rel)
        ? [v, rel.replace(/^nmod:/, "obl:"), dep]
        : [gov, rel, dep],
    );
  }
  return s;
}

/**
 * "a Turkish drone maker", "drone navigation signals": a noun tagged as a bare verb that modifies a
 * noun after it. English verbs modify nouns only as participles (VBN, VBG), so a bare form there is
 * a noun of a compound.
 */
function bareVerbsModifyingNouns(s: ParsedSentence): ParsedSentence {
  const misread = new Set(
    s.deps
      .filter(([gov, rel, dep]) => rel === "amod" && gov > dep && /^VBP?$/.test(s.tokens[dep]!.pos))
      // "drone navigation signals": only nouns between the bare form and the noun it modifies
      .filter(([gov, , dep]) => s.tokens.slice(dep + 1, gov + 1).every((t) => t.pos.startsWith("NN")))
      .map(([, , dep]) => dep),
  );
  if (misread.size === 0) return s;
  s = rewrite(s, ([gov, rel, dep]) => (misread.has(dep) && rel === "amod" ? [gov, "compound", dep] : [gov, rel, dep]));
  return { ...s, tokens: s.tokens.map((x, i) => (misread.has(i) ? { ...x, pos: "NN" } : x)) };
}

const SUBORDINATORS = new Set([
  "when",
  "while",
  "after",
  "before",
  "as",
  "since",
  "because",
  "once",
  "if",
  "although",
  "though",
  "until",
]);

/**
 * "When the depots ran low, other countries, primarily Iran and North Korea, have become the main
 * suppliers": after a fronted adverbial clause, the main clause read as part of it, its verb hung
 * on the clause's verb without a subject and its subject coordinated with the clause's last noun.
 * Rewritten: the main verb is the root, the fronted clause modifies it, the noun after the comma
 * is its subject (with the names in apposition to it).
 */
function mainClausesReadAsPartOfFrontedClauses(s: ParsedSentence): ParsedSentence {
  const r = s.deps.find(([gov]) => gov === -1)?.[2];
  if (r === undefined || !s.tokens[r]!.pos.startsWith("VB")) return s;
  const fronted = s.deps.some(
    ([gov, rel, dep]) =>
      gov === r && dep < r && /^(advmod|mark)$/.test(rel) && SUBORDINATORS.has(s.tokens[dep]!.lemma.toLowerCase()),
  );
  if (!fronted) return s;
  const v = s.deps.find(
    ([gov, rel, dep]) =>
      gov === r && rel === "dep" && dep > r && s.tokens[dep]!.head === r && s.tokens[dep]!.pos.startsWith("VB"),
  )?.[2];
  if (v === undefined || s.deps.some(([gov, rel]) => gov === v && rel.startsWith("nsubj"))) return s;
  if (!s.deps.some(([gov, rel]) => gov === v && rel.startsWith("aux"))) return s;
  // the subject: a noun after a comma, coordinated with a noun of the fronted clause
  const conj = s.deps.find(
    ([gov, rel, dep]) =>
      rel.startsWith("conj") &&
      gov > r &&
      dep > gov &&
      dep < v &&
      s.tokens[dep]!.head === gov &&
      s.tokens[dep]!.pos.startsWith("NN") &&
      s.tokens.slice(gov + 1, dep).some((t) => t.word === ","),
  );
  if (!conj) return s;
  const [x, , n] = conj;
  const moved = s.deps
    .filter(([gov, rel, dep]) => gov === x && rel === "appos" && dep > n && dep < v)
    .map(([, , dep]) => dep);
  return rewrite(s, ([gov, rel, dep]) => {
    if (gov === -1 && dep === r) return [v, "advcl", r];
    if (gov === r && dep === v) return [-1, "root", v];
    if (gov === x && dep === n && rel === conj[1]) return [v, "nsubj", n];
    if (gov === x && rel === "appos" && moved.includes(dep)) return [n, rel, dep];
    // the sentence's final punctuation closes the main clause
    if (gov === r && rel === "punct" && dep > v) return [v, rel, dep];
    return [gov, rel, dep];
  });
}

/**
 * "North Korea shipped shells to Russia, South Korea's defence ministry said": the closing
 * reporting verb hung on the main verb without a subject, its speaker read as an apposition of the
 * noun before the comma. The noun phrase right before the verb is its subject. With its subject
 * ("..., a Polish official said"), the verb itself may be read as the apposition: it reports on
 * the clause of that noun.
 */
function speakersReadAsAppositions(s: ParsedSentence, isReportingVerb: (lemma: string) => boolean): ParsedSentence {
  for (let v = 2; v < s.tokens.length; v++) {
    const t = s.tokens[v]!;
    if (!/^VB[DZP]$/.test(t.pos) || !isReportingVerb(t.lemma.toLowerCase())) continue;
    if (s.deps.some(([gov, rel]) => gov === v && rel.startsWith("nsubj"))) {
      // "..., a Polish official said": the reporting clause, with its speaker, read as an apposition
      // of a noun; it reports on the clause that noun belongs to
      const asNoun = s.deps.find(
        ([gov, rel, dep]) =>
          dep === v &&
          gov >= 0 &&
          gov < v &&
          (rel === "appos" || rel === "dep") &&
          (s.tokens[gov]!.pos.startsWith("NN") || s.tokens[gov]!.ner === "MONEY"),
      );
      let clause = asNoun?.[0];
      while (clause !== undefined && clause >= 0 && !s.tokens[clause]!.pos.startsWith("VB"))
        clause = s.tokens[clause]!.head;
      if (asNoun && clause !== undefined && clause >= 0 && s.tokens[v]!.head === asNoun[0])
        s = rewrite(s, ([gov, rel, dep]) =>
          gov === asNoun[0] && dep === v ? [clause, "parataxis", v] : [gov, rel, dep],
        );
      continue;
    }
    const speaker = v - 1;
    if (!s.tokens[speaker]!.pos.startsWith("NN")) continue;
    const up = s.deps.find(([gov, rel, dep]) => dep === speaker && gov >= 0 && gov < speaker && rel === "appos");
    const hang = s.deps.find(
      ([gov, rel, dep]) => dep === v && gov >= 0 && gov < speaker && /^(dep|parataxis)$/.test(rel),
    );
    if (!up || !hang || s.tokens[speaker]!.head !== up[0]) continue;
    s = rewrite(s, ([gov, rel, dep]) => {
      if (gov === up[0] && dep === speaker && rel === "appos") return [v, "nsubj", speaker];
      if (gov === hang[0] && dep === v) return [hang[0], "parataxis", v];
      return [gov, rel, dep];
    });
  }
  return s;
}

/**
 * "Iranian drone makers": a noun read as a present-tense verb whose subject is the adjective of
 * nationality before it and whose object is the noun after it. Rewritten as the noun phrase it is.
 */
function nounsReadAsVerbs(s: ParsedSentence): ParsedSentence {
  for (let v = 1; v + 1 < s.tokens.length; v++) {
    const t = s.tokens[v]!;
    if (!/^VB[PZ]?$/.test(t.pos)) continue;
    const adj = v - 1;
    const noun = v + 1;
    const a = s.tokens[adj]!;
    if (a.ner !== "MISC" || !/^(JJ|NNP)$/.test(a.pos) || !s.tokens[noun]!.pos.startsWith("NN")) continue;
    const own = s.deps.filter(([gov]) => gov === v);
    if (own.some(([, rel]) => rel.startsWith("aux")) || !own.some(([, rel, dep]) => rel === "nsubj" && dep === adj))
      continue;
    if (!own.some(([, rel, dep]) => rel === "obj" && dep === noun)) continue;
    const up = s.deps.find(([gov, , dep]) => dep === v && gov === t.head);
    s = rewrite(s, ([gov, rel, dep]) => {
      if (dep === v && up && gov === up[0] && rel === up[1]) return [up[0], up[1], noun];
      if (dep === v && gov < 0) return [gov, rel, noun];
      if (gov === v && dep === noun) return [noun, "compound", v];
      if (gov === v && dep === adj) return [noun, "amod", adj];
      if (gov === v) return [noun, rel, dep];
      return [gov, rel, dep];
    });
    s = { ...s, tokens: s.tokens.map((x, i) => (i === v ? { ...x, pos: "NN" } : x)) };
  }
  return s;
}

/**
 * "Serbia sold Ukraine artillery rounds", "Venezuela sold Cuba and Nicaragua oil": a place named
 * right after a verb of giving, read as a modifier of the goods after it. It is the verb's
 * indirect object (the recipient); the goods keep the rest of their modifiers.
 */
function recipientsReadAsCompounds(s: ParsedSentence, isFrameVerb: (lemma: string) => boolean): ParsedSentence {
  for (let v = 0; v + 2 < s.tokens.length; v++) {
    const t = s.tokens[v]!;
    if (!t.pos.startsWith("VB") || !isFrameVerb(t.lemma.toLowerCase())) continue;
    if (s.deps.some(([gov, rel]) => gov === v && rel === "iobj")) continue;
    // the places right after the verb: "Cuba", "Cuba and Nicaragua", "Cuba, Peru and Chile"
    const places: number[] = [];
    let k = v + 1;
    while (k < s.tokens.length && s.tokens[k]!.ner === "LOCATION" && s.tokens[k]!.pos.startsWith("NNP")) {
      places.push(k);
      k++;
      if (k < s.tokens.length && /^(,|and)$/.test(s.tokens[k]!.word) && s.tokens[k + 1]?.ner === "LOCATION") k++;
    }
    if (places.length === 0) continue;
    const last = places[places.length - 1]!;
    // the goods: the verb's object, with the last place read as its modifier
    const object = s.deps.find(
      ([gov, rel, dep]) =>
        dep === last && rel === "compound" && s.deps.some(([g2, r2, d2]) => g2 === v && r2 === "obj" && d2 === gov),
    )?.[0];
    if (object === undefined) continue;
    const deps: Dependency[] = [];
    for (const e of s.deps) {
      const [gov, , dep] = e;
      if (places.includes(dep) && (gov === object || gov === v || places.includes(gov))) continue;
      if (places.includes(gov) && dep === object) continue;
      deps.push(e);
    }
    places.forEach((p, i) =>
      deps.push(
        i === 0 ? [v, "iobj", p] : [places[0]!, "conj:and", p],
        ...(i > 0 ? ([[v, "iobj", p]] as Dependency[]) : []),
      ),
    );
    if (!deps.some(([gov, rel, dep]) => gov === v && rel === "obj" && dep === object)) deps.push([v, "obj", object]);
    const heads = s.tokens.map((x, i) =>
      places.includes(i) ? (i === places[0] ? v : places[0]!) : i === object ? v : x.head,
    );
    s = { ...s, deps, tokens: s.tokens.map((x, i) => ({ ...x, head: heads[i]! })) };
  }
  return s;
}

/** verbs that take a bare infinitive after them: "helped build", "let them sell" */
const BARE_INFINITIVE_TAKERS = new Set([
  "help",
  "make",
  "let",
  "have",
  "see",
  "hear",
  "watch",
  "feel",
  "bid",
  "dare",
  "need",
  "go",
  "come",
  "do",
]);

/**
 * "Iran's drone deliveries to Russia", "Russia buys drone engines from China", "they found drone
 * parts": a noun modifying the noun after it, tagged as a bare verb that takes that noun as its
 * object. A bare verb cannot follow a determiner, a possessive, an adjective, a number or a
 * preposition, nor a finite verb that is not its auxiliary and takes no bare infinitive. The second
 * noun heads the phrase in the verb's place (after a possessive, in the possessor's place), the
 * first modifies it, and the verb's obliques go to the clause's verb, or to the noun as modifiers.
 */
function nounModifiersReadAsVerbs(s: ParsedSentence): ParsedSentence {
  for (let v = 1; v + 1 < s.tokens.length; v++) {
    const t = s.tokens[v]!;
    const p = s.tokens[v - 1]!;
    // "Shahed-136 drones": a capitalised word inside a sentence tagged as a verb is a name
    const capitalised = /^VB[DN]?$/.test(t.pos) && /^\p{Lu}/u.test(t.word);
    if (t.pos !== "VB" && !capitalised) continue;
    // the noun right after it, or after a model number written onto it ("Shahed-136 drones")
    const noun = pastModelNumber(s, v);
    if (noun >= s.tokens.length || !/^NNS?$/.test(s.tokens[noun]!.pos)) continue;
    const own = s.deps.filter(([gov]) => gov === v);
    if (!own.some(([, rel, dep]) => rel === "obj" && dep === noun)) continue;
    if (own.some(([, rel]) => /^(nsubj|aux|mark|cop)/.test(rel))) continue;
    const afterFinite =
      /^VB[DZPGN]$/.test(p.pos) && !BARE_INFINITIVE_TAKERS.has(p.lemma.toLowerCase()) && p.lemma.toLowerCase() !== "be";
    const afterWord =
      /^(DT|POS|PRP\$|JJ|JJR|JJS|CD)$/.test(p.pos) || (p.pos === "IN" && p.lemma.toLowerCase() !== "to");
    if (!afterFinite && !afterWord && !capitalised) continue;
    const up = s.deps.find(([gov, , dep]) => dep === v && gov === t.head);
    if (!up) continue;
    // after "'s" the phrase takes the possessor's place and the possessor becomes its possessive
    const possessor =
      p.pos === "POS" &&
      up[0] === v - 2 &&
      s.deps.some(([gov, rel, dep]) => gov === v - 2 && rel === "case" && dep === v - 1)
        ? v - 2
        : null;
    const possUp =
      possessor === null ? null : s.deps.find(([gov, , dep]) => dep === possessor && gov === s.tokens[possessor]!.head);
    const [newGov, newRel0] = possessor === null ? [up[0], up[1]] : possUp ? [possUp[0], possUp[1]] : [-1, "root"];
    const govIsVerb = newGov >= 0 && s.tokens[newGov]!.pos.startsWith("VB");
    const hasObj = s.deps.some(([gov, rel]) => gov === newGov && rel === "obj");
    const newRel = /^(dep|xcomp|ccomp|advcl|acl)$/.test(newRel0) && govIsVerb ? (hasObj ? "dep" : "obj") : newRel0;
    // "buys drone engines from China": the phrase is the verb's; "drone deliveries to Russia rose": the noun's
    const objectOfVerb = govIsVerb && (newRel === "obj" || newRel === "dep");
    s = rewrite(s, ([gov, rel, dep]) => {
      if (possessor !== null && dep === possessor && possUp && gov === possUp[0] && rel === possUp[1])
        return [newGov, newRel, noun];
      if (possessor !== null && dep === possessor && gov < 0) return [-1, "root", noun];
      if (possessor !== null && dep === v && gov === possessor) return [noun, "compound", v];
      if (possessor === null && dep === v && gov === up[0] && rel === up[1]) return [newGov, newRel, noun];
      if (possessor === null && dep === v && gov < 0) return [-1, "root", noun];
      if (gov === v && dep === noun) return possessor === null ? [noun, "compound", v] : null;
      if (gov === v && rel.startsWith("obl"))
        return objectOfVerb ? [newGov, rel, dep] : [noun, rel.replace(/^obl/, "nmod"), dep];
      if (gov === v) return [noun, rel, dep];
      if (dep === v) return [gov, rel, noun];
      return [gov, rel, dep];
    });
    s = {
      ...s,
      deps: possessor === null ? s.deps : [...s.deps, [noun, "nmod:poss", possessor]],
      tokens: s.tokens.map((x, i) =>
        i === v
          ? { ...x, pos: capitalised ? "NNP" : "NN" }
          : i === possessor
            ? { ...x, head: noun }
            : i === noun && possessor !== null && !possUp
              ? { ...x, head: -1 }
              : x,
      ),
    };
  }
  return s;
}

/**
 * "Kazakhstan has become a hub, reselling Western electronics to Russia": a gerund clause after a
 * comma, with no subject of its own, hung on the verb before it as "dep". It is a free adjunct of
 * that verb, whose subject is also its subject.
 */
function freeAdjunctsReadAsDep(s: ParsedSentence): ParsedSentence {
  const adjuncts = s.deps.filter(
    ([gov, rel, dep]) =>
      rel === "dep" &&
      gov >= 0 &&
      dep > gov + 1 &&
      s.tokens[gov]!.pos.startsWith("VB") &&
      s.tokens[dep]!.pos === "VBG" &&
      s.tokens[dep - 1]!.word === "," &&
      s.tokens[dep]!.head === gov &&
      !s.deps.some(([g, r]) => g === dep && /^(nsubj|aux|mark)/.test(r)),
  );
  if (adjuncts.length === 0) return s;
  return rewrite(s, (e) => (adjuncts.includes(e) ? [e[0], "advcl", e[2]] : e));
}

/**
 * "Two planes landed at the airport on May 2 carrying rifles, a radar and a howitzer",
 * "…buttress for Russia in its war effort, probably supplying Moscow with technology": a gerund
 * clause after a comma hung on a date, or on a noun inside a prepositional phrase, at the end of
 * its clause. Dates and such nouns take no participle clause there: it is a free adjunct of the
 * verb above them. Appositions of the date after the clause continue the list of its object.
 */
function freeAdjunctsHungOnNouns(s: ParsedSentence): ParsedSentence {
  for (let v = 1; v < s.tokens.length; v++) {
    const t = s.tokens[v]!;
    if (t.pos !== "VBG") continue;
    let before = v - 1;
    while (before > 0 && s.tokens[before]!.pos.startsWith("RB")) before--;
    const up = s.deps.find(([gov, rel, dep]) => dep === v && gov === t.head && rel === "acl");
    if (!up || up[0] >= before) continue;
    if (s.deps.some(([gov, rel]) => gov === v && /^(nsubj|aux|mark)/.test(rel))) continue;
    const n = up[0];
    const isDate = s.tokens[n]!.ner === "DATE";
    const inPhrase = s.deps.some(([gov, rel]) => gov === n && rel === "case");
    // a date takes no clause at all; a noun in a phrase none after a comma
    if (!isDate && !(inPhrase && s.tokens[before]!.word === ",")) continue;
    const verb = nearestVerbAbove(s, s.tokens[n]!.head);
    if (verb < 0) continue;
    const obj = s.deps.find(([gov, rel]) => gov === v && rel === "obj")?.[2];
    const listed =
      isDate && obj !== undefined ? s.deps.filter(([gov, rel, dep]) => gov === n && rel === "appos" && dep > obj) : [];
    // a noun in a phrase: only when the clause closes the sentence
    if (
      !isDate &&
      s.tokens.slice(v + 1).some((x, i) => x.head >= 0 && x.head < v && x.pos !== "." && !inSubtree(s, v, v + 1 + i))
    )
      continue;
    s = rewrite(s, (e) => {
      if (e === up) return [verb, "advcl", e[2]];
      if (listed.includes(e)) return [obj!, "conj:and", e[2]];
      return e;
    });
    for (const l of listed) s = { ...s, deps: [...s.deps, [v, "obj", l[2]]] };
  }
  return s;
}

/**
 * "Two planes landed at the airport on May 3 carrying rifles, a radar and a howitzer": the gerund
 * read as an adjective of the noun after it, the phrase hanging as "dep" where no argument can
 * stand. With nothing before it in the phrase (no determiner, no possessive) it heads a clause of
 * the verb above; the noun and its conjuncts are its objects.
 */
function gerundsReadAsAdjectives(s: ParsedSentence): ParsedSentence {
  for (let v = 1; v + 1 < s.tokens.length; v++) {
    const n = v + 1;
    if (s.tokens[v]!.pos !== "VBG" || !s.deps.some(([gov, rel, dep]) => gov === n && rel === "amod" && dep === v))
      continue;
    const up = s.deps.find(([gov, rel, dep]) => dep === n && gov === s.tokens[n]!.head && rel === "dep");
    if (!up || up[0] > v) continue;
    if (s.deps.some(([gov, rel, dep]) => gov === n && dep < v && /^(det|nmod:poss|nummod|amod)$/.test(rel))) continue;
    const verb = nearestVerbAbove(s, up[0]);
    if (verb < 0) continue;
    // the conjuncts' copies of the misread edge
    const conjuncts = new Set(s.deps.filter(([gov, rel]) => gov === n && rel.startsWith("conj")).map((e) => e[2]));
    const listed = s.deps.filter(([gov, rel, dep]) => gov === up[0] && rel === "dep" && conjuncts.has(dep));
    s = rewrite(s, (e) => {
      const [gov, rel, dep] = e;
      if (gov === n && rel === "amod" && dep === v) return [verb, "advcl", v];
      if (e === up) return [v, "obj", n];
      if (listed.includes(e)) return [v, "obj", dep];
      return e;
    });
  }
  return s;
}

/**
 * "Sigma Electronics, which was sanctioned last year, ships chips to Iran": in a sentence left
 * without a main verb, the verb after the comma that closes the subject's relative clause or
 * apposition read as a plural noun modifying its object. It is the main verb: the rooted noun is
 * its subject, the noun it modified its object, that noun's phrases its obliques.
 */
function verbsReadAsPluralNouns(s: ParsedSentence, isFrameVerb: (lemma: string) => boolean): ParsedSentence {
  const root = s.deps.find(([gov]) => gov === -1)?.[2];
  if (root === undefined || !s.tokens[root]!.pos.startsWith("NN")) return s;
  for (let v = root + 2; v + 1 < s.tokens.length; v++) {
    const t = s.tokens[v]!;
    if (t.pos !== "NNS" || s.tokens[v - 1]!.word !== "," || !isFrameVerb(t.lemma.toLowerCase())) continue;
    const obj = s.deps.find(([gov, rel, dep]) => dep === v && rel === "compound" && gov > v)?.[0];
    if (obj === undefined) continue;
    // hung on the subject, or on the verb of its relative clause
    const up = s.deps.find(
      ([gov, rel, dep]) =>
        dep === obj &&
        gov === s.tokens[obj]!.head &&
        gov < v &&
        inSubtree(s, root, gov) &&
        /^(appos|dep|conj|obj)/.test(rel),
    );
    if (!up) continue;
    s = rewrite(s, (e) => {
      const [gov, rel, dep] = e;
      if (gov === -1 && dep === root) return [-1, "root", v];
      if (e === up) return [v, "obj", obj];
      if (gov === obj && dep === v) return [v, "nsubj", root];
      if (gov === obj && rel.startsWith("nmod:") && dep > obj) return [v, rel.replace(/^nmod:/, "obl:"), dep];
      if (gov === root && rel === "punct" && dep > obj) return [v, rel, dep];
      return e;
    });
    return {
      ...s,
      tokens: s.tokens.map((x, i) => (i === v ? { ...x, pos: "VBZ", head: -1 } : i === root ? { ...x, head: v } : x)),
    };
  }
  return s;
}

/**
 * "Nova Tech supplied Russian firms with machine tools, the Treasury said": the closing reporting
 * verb took the verb's object as a second subject, and hangs on the verb as its complement. The
 * reporting verb's own subject is the noun right before it; the other one goes back to the verb as
 * its object, and the reporting clause stands beside the clause it reports.
 */
function objectsReadAsSpeakers(s: ParsedSentence, isReportingVerb: (lemma: string) => boolean): ParsedSentence {
  for (let r = 2; r < s.tokens.length; r++) {
    if (!/^VB[DZP]$/.test(s.tokens[r]!.pos) || !isReportingVerb(s.tokens[r]!.lemma.toLowerCase())) continue;
    const subjects = s.deps.filter(([gov, rel]) => gov === r && rel === "nsubj").map((e) => e[2]);
    if (subjects.length < 2) continue;
    const own = Math.max(...subjects);
    const comma = s.tokens.findIndex((t, i) => i < own && i > Math.min(...subjects) && t.word === ",");
    const stray = subjects.filter((k) => k !== own && k < comma);
    const up = s.deps.find(([gov, rel, dep]) => dep === r && gov >= 0 && gov < Math.min(...stray) && rel === "ccomp");
    if (stray.length !== 1 || !up || s.deps.some(([gov, rel]) => gov === up[0] && rel === "obj")) continue;
    const v = up[0];
    s = rewrite(s, (e) => {
      if (e === up) return [v, "parataxis", r];
      if (e[0] === r && e[1] === "nsubj" && e[2] === stray[0]) return [v, "obj", e[2]];
      return e;
    });
  }
  return s;
}

/**
 * "supplied Russian firms with machine tools", "armed the rebels with rifles": the "with" phrase of
 * a verb of giving read as a modifier of its object. When the object is a party (a name, a
 * pronoun, or a noun of a named state or firm) and the verb has no "with" phrase, it is the verb's.
 */
function withPhrasesOnRecipients(s: ParsedSentence, isFrameVerb: (lemma: string) => boolean): ParsedSentence {
  const party = (n: number) => {
    const t = s.tokens[n]!;
    if (t.pos === "PRP" || /^NNPS?$/.test(t.pos) || /^(LOCATION|ORGANIZATION|PERSON)$/.test(t.ner)) return true;
    return s.deps.some(
      ([gov, rel, dep]) =>
        gov === n &&
        /^(amod|compound|nmod:poss)$/.test(rel) &&
        /^(MISC|LOCATION|ORGANIZATION)$/.test(s.tokens[dep]!.ner),
    );
  };
  const moves = s.deps.filter(([gov, rel, dep]) => {
    if (rel !== "nmod:with" || s.tokens[dep]!.head !== gov || !party(gov) || party(dep)) return false;
    const verb = s.deps.find(([v, r, o]) => o === gov && r === "obj" && v >= 0 && v < gov)?.[0];
    return (
      verb !== undefined &&
      isFrameVerb(s.tokens[verb]!.lemma.toLowerCase()) &&
      !s.deps.some(([v, r]) => v === verb && r === "obl:with")
    );
  });
  if (moves.length === 0) return s;
  return rewrite(s, (e) => {
    if (!moves.includes(e)) return e;
    const verb = s.deps.find(([v, r, o]) => o === e[0] && r === "obj" && v >= 0 && v < e[0])![0];
    return [verb, "obl:with", e[2]];
  });
}

/**
 * "the US named Ascend Aviation India Private Limited": a name whose first word the tagger took for
 * a verb ("Ascend", "Unite", "Progress"), read as a clause taking the rest of the name as its
 * object. Inside one recognised name there is no clause: the name's last word heads it in the
 * verb's place and the verb is a word of the name.
 */
function namesReadAsClauses(s: ParsedSentence): ParsedSentence {
  for (const span of s.spans) {
    if (span.end - span.begin < 2 || !/^(ORGANIZATION|PERSON|LOCATION|MISC)$/.test(span.ner)) continue;
    const v = span.begin;
    const last = span.end - 1;
    if (!s.tokens[v]!.pos.startsWith("VB")) continue;
    const inner = s.deps.find(([gov, rel, dep]) => gov === v && dep === last && /^(obj|dep|xcomp|ccomp)$/.test(rel));
    if (!inner) continue;
    const up = s.deps.find(([gov, , dep]) => dep === v && gov === s.tokens[v]!.head);
    const govIsVerb = up !== undefined && up[0] >= 0 && s.tokens[up[0]]!.pos.startsWith("VB");
    const hasObj = up !== undefined && s.deps.some(([gov, rel, dep]) => gov === up[0] && rel === "obj" && dep !== v);
    const rel = up && govIsVerb && /^(xcomp|dep|ccomp)$/.test(up[1]) ? (hasObj ? "dep" : "obj") : up?.[1];
    s = rewrite(s, (e) => {
      if (e === inner) return [last, "compound", v];
      if (up && e === up) return [up[0], rel!, last];
      if (e[2] === v && e[0] < 0) return [-1, "root", last];
      // enhanced copies of the name under the clause it was read as ("obj(said, Limited)") stay
      return e;
    });
    s = { ...s, tokens: s.tokens.map((x, i) => (i === v ? { ...x, pos: "NNP" } : x)) };
  }
  return s;
}

/**
 * "Ascend, which it said “sent 700 shipments to Russia”": a relative clause whose verb is
 * reported, read as a relative clause of the reporting verb with the real verb hanging on it. The
 * reported verb is the relative clause, its subject the antecedent; the reporting verb stands
 * beside it.
 */
function reportedRelativeClauses(s: ParsedSentence, isReportingVerb: (lemma: string) => boolean): ParsedSentence {
  for (const e of s.deps) {
    const [n, rel, r] = e;
    if (rel !== "acl:relcl" || !isReportingVerb(s.tokens[r]!.lemma.toLowerCase())) continue;
    if (!s.deps.some(([gov, rl, dep]) => gov === r && rl === "nsubj" && dep > n)) continue;
    const v = s.deps.find(
      ([gov, rl, dep]) => gov === r && /^(dep|ccomp)$/.test(rl) && dep > r && /^VB[DZP]$/.test(s.tokens[dep]!.pos),
    )?.[2];
    if (v === undefined || s.deps.some(([gov, rl]) => gov === v && rl.startsWith("nsubj"))) continue;
    s = rewrite(s, (x) => {
      if (x === e) return [n, "acl:relcl", v];
      if (x[0] === r && x[2] === v) return [v, "parataxis", r];
      // the antecedent is the object the reporting verb was given in the enhanced graph
      if (x[0] === r && x[1] === "obj" && x[2] === n) return [v, "nsubj", n];
      return x;
    });
    if (!s.deps.some(([gov, rl, dep]) => gov === v && rl === "nsubj" && dep === n))
      s = { ...s, deps: [...s.deps, [v, "nsubj", n]] };
    return s;
  }
  return s;
}

/**
 * "these shipments included over $200,000 worth of chips": "over" (or "under") before a figure
 * read as a preposition, the quantity an oblique of the verb. It says "more than": the phrase is
 * the verb's object when the verb has none.
 */
function quantitiesReadAsPhrases(s: ParsedSentence): ParsedSentence {
  const moves = s.deps.filter(([v, rel, n]) => {
    if (!/^obl:(over|under)$/.test(rel) || v < 0 || !s.tokens[v]!.pos.startsWith("VB")) return false;
    const c = s.deps.find(([gov, r]) => gov === n && r === "case")?.[2];
    const next = c === undefined ? undefined : s.tokens[c + 1];
    return (
      next !== undefined &&
      (next.pos === "CD" || next.pos === "$" || /^(MONEY|NUMBER)$/.test(next.ner)) &&
      !s.deps.some(([gov, r]) => gov === v && r === "obj")
    );
  });
  if (moves.length === 0) return s;
  const cases = new Set(moves.map(([, , n]) => s.deps.find(([gov, r]) => gov === n && r === "case")![2]));
  return rewrite(s, (e) => {
    if (moves.includes(e)) return [e[0], "obj", e[2]];
    if (e[1] === "case" && cases.has(e[2])) return [e[0], "advmod", e[2]];
    return e;
  });
}

/**
 * "The drones used in the attack were made in Iran": the participle that modifies the subject read
 * as a clausal subject whose own subject is the noun. A clause of one participle after its noun is
 * a reduced relative: the noun is the main verb's subject and the participle modifies it.
 */
function reducedRelativesReadAsSubjects(s: ParsedSentence): ParsedSentence {
  for (const e of s.deps) {
    const [v, rel, p] = e;
    if (!/^csubj(:pass)?$/.test(rel) || v < 0 || s.tokens[p]!.head !== v) continue;
    if (!/^VB[ND]$/.test(s.tokens[p]!.pos) || s.deps.some(([gov, r]) => gov === p && /^(aux|mark|obj)/.test(r)))
      continue;
    const n = s.deps.find(
      ([gov, r, dep]) => gov === p && r === "nsubj" && dep === p - 1 && s.tokens[dep]!.pos.startsWith("NN"),
    )?.[2];
    if (n === undefined) continue;
    const subjRel = rel === "csubj:pass" ? "nsubj:pass" : "nsubj";
    return rewrite(s, (x) => {
      if (x === e) return [n, "acl", p];
      if (x[0] === p && x[1] === "nsubj" && x[2] === n) return [v, subjRel, n];
      return x;
    });
  }
  return s;
}

/**
 * "Analysts say that China supplies optics to Russia": a verb tagged as a plural noun ("supplies",
 * "ships", "exports") that the parser nonetheless built as a clause, with a subject and an object
 * and no copula. A noun takes no object: it is the verb, in the present tense.
 */
function verbsTaggedAsNouns(s: ParsedSentence): ParsedSentence {
  const misread = s.tokens
    .map((t, i) => ({ t, i }))
    .filter(
      ({ t, i }) =>
        /^NNS?$/.test(t.pos) &&
        s.deps.some(([gov, rel]) => gov === i && rel === "nsubj") &&
        s.deps.some(([gov, rel]) => gov === i && rel === "obj") &&
        !s.deps.some(([gov, rel]) => gov === i && /^(cop|det|case)$/.test(rel)),
    )
    .map(({ i }) => i);
  if (misread.length === 0) return s;
  return {
    ...s,
    tokens: s.tokens.map((x, i) => (misread.includes(i) ? { ...x, pos: x.pos === "NNS" ? "VBZ" : "VBP" } : x)),
  };
}

/**
 * "Iran ships drones to Russia", "India imports oil from Russia", "officials said Armenia supplies
 * machine tools to Russia": a present-tense verb of the frames ("ships", "exports") tagged as a
 * plural noun between its subject's name and its object, the clause read as one noun phrase. Only
 * in a clause left without a verb (the phrase is the sentence, or what a reporting verb reports):
 * the verb heads the clause, the name is its subject, the noun phrase its object and the phrases
 * after it its obliques.
 */
function verbsReadAsCompoundNouns(
  s: ParsedSentence,
  isFrameVerb: (lemma: string) => boolean,
  isReportingVerb: (lemma: string) => boolean,
): ParsedSentence {
  for (let v = 1; v + 1 < s.tokens.length; v++) {
    const t = s.tokens[v]!;
    const subj = v - 1;
    if (t.pos !== "NNS" || !/s$/.test(t.word) || !isFrameVerb(t.lemma.toLowerCase())) continue;
    if (!/^NNPS?$/.test(s.tokens[subj]!.pos)) continue;
    // "The EU targets Chinese firms", "Iran arms the Houthis": the sentence rooted on the verb itself,
    // its subject a modifier and its object hanging as "dep"
    if (s.deps.some(([gov, , dep]) => gov === -1 && dep === v)) {
      if (!s.deps.some(([gov, rel, dep]) => gov === v && rel === "compound" && dep === subj)) continue;
      // no finite verb anywhere else
      if (s.tokens.some((x, i) => i !== v && /^(VBD|VBZ|VBP|MD)$/.test(x.pos))) continue;
      s = rewrite(s, (e) => {
        const [gov, rel, dep] = e;
        if (gov === v && rel === "compound" && dep === subj) return [v, "nsubj", subj];
        if (gov === v && rel === "det" && dep < subj) return [subj, rel, dep];
        if (gov === v && rel === "dep" && dep > v) return [v, "obj", dep];
        if (gov === v && dep > v && rel.startsWith("nmod:")) return [v, rel.replace(/^nmod:/, "obl:"), dep];
        return e;
      });
      return { ...s, tokens: s.tokens.map((x, i) => (i === v ? { ...x, pos: "VBZ" } : x)) };
    }
    // the noun the phrase was built on: "drones" in "Iran ships drones", "oil" in "India imports oil"
    const n = s.deps.find(([gov, rel, dep]) => dep === v && gov > v && /^(compound|nsubj)$/.test(rel))?.[0];
    if (n === undefined || !s.tokens[n]!.pos.startsWith("NN")) continue;
    if (!s.deps.some(([gov, rel, dep]) => dep === subj && rel === "compound" && (gov === v || gov === n))) continue;
    const up = s.deps.find(([gov, , dep]) => dep === n && gov === s.tokens[n]!.head);
    if (!up) continue;
    const root = up[0] === -1;
    const reported =
      up[0] >= 0 && up[0] < subj && up[1] === "obj" && isReportingVerb(s.tokens[up[0]]!.lemma.toLowerCase());
    if (!root && !reported) continue;
    const g = up[0];
    s = rewrite(s, (e) => {
      const [gov, rel, dep] = e;
      if (e === up) return root ? [-1, "root", v] : [g, "ccomp", v];
      if (dep === v && gov === n) return [v, "obj", n];
      if (dep === subj && rel === "compound" && (gov === v || gov === n)) return [v, "nsubj", subj];
      if (gov === n && dep > n && /^(nmod|obl):/.test(rel)) return [v, rel.replace(/^nmod:/, "obl:"), dep];
      if (gov === n && rel === "punct" && dep > n) return [v, rel, dep];
      // what the reporting verb took after the phrase belongs to the reported clause
      if (reported && gov === g && dep > n && /^obl:/.test(rel)) return [v, rel, dep];
      return e;
    });
    return { ...s, tokens: s.tokens.map((x, i) => (i === v ? { ...x, pos: "VBZ" } : x)) };
  }
  return s;
}

/**
 * "designated Yunze Ltd for supplying engines to Russia": the preposition read as the head of an
 * adverbial clause, the gerund hanging on it. The gerund heads the clause, the preposition marks it.
 */
function prepositionsReadAsClauseHeads(s: ParsedSentence): ParsedSentence {
  for (const e of s.deps) {
    const [v, rel, p] = e;
    if (v < 0 || !/^(advcl|obl|dep)$/.test(rel) || s.tokens[p]!.pos !== "IN" || s.tokens[p]!.head !== v) continue;
    const gerund = s.deps.find(
      ([gov, r, dep]) => gov === p && r === "dep" && dep === p + 1 && s.tokens[dep]!.pos === "VBG",
    )?.[2];
    if (gerund === undefined || !s.tokens[v]!.pos.startsWith("VB")) continue;
    const prep = s.tokens[p]!.lemma.toLowerCase();
    return rewrite(s, (x) => {
      if (x === e) return [v, `advcl:${prep}`, gerund];
      if (x[0] === p && x[2] === gerund) return [gerund, "mark", p];
      return x;
    });
  }
  return s;
}

/**
 * "a contractor sanctioned by the United States", "chips made by Dutch firms": a past participle
 * that modifies a noun is passive, and its "by" phrase (a party, not a date or a gerund) is its
 * agent, which the parser left a plain "by" phrase.
 */
function agentsOfReducedRelatives(s: ParsedSentence): ParsedSentence {
  const agents = s.deps.filter(([v, rel, x]) => {
    if (rel !== "obl:by" || v < 0 || s.tokens[v]!.pos !== "VBN") return false;
    if (!s.deps.some(([gov, r, dep]) => dep === v && gov >= 0 && /^(acl|amod)$/.test(r))) return false;
    if (s.deps.some(([gov, r]) => gov === v && /^(aux|obl:agent)/.test(r))) return false;
    const t = s.tokens[x]!;
    return t.pos.startsWith("NN") && t.ner !== "DATE";
  });
  if (agents.length === 0) return s;
  return rewrite(s, (e) => (agents.includes(e) ? [e[0], "obl:agent", e[2]] : e));
}

/**
 * "sent Shahed-136 and Shahed-131 drones": a capitalised word inside the sentence that the tagger
 * took for a past participle ("Shahed") but the parser uses as a noun (an object, a subject, a
 * conjunct of a noun, with a number of its own). It is a name.
 */
function namesTaggedAsVerbs(s: ParsedSentence): ParsedSentence {
  const nominal = /^(obj|iobj|nsubj|nsubj:pass|compound|appos|nmod(:.*)?|obl(:.*)?)$/;
  const misread = s.tokens
    .map((t, i) => ({ t, i }))
    .filter(({ t, i }) => {
      if (i === 0 || !/^VB[DN]$/.test(t.pos) || !/^\p{Lu}/u.test(t.word)) return false;
      if (s.deps.some(([gov, rel]) => gov === i && /^(aux|nsubj|obj|mark)/.test(rel))) return false;
      return (
        s.deps.some(([gov, rel, dep]) => dep === i && gov >= 0 && nominal.test(rel)) ||
        s.deps.some(([gov, rel]) => gov === i && rel === "nummod")
      );
    })
    .map(({ i }) => i);
  if (misread.length === 0) return s;
  return { ...s, tokens: s.tokens.map((x, i) => (misread.includes(i) ? { ...x, pos: "NNP" } : x)) };
}

/**
 * "five entities based in Iran, China and Hong Kong": the participle read as a preposition of the
 * place ("based" a case marker beside "in"), the place then hung on the sentence's verb. A
 * participle marks no case: it modifies the noun before it and the place is its oblique.
 */
function participlesReadAsPrepositions(s: ParsedSentence): ParsedSentence {
  for (const e of s.deps) {
    const [n, rel, b] = e;
    if (rel !== "case" || s.tokens[b]!.pos !== "VBN" || b === 0 || !s.tokens[b - 1]!.pos.startsWith("NN")) continue;
    const prep = s.deps.find(
      ([gov, r, dep]) => gov === n && r === "case" && dep === b + 1 && s.tokens[dep]!.pos === "IN",
    );
    if (!prep) continue;
    // the noun before it, or the first of the nouns it closes a list of ("five entities and one individual based in")
    const h = s.deps.find(([gov, r, dep]) => dep === b - 1 && r.startsWith("conj") && gov < b - 1)?.[0] ?? b - 1;
    const p = s.tokens[b + 1]!.lemma.toLowerCase();
    const conjuncts = new Set(s.deps.filter(([gov, r]) => gov === n && r.startsWith("conj")).map((x) => x[2]));
    const up = s.deps.find(([gov, , dep]) => dep === n && gov === s.tokens[n]!.head);
    if (!up || up[0] === b) continue;
    s = rewrite(s, (x) => {
      if (x === e) return null;
      if (x === up) return [b, `obl:${p}`, n];
      // the conjuncts' copies of the misread edge
      if (x[0] === up[0] && x[1] === up[1] && conjuncts.has(x[2])) return [b, `obl:${p}`, x[2]];
      return x;
    });
    return {
      ...s,
      deps: [...s.deps, [h, "acl", b]],
      tokens: s.tokens.map((t, i) => (i === b ? { ...t, head: h } : t)),
    };
  }
  return s;
}

/** the nearest verb above token k ("a verb" with a determiner is a noun tagged wrong), or -1 */
function nearestVerbAbove(s: ParsedSentence, k: number): number {
  const isVerb = (x: number) =>
    s.tokens[x]!.pos.startsWith("VB") && !s.deps.some(([gov, rel]) => gov === x && rel === "det");
  let verb = k;
  for (let depth = 0; verb >= 0 && !isVerb(verb) && depth < 6; depth++) verb = s.tokens[verb]!.head;
  return verb >= 0 && isVerb(verb) ? verb : -1;
}

/** the first token after k past a model number written onto it ("Shahed-131 drones": "drones") */
function pastModelNumber(s: ParsedSentence, k: number): number {
  let o = k + 1;
  while (o < s.tokens.length - 1 && /^(HYPH|CD)$/.test(s.tokens[o]!.pos) && s.tokens[o]!.start === s.tokens[o - 1]!.end)
    o++;
  return o;
}

function inSubtree(s: ParsedSentence, root: number, k: number): boolean {
  for (let x = k, depth = 0; x >= 0 && depth < 40; x = s.tokens[x]!.head, depth++) if (x === root) return true;
  return false;
}

/**
 * "OFAC sanctioned Zeta for supplying Iran with drones", "the firm was listed after selling Russia
 * chips through Armenia": a phrase after a gerund or participle clause attached to the verb that
 * governs the clause. A phrase that closes a clause belongs to the clause's own verb when that verb
 * is a frame verb and has no such phrase yet; the verb of the sentence keeps those it had before.
 */
function phrasesAfterEmbeddedVerbs(s: ParsedSentence, isFrameVerb: (lemma: string) => boolean): ParsedSentence {
  const moves = new Map<Dependency, number>();
  for (const e of s.deps) {
    const [v, rel, x] = e;
    // on the verb that governs the clause, or on the noun it describes ("its role in selling engines to Iran")
    if (v < 0 || !/^(obl|nmod):(with|to|into|through|via)$/.test(rel) || s.tokens[x]!.head !== v) continue;
    const inner = s.deps.find(
      ([gov, r, dep]) =>
        gov === v &&
        /^(advcl|xcomp|acl)/.test(r) &&
        dep > v &&
        dep < x &&
        /^VB[GN]?$/.test(s.tokens[dep]!.pos) &&
        isFrameVerb(s.tokens[dep]!.lemma.toLowerCase()) &&
        s.tokens[dep]!.head === v,
    )?.[2];
    const innerRel = rel.replace(/^nmod:/, "obl:");
    if (inner === undefined || s.deps.some(([gov, r]) => gov === inner && r === innerRel)) continue;
    // the clause must reach the phrase: nothing of the outer verb's between them
    if (
      s.deps.some(
        ([gov, , dep]) =>
          gov === v && dep > inner && dep < x && s.tokens[dep]!.head === v && s.tokens[dep]!.pos !== ",",
      )
    )
      continue;
    if (!s.deps.some(([gov, r]) => gov === inner && /^(obj|iobj)$/.test(r))) continue;
    moves.set(e, inner);
  }
  if (moves.size === 0) return s;
  return rewrite(s, (e) => (moves.has(e) ? [moves.get(e)!, e[1].replace(/^nmod:/, "obl:"), e[2]] : e));
}

/** Rewrites edges; a token whose tree edge moved takes its new governor as head. */
function rewrite(s: ParsedSentence, edit: Edit): ParsedSentence {
  const heads = s.tokens.map((t) => t.head);
  const deps: Dependency[] = [];
  for (const e of s.deps) {
    const out = edit(e);
    if (!out) continue;
    // the tree edge of a token: wherever it now points, that is the token's head
    if (e[0] === s.tokens[e[2]]!.head && (out[0] !== e[0] || out[2] !== e[2])) heads[out[2]] = out[0];
    deps.push(out);
  }
  return { ...s, deps, tokens: s.tokens.map((t, i) => ({ ...t, head: heads[i]! })) };
}
