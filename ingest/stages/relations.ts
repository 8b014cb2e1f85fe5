import type { Lexicon } from "../vocab/vocab.js";
import type { Draft, Ref } from "./draft.js";
import type { FrameContext } from "./context.js";
import { parseItems } from "./items.js";
import { A, ADV, AL, alt, APPOSITIVE, hasText, NOT_AFTER_PREP, PRON, rx, tailWords } from "./patterns.js";
import { openGates } from "./gates.js";
import { actorsIn, modifiersIn, type SentenceView } from "./view.js";

/**
 * Frames for the relation types other than SUPPLIES: AFFILIATED_WITH (titles, appositives),
 * ATTACKS, SANCTIONS, PRODUCES, USES, COOPERATES_WITH, TRADES_WITH, COMPONENT_OF, LOCATED_IN.
 */

const derivedCache = new WeakMap<Lexicon, { ATTV: string; SANV: string }>();

/** Verb alternations without the ambiguous forms ("strikes", "sanctions" are usually nouns). */
function derived(lex: Lexicon): { ATTV: string; SANV: string } {
  let d = derivedCache.get(lex);
  if (!d) {
    d = {
      ATTV: alt(
        lex.attackVerbs.filter(
          (v) => !/^(?:launched|fired|hit|hits|target|targets|strike|strikes|attack|attacks|shells)$/.test(v),
        ),
      ),
      SANV: alt(lex.sanctionVerbs.filter((v) => !/^(?:sanctions|sanction|targets)$/.test(v))),
    };
    derivedCache.set(lex, d);
  }
  return d;
}

/** text ending in a transitive verb (and an article): the next name is its object, no subject */
const OBJECT_OF_VERB =
  /\b(?:attacked|attacks|struck|strikes|hit|hits|bombed|shelled|targeted|targets|pounded|bombarded|invaded|captured|seized)\s+(?:the\s+)?$/;
/** Where a list of sanction targets ends: its reason or its context ("... for supplying drones"). */
const TARGET_END_WORDS = "for|over|after|because|due|amid|in\\s+response|to\\s+punish|as\\s+part";
const TARGET_END = new RegExp(`\\s(?:${TARGET_END_WORDS})\\b`);
/** ... or a relative clause, for a target that is a named actor ("«X», which ...") */
const TARGET_END_OR_RELATIVE = new RegExp(`\\s(?:${TARGET_END_WORDS}|which|who|that)\\b`);
/** nouns naming a site ("test site", "plant", "special economic zone") */
const SITE_HEADS =
  "(?:test\\s+site|site|plant|factory|facility|base|air\\s+base|airfield|airport|complex|zone|shipyard|depot|refinery|port|arsenal|range|works)";
/** what attacks hit when no place or actor is named ("energy infrastructure", "cities") */
const TARGET_HEADS =
  "(?:infrastructure|grid|power\\s+plants?|power\\s+stations?|energy\\s+facilities|facilities|ports?|airfields?|air\\s+bases?|refiner(?:y|ies)|depots?|cities|towns|villages|positions|hospitals?|schools?)";
const TARGET_HEAD_WORDS =
  /\b(?:infrastructure|grid|plants?|stations?|facilities|ports?|airfields?|bases?|refiner(?:y|ies)|depots?|cities|towns|villages|positions|hospitals?|schools?)\b/;
/** Who a sanction names by where they are: "companies in", "firms based in" (group noun, countries) */
const GROUP_NOUNS =
  "entities|companies|firms|individuals|businesses|banks|traders|suppliers|vessels|tankers|organizations|organisations";
const GROUP_IN = new RegExp(
  `\\b(${GROUP_NOUNS})\\s+(?:(?:based|located|registered)\\s+)?in\\s+((?:the\\s+)?«\\d+»(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+)(?:the\\s+)?«\\d+»)*)`,
);
/** a sanction's target: an actor, or the one another possesses ("«China»'s «Sinno Electronics»"), with a gloss in brackets */
const TARGET = "«\\d+»(?:['’]s\\s+«\\d+»)?(?:\\s*\\([^)]*\\))?";
/** Words between a sanctioning verb and its target; a preposition means the target is not what was sanctioned ("companies in «China»") */
const SKIPPED_WORD =
  "(?!(?:in|from|of|to|with|for|by|over|on|at|linked|tied|based|connected|located|registered)\\b)[a-z\\d-]+\\s+";

const titlePartsCache = new WeakMap<Lexicon, Set<string>>();

/** Words a title is made of: those of the lexicon's titles and the modifiers they take. */
function titleParts(lex: Lexicon): Set<string> {
  let parts = titlePartsCache.get(lex);
  if (!parts) {
    parts = new Set(lex.personTitles.flatMap((t) => t.toLowerCase().split(/\s+/)));
    for (const w of [
      "of",
      "for",
      "former",
      "acting",
      "then",
      "deputy",
      "vice",
      "senior",
      "chief",
      "top",
      "first",
      "assistant",
      "special",
      "foreign",
      "defense",
      "defence",
      "ministry",
      "affairs",
      "security",
      "national",
      "intelligence",
      "military",
      "state",
      "trade",
      "economy",
      "economic",
      "finance",
      "energy",
      "interior",
      "industry",
      "commerce",
      "treasury",
      "armed",
      "forces",
      "general",
    ])
      parts.add(w);
    titlePartsCache.set(lex, parts);
  }
  return parts;
}

const mention = (idx: number): Ref => ({ kind: "mention", idx });
const item = (name: string, type: "Item" | "Weapon" = "Item"): Ref => ({ kind: "item", name, type });

export function relationFrames(view: SentenceView, ctx: FrameContext): Draft[] {
  const out: Draft[] = [];
  const m = view.masked;
  const men = view.mentions;
  const lex = ctx.lex;
  const gate = openGates(view, ctx.lex);
  const run = (re: RegExp, f: (x: RegExpExecArray) => void) => {
    re.lastIndex = 0;
    for (let x: RegExpExecArray | null; (x = re.exec(m)) !== null;) {
      f(x);
      if (x[0].length === 0) re.lastIndex++;
    }
  };
  const idx = (x: RegExpExecArray, g: number) => x.indices![g]!;
  const items = (a: number, b: number) => parseItems(view, a, b, ctx.items);
  const typeOf = (i: number) => men[i]?.entity.type;
  const isActor = (i: number) => ["Country", "Organization", "Group"].includes(typeOf(i) ?? "");
  // noun and title frames carry no polarity of their own ("U.S. President Trump has not secured ...")
  const push = (d: Omit<Draft, "verbAt"> & { verbAt?: number }) =>
    out.push({ verbAt: d.span[0], ...(/:verb/.test(d.rule) ? {} : { negated: false }), ...d });
  // one draft per subject × listed item: the shared tail of every item frame
  const pushItems = (
    predicate: string,
    subjects: readonly Ref[],
    its: ReadonlyArray<{ name: string; type: "Item" | "Weapon" }>,
    d: { span: [number, number]; rule: string; confidence: number; verbAt?: number; plural?: boolean },
  ) => {
    for (const subject of subjects)
      for (const it of its)
        push({
          predicate,
          subject,
          object: item(d.plural ? pluralize(it.name) : it.name, it.type),
          span: d.span,
          ...(d.verbAt !== undefined ? { verbAt: d.verbAt } : {}),
          rule: d.rule,
          confidence: d.confidence,
        });
  };
  const subjOf = (s: string, at: number): Ref[] =>
    /^(?:it|they|its|their)$/i.test(s.trim()) ? ctx.pronoun(view, at) : actorsIn(s).map(mention);

  // ---- AFFILIATED_WITH ----
  const titleWords = alt(lex.personTitles);
  men.forEach((p, pi) => {
    if (p.entity.type !== "Person") return;
    const tag = `«${pi}»`;
    const at = m.indexOf(tag);
    if (at < 0) return;
    // "«U.S.» President «Donald Trump»", "‹Chinese› leader «Xi»", "«China»'s foreign ministry spokesperson «Wang»"
    const before = m.slice(0, at);
    const titled = rx(ctx.lex, "relations:2", () => `(?:^|\\s|-)(?:${titleWords})\\s*$`, "i");
    const t = rx(
      ctx.lex,
      "relations:1",
      () =>
        `(«\\d+»|‹\\d+›)(?:'s)?\\s+((?:then-|former\\s+|ex-|acting\\s+)?(?:(?!(?:including|and|or|with|by|for|to|from|in|at|on|the|a|an|said|says|told)\\s)(?:[A-Za-z][A-Za-z-]*|of)\\s+){0,4}?)$`,
    ).exec(before);
    // every word between the actor and the name belongs to the title ("«China»'s foreign ministry
    // spokesperson «Wang»"): "a «U.S.» official met President «Xi»" does not make Xi American
    const titleWithActor =
      t !== null &&
      t[2]!.trim().length > 0 &&
      titled.test(t[2]!) &&
      t[2]!
        .trim()
        .split(/\s+/)
        .every((w) => /^[A-Z]/.test(w) || titleParts(lex).has(w.toLowerCase().replace(/^(?:then|ex)-/, "")));
    if (titleWithActor) {
      const o = Number(t![1]!.slice(1, -1));
      push({
        predicate: "AFFILIATED_WITH",
        subject: mention(pi),
        object: mention(o),
        span: [t!.index, at + tag.length],
        rule: "affiliation:title",
        confidence: 0.85,
      });
    }
    // "President «Xi Jinping»": a title alone, and a person the vocabulary knows (people.json)
    const serves = ctx.serves(p.entity.name);
    if (serves && !titleWithActor && titled.test(before)) {
      const title = /(?:^|\s)((?:[A-Z][\w-]*\s+){1,3})$/.exec(before);
      push({
        predicate: "AFFILIATED_WITH",
        subject: mention(pi),
        object: serves,
        span: [title ? title.index + title[0].length - title[1]!.length : at, at + tag.length],
        rule: "affiliation:known-person",
        confidence: 0.7,
      });
    }
    const after = m.slice(at + tag.length);
    // "«Oleh Ivashchenko», head of «Foreign Intelligence Service of Ukraine»", "«X», a senior fellow at the «Atlantic Council»"
    const ap = rx(
      ctx.lex,
      "relations:3",
      () =>
        `^,\\s+(?:a\\s+|an\\s+|the\\s+|then\\s+|now\\s+|former\\s+)?(?:(?:«\\d+»|‹\\d+›)(?:'s)?\\s+)?(?:[A-Za-z-]+\\s+){0,3}?(?:${titleWords})(?:\\s+(?:of|at|for|with|in)\\s+(?:the\\s+)?(«\\d+»))?`,
      "i",
    ).exec(after);
    if (ap) {
      const inner = /(«\d+»|‹\d+›)/.exec(ap[0]);
      const org = ap[1] ?? inner?.[1];
      if (org) {
        const o = Number(org.slice(1, -1));
        if (men[o]?.entity.type !== "Person")
          push({
            predicate: "AFFILIATED_WITH",
            subject: mention(pi),
            object: mention(o),
            span: [at, at + tag.length + ap[0].length],
            rule: "affiliation:appositive",
            confidence: 0.8,
          });
      }
    }
    // "«Sergey Surovikin» was the commander-in-chief of the «Russian army»"
    const was = rx(
      ctx.lex,
      "relations:4",
      () =>
        `^\\s+(?:is|was|has\\s+been|had\\s+been|became|serves\\s+as|served\\s+as)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[A-Za-z-]+\\s+){0,3}?(?:${titleWords})\\s+(?:of|at|for|in)\\s+(?:the\\s+)?(«\\d+»)`,
      "i",
    ).exec(after);
    if (was)
      push({
        predicate: "AFFILIATED_WITH",
        subject: mention(pi),
        object: mention(Number(was[1]!.slice(1, -1))),
        span: [at, at + tag.length + was[0].length],
        rule: "affiliation:copula",
        confidence: 0.8,
      });
    if (p.affiliation) {
      const o = men.findIndex((x) => x.start === p.affiliation!.start && x.end === p.affiliation!.end);
      if (o >= 0)
        push({
          predicate: "AFFILIATED_WITH",
          subject: mention(pi),
          object: mention(o),
          span: [at, m.indexOf(`«${o}»`) + 4],
          rule: "affiliation:of",
          confidence: 0.75,
        });
    }
  });

  // ---- ATTACKS ----
  // "its war against Ukraine": only when one state other than the target is named before
  const unambiguousState = (at: number, target: number): Ref[] => {
    const tid = men[target]!.entity.id;
    const ids = new Set<string>();
    let pick: number | undefined;
    for (const i of [...actorsIn(m.slice(0, at)), ...modifiersIn(m.slice(0, at))]) {
      const e = men[i]!.entity;
      if (e.type !== "Country" || e.id === tid) continue;
      ids.add(e.id);
      pick = i;
    }
    return ids.size === 1 && pick !== undefined ? [mention(pick)] : [];
  };
  const { ATTV, SANV } = derived(lex);
  const ATTN = alt(lex.attackNouns);
  if (gate("attackVerbs"))
    run(
      rx(
        ctx.lex,
        "relations:5",
        () =>
          `${NOT_AFTER_PREP}(${AL}|${PRON})${APPOSITIVE},?${ADV}\\s+(?:${ATTV})\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,2}?(${A})`,
        "gd",
      ),
      (x) => {
        const t = Number(x[2]!.slice(1, -1));
        if (typeOf(t) === "Person") return;
        const subs = /^(?:it|they)$/i.test(x[1]!.trim()) ? unambiguousState(x.index, t) : actorsIn(x[1]!).map(mention);
        for (const s of subs)
          push({
            predicate: "ATTACKS",
            subject: s,
            object: mention(t),
            span: [x.index, idx(x, 2)[1]],
            verbAt: idx(x, 1)[1],
            rule: "attacks:verb",
            confidence: 0.8,
          });
      },
    );
  // a target named by what it is: "«Russia» attacked ‹Ukrainian› energy infrastructure", "struck
  // civilian infrastructure", "pounded ‹Ukrainian› cities" (not "the port of «Odesa»": that is Odesa)
  if (gate("attackVerbs") && TARGET_HEAD_WORDS.test(m))
    run(
      rx(
        ctx.lex,
        "relations:attacks-what",
        () =>
          `${NOT_AFTER_PREP}(${AL}|${PRON})${APPOSITIVE},?${ADV}\\s+(?:${ATTV})\\s+((?:the\\s+)?(?:‹\\d+›\\s+)?(?:[a-z-]+\\s+){0,2}?${TARGET_HEADS})\\b(?!\\s+of\\s+(?:the\\s+)?«)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        const name = view.sentence.text
          .slice(view.orig(a) - view.sentence.start, view.orig(b) - view.sentence.start)
          .replace(/^the\s+/i, "");
        for (const s0 of subjOf(x[1]!, x.index))
          push({
            predicate: "ATTACKS",
            subject: s0,
            object: { kind: "item", name, type: "Item" },
            span: [x.index, b],
            verbAt: idx(x, 1)[1],
            rule: "attacks:target-noun",
            confidence: 0.7,
          });
      },
    );
  // "Russia's invasion of Ukraine", "its war against Ukraine", "unleashed a massive air assault on Ukraine's cities"
  // also "«Russia» is conducting military operations against «Ukraine»" (operations only "against")
  if (hasText(m, tailWords(lex.attackNouns)) || m.includes(" operations against "))
    run(
      rx(
        ctx.lex,
        "relations:6",
        () =>
          `(${A}'s?|‹\\d+›|\\bits|\\btheir|${A}(?:${ADV})\\s+(?:began|begins|launched|launches|launching|started|starts|unleashed|waged|wages|waging|continues|continued|carried\\s+out|carries\\s+out|carrying\\s+out|conducted|conducts|conducting|conduct)\\s+(?:its|their|a|an|the)?)\\s*(?:[a-z-]+\\s+){0,3}?(?:(?:${ATTN})\\s+(?:of|on|against|in)|operations\\s+against)\\s+(?:the\\s+)?(${A})`,
        "gd",
      ),
      (x) => {
        const t = Number(x[2]!.slice(1, -1));
        if (typeOf(t) === "Person") return;
        let subs: Ref[] = [...actorsIn(x[1]!), ...modifiersIn(x[1]!)]
          .filter((i) => typeOf(i) !== "Person")
          .map(mention);
        if (subs.length === 0 && /^(?:its|their)\b/i.test(x[1]!.trim())) subs = unambiguousState(x.index, t);
        for (const s of subs.slice(0, 1))
          push({
            predicate: "ATTACKS",
            subject: s,
            object: mention(t),
            span: [x.index, idx(x, 2)[1]],
            rule: "attacks:noun",
            confidence: 0.75,
          });
      },
    );
  // "Russian strikes ... left civilians dead in the «Odesa» region", "a ‹Russian› drone demolished their home" near "in «Bohodukhiv»"
  const strikeNoun =
    "(?:strikes?|attacks?|assaults?|air\\s+strikes?|airstrikes?|drones?|missiles?|shelling|bombardment|barrage)";
  const attackers = [...actorsIn(m), ...modifiersIn(m)].filter((i) => {
    const tag = m.indexOf(men[i]!.role === "actor" ? `«${i}»` : `‹${i}›`);
    const follow = m.slice(tag, tag + 40);
    return (
      (typeOf(i) === "Country" &&
        rx(
          ctx.lex,
          "relations:7",
          () => `^[«‹]\\d+[»›](?:\\s+(?:military|air|missile|drone|overnight|night))?\\s+${strikeNoun}\\b`,
        ).test(follow)) ||
      (men[i]!.role === "actor" && /\b(strikes?|attacks?)$/.test(men[i]!.surface))
    );
  });
  if (
    attackers.length > 0 &&
    /\b(?:killed|kill|kills|left|leave|leaves|demolished|destroyed|damaged|hit|struck|wounded|injured|dead)\b/.test(m)
  ) {
    const a0 = attackers[0]!;
    const aid = men[a0]!.entity.id;
    run(
      /\b(?:in|on|at)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:(?:[A-Za-z-]+|‹\d+›)-controlled\s+)?(?:‹\d+›\s+)?(?:(?:town|city|village|region|oblast|port)\s+of\s+)?(«\d+»(?:\s+and\s+«\d+»)?)(?:\s+(?:regions?|oblasts?|province))?/g,
      (x) => {
        for (const t of actorsIn(x[1]!)) {
          const e = men[t]!.entity;
          if (
            e.id === aid ||
            e.type === "Person" ||
            (e.type === "Organization" &&
              !/^(Place|Facility)$/.test(men[t]!.type) &&
              !/\b(regions?|oblast)\b/.test(x[0]))
          )
            continue;
          push({
            predicate: "ATTACKS",
            subject: mention(a0),
            object: mention(t),
            span: [0, m.length],
            rule: "attacks:strike-location",
            confidence: 0.65,
          });
        }
      },
    );
  }

  // "it had fired ... missiles at hangars ... on the «Kapustin Yar» test site"
  if (gate("fired_launched"))
    run(
      rx(
        ctx.lex,
        "relations:fired-at",
        () =>
          `(${A}|${PRON})${ADV}\\s+(?:fired|launched|struck|hit)\\b[^.;]*?\\b(?:on|at|against)\\s+(?:the\\s+)?(«\\d+»)`,
        "gd",
      ),
      (x) => {
        const t = Number(x[2]!.slice(1, -1));
        if (!/^(Facility|Place)$/.test(men[t]!.type)) return;
        for (const s0 of subjOf(x[1]!, x.index))
          push({
            predicate: "ATTACKS",
            subject: s0,
            object: mention(t),
            span: [x.index, idx(x, 2)[1]],
            rule: "attacks:fired-at",
            confidence: 0.65,
          });
      },
    );

  // ---- SANCTIONS ----
  const sanction = (
    subject: Ref,
    object: Ref,
    span: [number, number],
    rule: string,
    confidence: number,
    verbAt?: number,
  ) =>
    push({
      predicate: "SANCTIONS",
      subject,
      object,
      span,
      ...(verbAt !== undefined ? { verbAt } : {}),
      rule,
      confidence,
    });
  const groupOrMention = (i: number): Ref => {
    const x = men[i]!;
    // "«Türkiye»-based companies": the companies, not the state
    const tag = `«${i}»`;
    const based =
      /^-based\s+((?:[a-z-]+\s+)?(?:companies|company|firms|firm|entities|entity|businesses|banks|suppliers|traders|individuals))\b/.exec(
        m.slice(m.indexOf(tag) + tag.length),
      );
    if (based) return { kind: "item", name: `${x.surface}-based ${based[1]}`, type: "Item" };
    // "Russian banks", "Turkish entities": the group named, not the whole state
    if (x.type === "Country" && x.source !== "gazetteer" && x.surface !== x.name && /\s/.test(x.surface))
      return { kind: "item", name: x.surface.replace(/^the\s+/i, ""), type: "Item" };
    return mention(i);
  };
  const targetsFrom = (s: number, e0: number): Ref[] => {
    const stop = TARGET_END_OR_RELATIVE.exec(m.slice(s, e0));
    const e = stop ? s + stop.index : e0;
    const seg = m.slice(s, e);
    const acts = actorsIn(seg).filter((i) => typeOf(i) !== "Person");
    // "12 companies in «China» and «Hong Kong»": the companies in each, not the states
    const groupIn = GROUP_IN.exec(seg);
    if (groupIn)
      return actorsIn(groupIn[2]!).map((i): Ref => ({
        kind: "item",
        name: `${groupIn[1]} in ${men[i]!.surface.replace(/^the\s+/i, "")}`,
        type: "Item",
      }));
    if (acts.length > 0)
      return acts.map((i): Ref => {
        const x = men[i]!;
        // "Russian banks", "Turkish entities": the group named, not the whole state
        if (x.type === "Country" && x.source !== "gazetteer" && x.surface !== x.name && /\s/.test(x.surface))
          return { kind: "item", name: x.surface.replace(/^the\s+/i, ""), type: "Item" };
        return mention(i);
      });
    // "Russian oil exports", "regional Russian banks": a demonym phrase as target
    const np = /^(?:the\s+)?((?:[a-z-]+\s+){0,2}?‹\d+›(?:\s+[a-z-]+){1,3})/.exec(seg);
    if (np) {
      const a = view.orig(s + seg.indexOf(np[1]!));
      const b = view.orig(s + seg.indexOf(np[1]!) + np[1]!.length);
      const name = view.sentence.text
        .slice(a - view.sentence.start, b - view.sentence.start)
        .replace(/\s+(?:which|that|and|who)$/, "");
      return [{ kind: "item", name, type: "Item" }];
    }
    return [];
  };
  // "«China»'s «Sinno Electronics» and «Demirci»": the possessed actor where there is one
  const possessedActors = (text: string): number[] =>
    [...text.matchAll(/«(\d+)»(?:['’]s\s+«(\d+)»)?/g)].map((g) => Number(g[2] ?? g[1]));
  // "A, B, and C": descriptive targets keep their words ("‹Russian› metals and mining companies"),
  // so a list with commas is split only at its commas; a target that is one actor is that actor
  const listedTargets = (s: number, e0: number): Ref[] => {
    const stop = TARGET_END.exec(m.slice(s, e0));
    const e = stop ? s + stop.index : e0;
    const seg = m.slice(s, e);
    const sep = /,/.test(seg) ? /\s*,\s*(?:and\s+|or\s+)?/g : /\s+(?:and|or)\s+/g;
    const out: Ref[] = [];
    let from = 0;
    const take = (to: number) => {
      const raw = seg.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const part = raw.trim().replace(/^(?:the|its|their)\s+/i, "");
      const at = s + from + lead + (raw.trim().length - part.length);
      const one = /^«(\d+)»$/.exec(part);
      if (one) out.push(groupOrMention(Number(one[1])));
      else if (/[a-z]/.test(part) && part.split(/\s+/).length <= 12 && !lex.itemReject.includes(part.toLowerCase())) {
        const name = view.sentence.text.slice(
          view.orig(at) - view.sentence.start,
          view.orig(at + part.length) - view.sentence.start,
        );
        out.push({ kind: "item", name, type: "Item" });
      }
    };
    for (let x = sep.exec(seg); x !== null; x = sep.exec(seg)) {
      take(x.index);
      from = x.index + x[0].length;
    }
    take(seg.length);
    return out;
  };
  if (gate("sanctionVerbs"))
    run(
      rx(
        ctx.lex,
        "relations:8",
        () =>
          `${NOT_AFTER_PREP}(${AL})${APPOSITIVE},?${ADV}\\s+(?:${SANV})\\s+(?:the\\s+)?(?:${SKIPPED_WORD}){0,3}?(${TARGET}(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+)(?:the\\s+)?${TARGET})*)`,
        "gd",
      ),
      (x) => {
        let targets = possessedActors(x[2]!);
        // "two ‹Turkish› entities––«Margiana» and «Demirci»––", "50 ‹Russian› entities, including «X»"
        const more =
          /^\s*(?:––|—|–|--|:|,?\s*(?:including|such\s+as|among\s+them))\s*((?:«\d+»)(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)«\d+»)*)/.exec(
            m.slice(idx(x, 2)[1]),
          );
        if (more) targets = [...targets, ...actorsIn(more[1]!)];
        for (const s of actorsIn(x[1]!))
          for (const t of targets)
            if (men[t]!.entity.id !== men[s]!.entity.id)
              sanction(mention(s), groupOrMention(t), [x.index, idx(x, 2)[1]], "sanctions:verb", 0.8, idx(x, 1)[1]);
      },
    );
  // "«OFAC» targeted two ‹Turkish› entities––«Margiana» and «Demirci»––for supplying"
  if (gate("targeted_designated"))
    run(
      rx(
        ctx.lex,
        "relations:9",
        () =>
          `${NOT_AFTER_PREP}(${AL})${APPOSITIVE},?${ADV}\\s+(?:targeted|designated|sanctioned)\\s+(?:${SKIPPED_WORD}){0,3}?(?:‹\\d+›\\s+(?:[a-z-]+\\s+)?)?(?:«\\d+»|(?:entities|companies|firms|individuals|banks|businesses))\\s*(?:––|—|–|--|:|,)\\s*(${AL})`,
        "gd",
      ),
      (x) => {
        for (const s of actorsIn(x[1]!))
          for (const t of actorsIn(x[2]!))
            sanction(mention(s), mention(t), [x.index, idx(x, 2)[1]], "sanctions:verb-apposition", 0.75, idx(x, 1)[1]);
      },
    );
  // "«EC» proposed comprehensive new sanctions against Russian oil exports", "implemented export controls on «Russia»"
  if (gate("proposed_imposed"))
    run(
      rx(
        ctx.lex,
        "relations:10",
        () =>
          `\\b(?:proposed|imposed|imposing|impose|issued|issuing|introduced|announced|implemented|placed|adopted|approved|levied|unveiled|slapped)\\s+(?:[a-z\\d-]+\\s+){0,4}?(?:sanctions|export\\s+controls|restrictions|embargo|penalties|bans?)\\s+(?:on|against|targeting)\\s+((?:the\\s+)?(?:[a-z\\d-]+\\s+){0,3}?(?:«\\d+»|‹\\d+›)[^,.;]*)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 1);
        const subs = actorsIn(m.slice(0, x.index)).filter((i) => isActor(i));
        // ", imposing sanctions on ...": the participle's subject is the clause's subject
        const participle = /,\s*$/.test(m.slice(0, x.index)) && /ing$/.test(m.slice(x.index).split(/\s/)[0]!);
        const s0 = participle ? subs[0] : subs[subs.length - 1];
        if (s0 === undefined) return;
        for (const t of targetsFrom(a, b)) {
          if (t.kind === "mention" && men[t.idx]!.entity.id === men[s0]!.entity.id) continue;
          sanction(mention(s0), t, [x.index, b], "sanctions:noun", 0.7);
        }
      },
    );
  // "The «EC» added 43 tankers to the ‹Russian› shadow fleet", "adding 40 entities to its Entity List"
  if (gate("added_adding"))
    run(
      rx(
        ctx.lex,
        "relations:added",
        () =>
          `(${AL})${ADV}\\s+(?:added|adding|adds|placed|placing)\\s+(.+?)\\s+to\\s+(?:the\\s+|its\\s+|their\\s+)?((?:(?:‹\\d+›|«\\d+»'s?)\\s+)?(?:[A-Za-z-]+\\s+){0,2}?(?:sanctions\\s+list|blacklist|[Ee]ntity\\s+[Ll]ist|SDN\\s+[Ll]ist|shadow\\s+fleet))`,
        "gd",
      ),
      (x) => {
        const subs = actorsIn(x[1]!).filter((i) => isActor(i));
        // "40 «Chinese firms»": the firms, not China (targetsFrom names groups as sanction targets do)
        const targets = /fleet/.test(x[3]!) ? targetsFrom(idx(x, 3)[0], idx(x, 3)[1]) : targetsFrom(...idx(x, 2));
        for (const s0 of subs)
          for (const t of targets) sanction(mention(s0), t, [x.index, idx(x, 0)[1]], "sanctions:added-to-list", 0.7);
      },
    );
  // an asset freeze: "«Britain» froze the assets of «Sovcombank»", "«Japan» has frozen «Rosneft»'s assets"
  if (hasText(m, ["froze", "frozen", "freezes", "freeze", "freezing"]))
    run(
      rx(
        ctx.lex,
        "relations:asset-freeze",
        () =>
          `${NOT_AFTER_PREP}(${AL})${APPOSITIVE},?${ADV}\\s+(?:froze|frozen|freezes|freeze|freezing)\\s+(?:(?:the|all)\\s+)?(?:(?:[a-z-]+\\s+){0,2}?assets\\s+(?:of|belonging\\s+to|held\\s+by)\\s+(?:the\\s+)?(${TARGET})|(${TARGET})['’]s?\\s+(?:[a-z-]+\\s+)?assets)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, x[2] !== undefined ? 2 : 3);
        for (const s0 of actorsIn(x[1]!).filter((i) => isActor(i)))
          for (const t of targetsFrom(a, b))
            sanction(mention(s0), t, [x.index, b], "sanctions:verb-freeze", 0.7, idx(x, 1)[1]);
      },
    );
  // "The sanctions would ... by covering regional Russian banks": the last named sanctioning body
  if (gate("sanctions"))
    run(
      rx(
        ctx.lex,
        "relations:covering",
        () => `\\bsanctions\\b[^.;]*?\\b(?:covering|targeting|hitting)\\s+((?:[a-z-]+\\s+)?(?:‹\\d+›|«\\d+»)[^,.;]*)`,
        "gd",
      ),
      (x) => {
        const s0 = ctx.lastSanctioner();
        if (!s0 || actorsIn(m.slice(0, x.index)).some((i) => isActor(i))) return;
        const [a, b] = idx(x, 1);
        for (const t of targetsFrom(a, b)) sanction(s0, t, [x.index, b], "sanctions:context", 0.55);
      },
    );
  // passive: "«NPP Itelma», which was added to the «US Treasury»'s sanctions list", "«VMK» ... was sanctioned", "«US»-designated «S 7»"
  if (hasText(m, ["sanctioned", "designated", "blacklisted", "added"]))
    run(
      rx(
        ctx.lex,
        "relations:11",
        () =>
          `(${A})(?:\\s*,)?\\s+(?:which\\s+|who\\s+)?(?:also\\s+)?(?:was|were|has\\s+been|have\\s+been|had\\s+been|is|are)\\s+(?:also\\s+)?(?:sanctioned|designated|blacklisted|added\\s+to\\s+(?:the\\s+)?(?:(${A})'s?\\s+)?(?:[A-Za-z.]+\\s+){0,2}?(?:sanctions|entity|blacklist)\\s+list)(?:\\s+by\\s+(?:the\\s+)?(${A}))?`,
        "gd",
      ),
      (x) => {
        const t = Number(x[1]!.slice(1, -1));
        const s: Ref | null = x[2]
          ? mention(Number(x[2].slice(1, -1)))
          : x[3]
            ? mention(Number(x[3].slice(1, -1)))
            : ctx.lastSanctioner();
        if (!s) return;
        sanction(s, mention(t), [x.index, idx(x, 0)[1]], "sanctions:passive", 0.7);
      },
    );
  if (gate("designated_sanctioned"))
    run(
      rx(
        ctx.lex,
        "relations:12",
        () => `(${A})-(?:designated|sanctioned)\\s+(?:[A-Za-z-]+\\s*:?\\s+){0,4}?(${AL})`,
        "gd",
      ),
      (x) => {
        const s = Number(x[1]!.slice(1, -1));
        for (const t of actorsIn(x[2]!))
          sanction(mention(s), mention(t), [x.index, idx(x, 2)[1]], "sanctions:designated-adjective", 0.7);
      },
    );
  // "designations aim to ... target entities in multiple third countries, including «India», «China»
  // and the «United Arab Emirates»": one target per country, the group in it ("entities in China")
  if (hasText(m, [" in "]) && /\b(?:sanction|target|designat)/.test(m))
    run(
      rx(
        ctx.lex,
        "relations:sanctions-in-countries",
        () =>
          `\\b(?:target|targets|targeting|targeted|sanction|sanctions|sanctioning|sanctioned|designate|designates|designating|designated)\\s+(?:[a-z\\d-]+\\s+){0,2}?(entities|companies|firms|individuals|businesses|banks|traders|suppliers)\\s+(?:(?:based|located|registered)\\s+)?in\\s+(?:(?:multiple|several|various|numerous|many|other|\\d+)\\s+)?(?:third\\s+)?(?:countries|jurisdictions)?,?\\s*(?:including\\s+|such\\s+as\\s+|like\\s+)?((?:the\\s+)?${AL})`,
        "gd",
      ),
      (x) => {
        const head = m.slice(0, x.index);
        const before = actorsIn(head).filter((i) => isActor(i) && typeOf(i) !== "Country");
        // a state only as the verb's own subject ("the «United States» sanctioned companies in …"),
        // not one named earlier in the sentence
        const subject = new RegExp(`(${A})${ADV}\\s+$`).exec(head);
        const s0: Ref | null =
          before.length > 0
            ? mention(before[0]!)
            : subject && isActor(Number(subject[1]!.slice(1, -1)))
              ? mention(Number(subject[1]!.slice(1, -1)))
              : ctx.lastSanctioner();
        if (!s0) return;
        const list = x[2]!;
        for (const t of actorsIn(list)) {
          if (typeOf(t) !== "Country") continue;
          const tag = `«${t}»`;
          const the = new RegExp(`(?:^|\\s)the\\s+${tag}`).test(list) ? "the " : "";
          sanction(
            s0,
            { kind: "item", name: `${x[1]} in ${the}${men[t]!.surface.replace(/^the\s+/i, "")}`, type: "Item" },
            [x.index, idx(x, 2)[1]],
            "sanctions:groups-in-countries",
            0.6,
          );
        }
      },
    );
  // "In its statement, the «US» named «Ascend Aviation India Private Limited», which ...": in an
  // article that has already named a sanctioning body, a government naming a company designates it
  // ("named «X» as its chief executive" and "named «X» ambassador" are appointments, not designations)
  if (hasText(m, ["named"]) && ctx.lastSanctioner())
    run(
      rx(
        ctx.lex,
        "relations:sanctions-named",
        () =>
          `(${A})${ADV}\\s+named\\s+(?:the\\s+)?(${AL})(?!\\s+(?:as|to|after|in|on|its|his|her|their|the|${titleWords})\\b)`,
        "gd",
      ),
      (x) => {
        const s = Number(x[1]!.slice(1, -1));
        if (!isActor(s)) return;
        for (const t of actorsIn(x[2]!)) {
          if (typeOf(t) === "Country" || men[t]!.entity.id === men[s]!.entity.id) continue;
          sanction(mention(s), mention(t), [x.index, idx(x, 2)[1]], "sanctions:named", 0.6, idx(x, 1)[1]);
        }
      },
    );
  // "the «Department of State»’s latest round of sanctions targets entities involved in ..., ‹Russian›
  // metals and mining companies, and companies providing financial services in «Russia»"
  if (hasText(m, ["sanctions"]))
    run(
      rx(
        ctx.lex,
        "relations:sanctions-possessive",
        () =>
          `(${A})['’]s\\s+(?:[a-z-]+\\s+){0,3}?(?:(?:round|package|wave|set|tranche)\\s+of\\s+)?sanctions\\s+(?:also\\s+)?(?:targets|target|targeted|hits|hit|covers|cover|covered)\\s+([^.;:]+)`,
        "gd",
      ),
      (x) => {
        const s = Number(x[1]!.slice(1, -1));
        if (!isActor(s)) return;
        const [a, b] = idx(x, 2);
        for (const t of listedTargets(a, b))
          if (t.kind !== "mention" || men[t.idx]!.entity.id !== men[s]!.entity.id)
            sanction(mention(s), t, [x.index, b], "sanctions:possessive-noun", 0.6);
      },
    );
  // sentence starting with "It also was sanctioned": the pronoun is the previous sentence's subject
  run(
    /^(?:It|They)\s+(?:also\s+)?(?:was|were|has\s+been|had\s+been)\s+(?:also\s+)?(?:sanctioned|designated|blacklisted)/dg,
    (x) => {
      const s = ctx.lastSanctioner();
      const t = ctx.pronoun(view, 0)[0];
      if (s && t) sanction(s, t, [0, idx(x, 0)[1]], "sanctions:passive-pronoun", 0.6);
    },
  );

  // ---- PRODUCES ----
  const PRODN = alt(lex.producerNouns);
  // "«Russia»'s post-war tank production", "«Russia» to triple its ballistic missile production"
  if (gate("production"))
    run(
      rx(
        ctx.lex,
        "relations:13",
        () =>
          `(${A}'s?|${A}\\s+to\\s+[a-z]+\\s+its|\\bits)\\s+(?:post-war\\s+|pre-war\\s+|own\\s+|domestic\\s+|total\\s+|annual\\s+)?((?:[a-z-]+\\s+){0,2}?[a-z-]+)\\s+production\\b`,
        "gd",
      ),
      (x) => {
        let subs: Ref[] = actorsIn(x[1]!).map(mention);
        if (subs.length === 0) subs = ctx.pronoun(view, x.index);
        const its = items(idx(x, 2)[0], idx(x, 2)[1]);
        // only countable products ("tank production"), not "energy production"
        const countable = its.filter(
          (it) =>
            it.type === "Weapon" ||
            /(?:vehicle|truck|car|chip|engine|ship|aircraft|plane|helicopter|satellite)s?$/i.test(it.name),
        );
        pushItems("PRODUCES", subs.slice(0, 1), countable, {
          span: [x.index, idx(x, 0)[1]],
          rule: "produces:noun-production",
          confidence: 0.7,
          plural: true,
        });
      },
    );
  // "to boost production of ammunition", "«Moscow» uses to produce missiles, tanks"
  if (gate("production"))
    run(
      rx(
        ctx.lex,
        "relations:14",
        () =>
          `(${A})[^.;]{0,80}?\\b(?:boost|increase|expand|ramp\\s+up|triple|double|step\\s+up)\\s+(?:its\\s+|their\\s+)?production\\s+of\\s+(.+)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        pushItems("PRODUCES", [mention(Number(x[1]!.slice(1, -1)))], items(a, b), {
          span: [x.index, b],
          rule: "produces:boost-production",
          confidence: 0.65,
        });
      },
    );
  if (gate("produce_make"))
    run(
      rx(
        ctx.lex,
        "relations:15",
        () =>
          `(${A})\\s+(?:uses?|used|needs?|needed)\\s+(?:them\\s+|it\\s+)?to\\s+(?:produce|make|build|manufacture)\\s+(.+)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        pushItems("PRODUCES", [mention(Number(x[1]!.slice(1, -1)))], items(a, b), {
          span: [x.index, b],
          rule: "produces:uses-to-produce",
          confidence: 0.65,
        });
      },
    );
  // "«Rostec» produces «Orlan» drones", "«Iran» has been manufacturing ballistic missiles" ("build"
  // and "make" are left out: "built a factory", "made clear")
  if (/\b(?:produc|manufactur|assembl|mass-produc)/.test(m))
    run(
      rx(
        ctx.lex,
        "relations:produces-verb",
        () =>
          `${NOT_AFTER_PREP}(${AL}|${PRON})${APPOSITIVE},?${ADV}\\s+(?:produces?|produced|producing|manufactures?|manufactured|manufacturing|assembles?|assembled|assembling|mass-produces?|mass-produced|mass-producing)\\s+(?!(?:in|at|by|for|with|from|on|to|up|under|a\\s+report|the\\s+report|evidence|results?|data|figures)\\b)(.+)`,
        "gd",
      ),
      (x) => {
        // "the factory in «Yelabuga» produced": a place named in a phrase is not the producer
        if (/\b(?:in|at|near|from|of|by|outside)\s+(?:the\s+)?$/.test(m.slice(0, x.index))) return;
        const [a, b] = idx(x, 2);
        const subs = /^(?:it|they)$/i.test(x[1]!.trim())
          ? ctx.pronoun(view, x.index)
          : actorsIn(x[1]!)
              .filter((i) => typeOf(i) !== "Person" && typeOf(i) !== "Place")
              .map(mention);
        pushItems("PRODUCES", subs, items(a, b), {
          span: [x.index, b],
          verbAt: idx(x, 1)[1],
          rule: "produces:verb",
          confidence: 0.75,
        });
      },
    );
  // "«X» and «Y» emerging as the biggest makers of those chips", "«Plant», a producer of dual-use goods such as ..."
  if (hasText(m, tailWords(lex.producerNouns)))
    run(
      rx(
        ctx.lex,
        "relations:16",
        () =>
          `(${AL}|\\bit(?=\\s+(?:is|was)))(?:,|\\s+(?:as|is|are|was|were|being|emerging\\s+as|became|become|remains?))\\s+(?:a|an|the|one\\s+of\\s+the)?\\s*(?:[a-z-]+\\s+){0,2}?(?:${PRODN})\\s+of\\s+(.+)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        const subs = /^it$/i.test(x[1]!)
          ? ctx.pronoun(view, x.index)
          : actorsIn(x[1]!)
              .filter((i) => typeOf(i) !== "Person" && typeOf(i) !== "Country")
              .map(mention);
        pushItems("PRODUCES", subs, items(a, b), { span: [x.index, b], rule: "produces:maker-of", confidence: 0.7 });
      },
    );
  if (hasText(m, ["describ"]))
    run(
      rx(
        ctx.lex,
        "relations:17",
        () => `(?:describing|described)\\s+it\\s+as\\s+(?:a|an)\\s+(?:[a-z-]+\\s+){0,2}?(?:${PRODN})\\s+of\\s+(.+)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 1);
        const before = actorsIn(m.slice(0, x.index)).filter((i) =>
          /^(Facility|Organization|Place)$/.test(men[i]!.type),
        );
        const s = before.find((i) => men[i]!.type === "Facility") ?? before[before.length - 1];
        if (s === undefined) return;
        pushItems("PRODUCES", [mention(s)], items(a, b), {
          span: [x.index, b],
          rule: "produces:described-as",
          confidence: 0.65,
        });
      },
    );
  // "vehicle electronics maker «NPP Itelma»", "drone manufacturer «DJI»"
  if (hasText(m, tailWords(lex.producerNouns)))
    run(
      rx(ctx.lex, "relations:18", () => `\\b((?:[a-z-]+\\s+){1,2}?)(?:${PRODN})\\s+(${A})`, "gd"),
      (x) => {
        const t = Number(x[2]!.slice(1, -1));
        if (typeOf(t) === "Person" || typeOf(t) === "Country") return;
        const [a, b] = idx(x, 1);
        for (const it0 of items(a, b)) {
          const name = it0.name.replace(
            /^(?:(?:commercial|leading|major|top|largest|biggest|state|private|local|foreign|military|civilian|defense|defence)\s+)+(?=\S+$)/i,
            "",
          );
          const it = { ...it0, name };
          if (/^(?:commercial|leading|major|top|largest|biggest|state|private|local|foreign)$/i.test(name)) continue;
          push({
            predicate: "PRODUCES",
            subject: mention(t),
            object: item(pluralize(it.name), it.type),
            span: [x.index, idx(x, 2)[1]],
            rule: "produces:maker-name",
            confidence: 0.65,
          });
        }
      },
    );

  // "North Korea is running its munition factories": a country's factories make what they are named after
  if (gate("factories_plants"))
    run(
      rx(
        ctx.lex,
        "relations:factories",
        () =>
          `(${A}'s?|\\bits|\\btheir)\\s+((?:[a-z-]+\\s+){0,2}?[a-z-]+)\\s+(?:factories|plants|production\\s+lines)\\b`,
        "gd",
      ),
      (x) => {
        let subs: Ref[] = actorsIn(x[1]!)
          .filter((i) => isActor(i))
          .map(mention);
        if (subs.length === 0 && /^(?:its|their)$/i.test(x[1]!.trim())) subs = ctx.pronoun(view, x.index);
        const its = items(idx(x, 2)[0], idx(x, 2)[1]).filter((it) => it.type === "Weapon");
        pushItems("PRODUCES", subs.slice(0, 1), its, {
          span: [x.index, idx(x, 0)[1]],
          rule: "produces:factories",
          confidence: 0.6,
          plural: true,
        });
      },
    );

  // ---- USES ----
  if (gate("used_uses"))
    run(
      rx(
        ctx.lex,
        "relations:19",
        () =>
          `${NOT_AFTER_PREP}(${AL}|${PRON})${APPOSITIVE},?${ADV}\\s+(?:used|uses|use|using|deployed|deploying|deploy|employed|employing|relied\\s+on|relies\\s+on|rely\\s+on)\\s+(.+?)(?=\\s+(?:to|for|in|against|on)\\b|[,.;]|$)`,
        "gd",
      ),
      (x) => {
        // "«Russian forces» attacked «Kyiv» using drones": a participle after a verb's object
        // belongs to that verb's subject, not to the object
        if (/\s(?:using|deploying|employing)\s/.test(x[0]) && OBJECT_OF_VERB.test(m.slice(0, x.index))) return;
        const [a, b] = idx(x, 2);
        const its = items(a, b);
        pushItems("USES", subjOf(x[1]!, x.index), its, {
          span: [x.index, b],
          verbAt: idx(x, 1)[1],
          rule: "uses:verb",
          confidence: 0.7,
        });
      },
    );
  // "enabling «Russian forces» to launch salvos of 13 to 18 Iskander-M ballistic missiles"; "it had fired ‹Ukrainian›-made FP-5 Flamingo cruise missiles"
  if (gate("launch_launched"))
    run(
      rx(
        ctx.lex,
        "relations:20",
        () =>
          `(${A}|${PRON})(?:\\s+to|${ADV})\\s+(?:launch|launched|launches|fire|fired|fires|firing|launching)\\s+(?:salvos\\s+of\\s+|barrages\\s+of\\s+|waves\\s+of\\s+)?(?:[\\d,]+\\s+(?:to\\s+[\\d,]+\\s+)?)?(?:‹\\d+›-made\\s+)?(.+?)(?=\\s+(?:at|on|in|against|into|from|toward|towards)\\b|[,.;]|$)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        const its = items(a, b).filter((i) => i.type === "Weapon");
        pushItems("USES", subjOf(x[1]!, x.index), its, { span: [x.index, b], rule: "uses:launch", confidence: 0.7 });
      },
    );
  if (gate("deploying_using"))
    run(
      rx(
        ctx.lex,
        "relations:21",
        () => `(${A})\\s+of\\s+(?:deploying|using|launching)\\s+(.+?)(?=\\s+(?:to|for|in|against|on)\\b|[,.;]|$)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        pushItems("USES", [mention(Number(x[1]!.slice(1, -1)))], items(a, b), {
          span: [x.index, b],
          rule: "uses:accused-of",
          confidence: 0.65,
        });
      },
    );

  // ---- COOPERATES_WITH / TRADES_WITH ----
  const pair = (p: string, a: number, b: number, span: [number, number], rule: string, conf: number) => {
    if (men[a]!.entity.id === men[b]!.entity.id) return;
    if (!isActor(a) || !isActor(b)) return;
    push({ predicate: p, subject: mention(a), object: mention(b), span, rule, confidence: conf });
  };
  const COOPN = "(?:[Cc]ooperation|[Cc]o-operation|[Cc]ollaboration|[Pp]artnership|[Aa]lliance|military\\s+ties)";
  if (gate("between"))
    run(
      rx(ctx.lex, "relations:22", () => `${COOPN}\\s+between\\s+(?:the\\s+)?(${A})\\s+and\\s+(?:the\\s+)?(${A})`, "gd"),
      (x) =>
        pair(
          "COOPERATES_WITH",
          Number(x[1]!.slice(1, -1)),
          Number(x[2]!.slice(1, -1)),
          [x.index, idx(x, 0)[1]],
          "cooperates:between",
          0.75,
        ),
    );
  if (gate("cooperation_co"))
    run(
      rx(
        ctx.lex,
        "relations:23",
        () => `(${A})'s?\\s+(?:[a-z-]+\\s+){0,3}?${COOPN}\\s+with\\s+(?:the\\s+)?(${A})`,
        "gd",
      ),
      (x) =>
        pair(
          "COOPERATES_WITH",
          Number(x[1]!.slice(1, -1)),
          Number(x[2]!.slice(1, -1)),
          [x.index, idx(x, 0)[1]],
          "cooperates:possessive",
          0.75,
        ),
    );
  if (gate("cooperate_cooperates"))
    run(
      rx(
        ctx.lex,
        "relations:24",
        () =>
          `${NOT_AFTER_PREP}(${A})${APPOSITIVE},?${ADV}\\s+(?:cooperate[sd]?|cooperating|collaborate[sd]?|collaborating|partnered|allied)\\s+with\\s+(?:the\\s+)?(${A})`,
        "gd",
      ),
      (x) =>
        pair(
          "COOPERATES_WITH",
          Number(x[1]!.slice(1, -1)),
          Number(x[2]!.slice(1, -1)),
          [x.index, idx(x, 0)[1]],
          "cooperates:verb",
          0.75,
        ),
    );
  if (gate("partner_ally"))
    run(
      rx(
        ctx.lex,
        "relations:25",
        () =>
          `(${A})${ADV}\\s+(?:become|became|is|was|remains?)\\s+(?:a|an|the)\\s+(?:[a-z-]+\\s+){0,3}?(?:partner|ally)\\s+(?:for|of|to)\\s+(?:the\\s+)?(${A})`,
        "gd",
      ),
      (x) =>
        pair(
          "COOPERATES_WITH",
          Number(x[1]!.slice(1, -1)),
          Number(x[2]!.slice(1, -1)),
          [x.index, idx(x, 0)[1]],
          "cooperates:partner",
          0.75,
        ),
    );
  if (gate("signed_agreed"))
    run(
      rx(
        ctx.lex,
        "relations:26",
        () =>
          `(${A})\\s+and\\s+(?:the\\s+)?(${A})${ADV}\\s+(?:signed|agreed|reached|concluded|inked)\\s+(?:on\\s+)?(?:an?\\s+|another\\s+|the\\s+)?(?:[\\w$-]+\\s+){0,3}?(?:agreement|deal|accord|treaty|memorandum|pact)`,
        "gd",
      ),
      (x) =>
        pair(
          "COOPERATES_WITH",
          Number(x[1]!.slice(1, -1)),
          Number(x[2]!.slice(1, -1)),
          [x.index, idx(x, 0)[1]],
          "cooperates:agreement",
          0.75,
        ),
    );
  // "«Huawei» has reached a series of 5G cooperation agreements with «Russia»'s three major telecommunications companies («Beeline», «MTS», and «Megafon»)"
  if (gate("reached_signed"))
    run(
      rx(
        ctx.lex,
        "relations:27",
        () =>
          `(${A})${ADV}\\s+(?:reached|signed|concluded|struck)\\s+(?:[\\w$-]+\\s+){0,5}?(?:agreements?|deals?|contracts?|partnerships?)\\s+with\\s+(?:the\\s+)?(${A})([^.;(]*\\((${AL})\\))?`,
        "gd",
      ),
      (x) => {
        const s = Number(x[1]!.slice(1, -1));
        const objs = x[4] ? actorsIn(x[4]) : [Number(x[2]!.slice(1, -1))];
        for (const o of objs) pair("COOPERATES_WITH", s, o, [x.index, idx(x, 0)[1]], "cooperates:agreement-with", 0.7);
      },
    );
  // "«Tehran» and «Moscow» have deepened their military cooperation", "«Iran» expanded its defence
  // ties with «Russia»"
  if (/\b(?:cooperation|co-operation|ties|partnership|collaboration|alliance)\b/.test(m)) {
    const GROW =
      "(?:deepened|deepen|deepens|deepening|expanded|expand|expands|expanding|strengthened|strengthen|strengthens|strengthening|boosted|boost|boosts|stepped\\s+up|bolstered|bolster|increased|increase)\\s+(?:their|its)?\\s*(?:[a-z-]+\\s+){0,2}?(?:cooperation|co-operation|ties|partnership|collaboration|alliance)";
    // "has not expanded its cooperation" says nothing either way
    const grown = (x: RegExpExecArray) => {
      if (/\b(?:not|never|no\s+longer)\b|n't\b/.test(x[0])) return;
      pair(
        "COOPERATES_WITH",
        Number(x[1]!.slice(1, -1)),
        Number(x[2]!.slice(1, -1)),
        [x.index, idx(x, 0)[1]],
        "cooperates:grow",
        0.7,
      );
    };
    run(
      rx(ctx.lex, "relations:cooperation-grow-and", () => `(${A})\\s+and\\s+(?:the\\s+)?(${A})${ADV}\\s+${GROW}`, "gd"),
      grown,
    );
    run(
      rx(
        ctx.lex,
        "relations:cooperation-grow-with",
        () => `(${A})${ADV}\\s+${GROW}\\s+with\\s+(?:the\\s+)?(${A})`,
        "gd",
      ),
      grown,
    );
  }
  // "«China» and «Russia» held joint naval exercises", "«Belarus» staged joint drills with «Russia»",
  // "«North Korean troops» are fighting alongside «Russian forces»"
  if (hasText(m, ["joint", "alongside"])) {
    const JOINT =
      "(?:held|hold|holds|holding|conducted|conduct|conducts|conducting|staged|stage|stages|staging|began|begun|started|launched|carried\\s+out|completed|wrapped\\s+up)\\s+(?:[\\w-]+\\s+){0,3}?joint\\s+(?:[\\w-]+\\s+){0,2}?(?:exercises?|drills?|patrols?|manoeuvres|maneuvers|war\\s+games)";
    run(
      rx(ctx.lex, "relations:joint-and", () => `(${A})\\s+and\\s+(?:the\\s+)?(${A})${ADV}\\s+${JOINT}`, "gd"),
      (x) =>
        pair(
          "COOPERATES_WITH",
          Number(x[1]!.slice(1, -1)),
          Number(x[2]!.slice(1, -1)),
          [x.index, idx(x, 0)[1]],
          "cooperates:joint",
          0.7,
        ),
    );
    run(
      rx(
        ctx.lex,
        "relations:joint-with",
        () =>
          `(${A})${ADV}\\s+(?:${JOINT}\\s+with|(?:fighting|fought|fight|fights|serving|served|deployed|operating)\\s+alongside)\\s+(?:the\\s+)?(${A})`,
        "gd",
      ),
      (x) =>
        pair(
          "COOPERATES_WITH",
          Number(x[1]!.slice(1, -1)),
          Number(x[2]!.slice(1, -1)),
          [x.index, idx(x, 0)[1]],
          "cooperates:joint",
          0.7,
        ),
    );
  }
  if (hasText(m, ["trad", "commerce"]))
    run(
      rx(ctx.lex, "relations:28", () => `(${A})-(${A})\\s+(?:trade|trading|commerce)`, "gd"),
      (x) =>
        pair(
          "TRADES_WITH",
          Number(x[1]!.slice(1, -1)),
          Number(x[2]!.slice(1, -1)),
          [x.index, idx(x, 0)[1]],
          "trades:compound",
          0.8,
        ),
    );
  if (gate("between"))
    run(
      rx(
        ctx.lex,
        "relations:29",
        () =>
          `\\b[Tt]rade\\s+(?:volume\\s+|turnover\\s+|relations\\s+|ties\\s+)?between\\s+(?:the\\s+)?(${A})\\s+and\\s+(?:the\\s+)?(${A})`,
        "gd",
      ),
      (x) =>
        pair(
          "TRADES_WITH",
          Number(x[1]!.slice(1, -1)),
          Number(x[2]!.slice(1, -1)),
          [x.index, idx(x, 0)[1]],
          "trades:between",
          0.8,
        ),
    );
  if (gate("trade"))
    run(
      rx(
        ctx.lex,
        "relations:30",
        () => `(${A}'s?|\\bits)\\s+(?:[a-z-]+\\s+){0,2}?trade\\s+with\\s+(?:the\\s+)?(${A})`,
        "gd",
      ),
      (x) => {
        const o = Number(x[2]!.slice(1, -1));
        const s = actorsIn(x[1]!)[0];
        const subj =
          s !== undefined
            ? s
            : (() => {
                const r = ctx.pronoun(view, x.index)[0];
                return r && r.kind === "mention" ? r.idx : undefined;
              })();
        if (subj !== undefined) pair("TRADES_WITH", subj, o, [x.index, idx(x, 0)[1]], "trades:possessive", 0.75);
      },
    );
  if (gate("trade_trades"))
    run(
      rx(
        ctx.lex,
        "relations:31",
        () => `(${A})${ADV}\\s+(?:trades?|traded|trading)\\s+with\\s+(?:the\\s+)?(${A})`,
        "gd",
      ),
      (x) =>
        pair(
          "TRADES_WITH",
          Number(x[1]!.slice(1, -1)),
          Number(x[2]!.slice(1, -1)),
          [x.index, idx(x, 0)[1]],
          "trades:verb",
          0.75,
        ),
    );

  // ---- COMPONENT_OF ----
  // every part of every product a component frame names
  type Named = { name: string; type: "Item" | "Weapon" };
  const components = (
    parts: readonly Named[],
    products: readonly Named[],
    d: { span: [number, number]; rule: string; confidence: number; generic?: "part" | "product" },
  ) => {
    for (const p of parts)
      for (const q of products)
        push({
          predicate: "COMPONENT_OF",
          subject: item(d.generic === "part" ? stripGeneric(p.name) : p.name, p.type),
          object: item(d.generic === "product" ? stripGeneric(q.name) : q.name, q.type),
          span: d.span,
          rule: d.rule,
          confidence: d.confidence,
        });
  };
  const compN =
    "(?:component|components|part|parts|ingredient|ingredients|element|elements|input|inputs|material|materials)";
  // "Ball bearings are an important component of military tanks"
  if (gate("component_components"))
    run(
      rx(
        ctx.lex,
        "relations:32",
        () =>
          `(?:^|[,;]\\s*)((?:[A-Za-z-]+\\s+){0,2}?[A-Za-z-]+)\\s+(?:is|are)\\s+(?:an?\\s+)?(?:[a-z-]+\\s+){0,2}?(?:component|components|ingredient|ingredients|element|elements)\\s+(?:of|in)\\s+(?!a\\s+list)(.+?)(?=[,.;]|$)`,
        "gd",
      ),
      (x) => {
        const parts = items(idx(x, 1)[0], idx(x, 1)[1]);
        const prods = items(idx(x, 2)[0], idx(x, 2)[1]);
        components(parts, prods, {
          span: [x.index, idx(x, 2)[1]],
          rule: "component:copula",
          confidence: 0.7,
          generic: "product",
        });
      },
    );
  // "ammonium perchlorate — a key ingredient used to produce solid propellant", "nitrocellulose -- a dual-use material that can be used to produce ammunition",
  // "Nitrocellulose is a highly flammable compound that is used in the production of paint, varnish and ink, as well as ammunition"
  // the costly pattern below cannot match without its core phrase: test that first
  if (
    /\bused\b/.test(m) &&
    /(?:component|part|ingredient|element|input|material|compound|chemical|substance)s?\s+(?:that\s+(?:is|are|can\s+be|could\s+be)\s+|which\s+(?:is|are|can\s+be)\s+)?used\s+(?:to\s+(?:produce|make|manufacture|build)|in|for)\s/.test(
      m,
    )
  )
    run(
      rx(
        ctx.lex,
        "relations:33",
        () =>
          `\\b(?!(?:of|to|from|for|in|on|with|by|and|or|the)\\s)((?:[A-Za-z-]+\\s+){0,2}?[A-Za-z-]+)\\s*(?:—|–|--|,|\\s+is|\\s+are)\\s+(?:an?\\s+)?(?:[a-z-]+\\s+){0,3}?(?:${compN}|compound|chemical|substance)\\s+(?:that\\s+(?:is|are|can\\s+be|could\\s+be)\\s+|which\\s+(?:is|are|can\\s+be)\\s+)?used\\s+(?:to\\s+(?:produce|make|manufacture|build)|in\\s+the\\s+(?:production|manufacture|manufacturing)\\s+of|in|for)\\s+(.+?)(?=\\s+(?:—|–|--)\\s|$)`,
        "gd",
      ),
      (x) => {
        const parts = items(idx(x, 1)[0], idx(x, 1)[1]);
        const [a, b] = idx(x, 2);
        const prods = items(a, b);
        components(parts, prods, {
          span: [x.index, b],
          rule: "component:used-to-produce",
          confidence: 0.65,
          generic: "product",
        });
        // "solid propellant for Iskander missiles"
        const forM = /^\s*((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+for\s+([^,.;]+)/.exec(m.slice(a, b));
        if (forM) {
          const p = items(a, a + forM[1]!.length + (forM[0].length - forM[0].trimStart().length))[0];
          const q0 = a + forM[0].indexOf(forM[2]!);
          const q = items(q0, q0 + forM[2]!.length)[0];
          if (p && q) components([p], [q], { span: [x.index, b], rule: "component:for", confidence: 0.6 });
        }
      },
    );
  // "The «Kh-101» missile uses a ‹Western›-made navigation chip", "the drones were fitted with
  // «Chinese» engines": what a weapon named first in its clause is built with
  if (/\b(?:uses|used|contains|contained|incorporates|incorporated|relies|relied|equipped|fitted|powered)\b/.test(m))
    run(
      rx(
        ctx.lex,
        "relations:component-built-with",
        () =>
          `(?:^|[,;]\\s*)(?:the\\s+|a\\s+|an\\s+|its\\s+|their\\s+)?((?:(?:«\\d+»|[A-Za-z\\d-]+)\\s+){0,2}?(?:${alt(lex.weaponHeads)}))\\s+(?:uses|used|contains|contained|incorporates|incorporated|relies\\s+on|relied\\s+on|(?:is|was|are|were)\\s+(?:equipped|fitted)\\s+with|(?:is|was|are|were)\\s+powered\\s+by)\\s+(?!(?:in|on|by|to|for|against|at|from|during|as)\\b)(.+?)(?=[,.;]|$)`,
        "gd",
      ),
      (x) => {
        const weapons = items(idx(x, 1)[0], idx(x, 1)[1]);
        const parts = items(idx(x, 2)[0], idx(x, 2)[1]);
        components(parts, weapons, {
          span: [x.index, idx(x, 2)[1]],
          rule: "component:built-with",
          confidence: 0.65,
          generic: "part",
        });
      },
    );
  // "electronic components for drones"
  if (/(?:components|parts|chips|engines|bearings|batteries|modules|microchips|semiconductors)\s+for\s/.test(m))
    run(
      /\b((?:[a-z-]+\s+){0,2}?(?:components|parts|chips|engines|bearings|batteries|modules|microchips|semiconductors))\s+for\s+((?:[a-z-]+\s+)?(?:drones|missiles|tanks|aircraft|rockets|weapons|vehicles|helicopters|jets|ships|submarines|munitions|artillery))\b/dg,
      (x) => {
        const p = items(idx(x, 1)[0], idx(x, 1)[1])[0];
        const q = items(idx(x, 2)[0], idx(x, 2)[1])[0];
        if (p && q) components([p], [q], { span: [x.index, idx(x, 0)[1]], rule: "component:for", confidence: 0.6 });
      },
    );

  // ---- LOCATED_IN ----
  if (gate("town_city"))
    run(
      rx(
        ctx.lex,
        "relations:34",
        () =>
          `(‹\\d+›|${A}'s?)\\s+(?:[a-z-]+\\s+)?(?:town|city|village|region|port|province|district|oblast|settlement)\\s+of\\s+(${A})`,
        "gd",
      ),
      (x) => {
        const c = [...actorsIn(x[1]!), ...modifiersIn(x[1]!)][0];
        const t = Number(x[2]!.slice(1, -1));
        if (c === undefined || men[t]!.entity.type === "Country" || men[t]!.entity.type === "Person") return;
        push({
          predicate: "LOCATED_IN",
          subject: mention(t),
          object: mention(c),
          span: [x.index, idx(x, 0)[1]],
          rule: "located:town-of",
          confidence: 0.75,
        });
      },
    );
  if (gate("in"))
    run(
      rx(
        ctx.lex,
        "relations:35",
        () =>
          `(${A})(?:\\s+(?:test\\s+site|site|plant|factory|airfield|airport|base|port|refinery|depot))?\\s+in\\s+(?:the\\s+)?(${A})(\\s+(?:region|oblast|province))?`,
        "gd",
      ),
      (x) => {
        const s = Number(x[1]!.slice(1, -1));
        const o = Number(x[2]!.slice(1, -1));
        if (
          !/^(Facility|Place)$/.test(men[s]!.type) ||
          men[o]!.type === "Person" ||
          men[s]!.entity.id === men[o]!.entity.id
        )
          return;
        push({
          predicate: "LOCATED_IN",
          subject: mention(s),
          object: mention(o),
          span: [x.index, idx(x, 0)[1]],
          rule: "located:in",
          confidence: 0.7,
        });
      },
    );
  // "the «Alabuga» plant is located in «Tatarstan»", "«Kapustin Yar», a missile test site in «Astrakhan»
  // region": a site and the larger place it is in (an organisation only with a site noun after it)
  if (hasText(m, ["located", "situated", "based", ", a", ", an", ", the"]))
    run(
      rx(
        ctx.lex,
        "relations:located-copula",
        () =>
          `(${A})(\\s+${SITE_HEADS})?(?:,?\\s+(?:which|that)\\s+is|,?\\s+(?:is|are|was|were))?\\s+(?:located|situated)\\s+(?:in|near)\\s+(?:the\\s+)?(${A})|(${A}),\\s+(?:a|an|the)\\s+(?:[a-z-]+\\s+){0,3}?(${SITE_HEADS}|city|town|village)\\s+(?:in|near)\\s+(?:the\\s+)?(${A})`,
        "gd",
      ),
      (x) => {
        const s0 = Number((x[1] ?? x[4])!.slice(1, -1));
        const o = Number((x[3] ?? x[6])!.slice(1, -1));
        const site = x[2] !== undefined || x[5] !== undefined;
        const st = men[s0]!.type;
        if (
          st === "Person" ||
          st === "Country" ||
          men[o]!.type === "Person" ||
          men[s0]!.entity.id === men[o]!.entity.id
        )
          return;
        if (!/^(?:Facility|Place)$/.test(st) && !site) return;
        push({
          predicate: "LOCATED_IN",
          subject: mention(s0),
          object: mention(o),
          span: [x.index, idx(x, 0)[1]],
          rule: "located:site",
          confidence: 0.7,
        });
      },
    );
  return out;
}

function pluralize(name: string): string {
  if (/s$/.test(name) || /\b(?:ammunition|equipment|electronics|machinery|gear)$/.test(name)) return name;
  if (/[^aeiou]y$/.test(name)) return name.slice(0, -1) + "ies";
  return name + "s";
}

function stripGeneric(name: string): string {
  return name.replace(/^(?:military|modern|various|many|all|such)\s+/i, "");
}
