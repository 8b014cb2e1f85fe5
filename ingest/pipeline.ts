import type { Article } from "../src/model/article.js";
import { ClaimSchema, claimId, type Claim } from "../src/model/claim.js";
import { EntitySchema, type Entity } from "../src/model/entity.js";
import {
  attributionContext,
  sentenceSources,
  sourcesOf,
  type AttributionContext,
  type SourceMention,
} from "./frames/attribution.js";
import { DocumentContext, type Ref, type Source } from "./frames/context.js";
import { loadFrames, type FrameTable, type RoleKind } from "./frames/frames.js";
import { matchFrames, type Draft, type Filler, type MatchContext } from "./frames/match.js";
import { amountOf, claimTime, isHedged, isNegated, qualifierContext, type QualifierContext } from "./frames/qualify.js";
import { EntityRegistry, type Resolved } from "./frames/resolve.js";
import type { ParsedDocument } from "./parse/parsed.js";
import { paragraphAt, prepareText } from "./parse/prepare.js";
import { Arguments, argumentContext, type Argument, type ArgumentContext } from "./syntax/arguments.js";
import { buildGazetteer } from "./syntax/gazetteer.js";
import { SentenceGraph } from "./syntax/graph.js";
import {
  initialsOf,
  findNames,
  nameContext,
  type NameContext,
  type NamedMention,
  type TypeVotes,
} from "./syntax/names.js";
import { repairParse } from "./syntax/repair.js";
import type { ExtractionResult, ExtractOptions } from "./types.js";
import { loadVocab, type PersonEntry } from "./vocab/vocab.js";

/**
 * Claims from one parsed article. The parse (ingest/parse) gives sentences, tokens, named-entity
 * spans and enhanced++ dependencies; this stage names the entities, applies the frame table
 * (ingest/frames/frames.json) to every sentence, resolves what a sentence leaves to its context
 * (pronouns, "the company", a continued supply, a sanction's body), reads the qualifiers off the
 * parse and writes claims in the evaluation's form. Pure: same parse, same claims.
 */

export const EXTRACTOR = "kg-frames@0.2.0";

interface Compiled {
  names: NameContext;
  args: ArgumentContext;
  table: FrameTable;
  match: MatchContext;
  qual: QualifierContext;
  attr: AttributionContext;
  /** well-known people and whom they serve: "President Xi Jinping" */
  serves: ReadonlyMap<string, Ref>;
}

let compiledFor: { key: string; c: Compiled } | null = null;

function compiled(): Compiled {
  const key = process.env.KG_VOCAB_DIR ?? "";
  if (compiledFor?.key === key) return compiledFor.c;
  const vocab = loadVocab();
  const gaz = buildGazetteer(vocab);
  const table = loadFrames();
  const lex = vocab.lexicon;
  const frameNouns = [...table.events.keys(), ...table.agents.keys(), ...table.verbs.keys()];
  const c: Compiled = {
    names: nameContext(gaz, lex, frameNouns),
    args: argumentContext(
      lex,
      new Map([...servesByName(vocab.people)].filter(([, s]) => s.type === "Country").map(([n, s]) => [n, s.name])),
    ),
    table,
    match: {
      table,
      serves: servesByName(vocab.people),
      titles: new Set(lex.personTitles.map((t) => t.toLowerCase())),
      targetNouns: new Set(lex.targetNouns.map((t) => t.toLowerCase())),
      placeNouns: new Set(lex.placeWords.map((t) => t.toLowerCase())),
    },
    qual: qualifierContext(lex),
    attr: attributionContext(lex),
    serves: new Map(
      vocab.people.flatMap((p) =>
        [p.name, ...p.aliases].map((n): [string, Ref] => [
          n,
          { type: p.serves.type, name: p.serves.name, surface: p.serves.name, reason: null },
        ]),
      ),
    ),
  };
  compiledFor = { key, c };
  return c;
}

/** The predicates a word is a verb or event noun of ("sanctions" → SANCTIONS). */
function predicatesOfWord(lemma: string): string[] {
  const t = compiled().table;
  return [...(t.verbs.get(lemma) ?? []), ...(t.events.get(lemma) ?? [])].map((cls) => t.classPredicate.get(cls)!);
}

/** Frame verbs, for the parse repairs: only verbs a frame reads are worth repairing. */
export function isFrameVerb(lemma: string): boolean {
  return compiled().table.verbs.has(lemma);
}

const GOV_BODY =
  /\b(Service|Ministry|Staff|Intelligence|Agency|Council|Committee|Department|Office|Forces|Guard|Bureau|Directorate|Administration|Commission|Parliament|Army|Navy|Police|Court|Customs|Embassy|Security|Emergency)\b/;

/** goods named by what they are, which refer back to goods named before: "the compound" */
const GENERIC_GOODS =
  /^(compound|material|substance|chemical|product|item|good|goods|commodity|equipment|cargo|consignment|component|part|ton|tonne|unit|barrel|batch|shipment|delivery)$/;

export function extractArticle(article: Article, parsed: ParsedDocument, options?: ExtractOptions): ExtractionResult {
  const c = compiled();
  const text = article.text;
  const doc = article.id;
  const prep = prepareText(text);
  const headerDate = prep.header.date ?? "";
  const date = article.date ?? (/^\d{4}-\d{2}-\d{2}$/.test(headerDate) ? headerDate : null);
  const registry = new EntityRegistry(doc, options?.knownEntities ?? [], c.names.legalForms);
  const warnings: string[] = [];
  const claims: Claim[] = [];
  const used = new Map<string, Entity>();
  const votes = typeVotes(parsed, text);
  const learned = new Map<string, Ref>();
  /** organisations named so far, whose acronyms a later sentence may use ("TI" after "Texas Instruments Inc.") */
  const orgsNamed = new Set<string>();
  /** organisations named on their own, not only as a modifier ("Intel said", not just "Intel chips") */
  const standingOrgs = new Set<string>();
  const ctx = new DocumentContext();

  const resolve = (r: Ref): Resolved => registry.resolve(r.type, r.name, r.surface, r.reason);

  for (const ps of parsed.sentences) {
    const quote = text.slice(ps.start, ps.end);
    // questions assert nothing
    if (/\?["”’)]?\s*$/.test(quote)) continue;
    const paragraph = paragraphAt(prep.paragraphs, ps.start);
    const g = new SentenceGraph(repairParse(ps, isFrameVerb, (lemma) => c.attr.reportingVerbs.has(lemma)));
    const mentions = mergeStateBodies(findNames(g, text, c.names, votes), g, text).map(acronymOfEarlierName);
    for (const m of mentions) {
      if (m.type !== "Organization" || m.weak) continue;
      if (/\s/.test(m.name)) orgsNamed.add(m.name);
      if (g.relation(g.treeParent(m.head) ?? -1, m.head) !== "compound" || learned.has(m.surface))
        standingOrgs.add(m.surface);
    }
    const args = new Arguments(g, mentions, text, c.args, standingOrgs);
    learnShortNames(g, mentions);
    const drafts = withoutRestatedEvents(matchFrames(g, args, c.match));
    // "OFAC designated X for supplying Russia with drones": the designating body says why, so it
    // is the source of the sentence's other claims when the sentence names no other
    // who designated in this sentence, and where: the source of the reasons given in that clause
    const designators: Array<Source & { anchor: number }> = [];
    // "North Korea sends Russia shells for satellite advice: S Korea": a headline names its source last
    const headlineSource = prep.paragraphs[paragraph]?.kind !== "body" ? headlineSourceOf() : null;
    // a sentence that names a source without a claim of its own ("Western intelligence ...
    // indicates otherwise") still gives the source of the claims that follow it in its paragraph
    if (drafts.length === 0) {
      const named = namesOfSources(sentenceSources(g, args, c.attr));
      if (named.length > 0) ctx.noteSources(named, ps.index, paragraph);
    }

    for (const d of drafts) {
      if (d.row.after && !ctx.hasTopic(d.row.after)) continue;
      const kinds = c.table.roles.get(d.predicate)!;
      // "Poland is sending military aid to Ukraine": no goods to claim, but "These supplies
      // include tanks" continues it
      if (d.object.arg?.kind === "item" && d.object.arg.abstract) {
        if (d.predicate === "SUPPLIES") noteAbstractSupply(d);
        continue;
      }
      const objects = refsOf(d.object, kinds.object, d.predicate, "object");
      if (objects.length === 0) continue;
      let subjects = d.subject ? refsOf(d.subject, kinds.subject, d.predicate, "subject") : [];
      let recipients = d.recipient ? refsOf(d.recipient, kinds.recipient ?? "actor", d.predicate, "recipient") : [];
      let subjectInferred = false;
      let recipientInferred = false;
      if (d.subject === null) {
        const inferred = contextSubject(d, recipients[0] ?? null);
        if (inferred) {
          subjects = [inferred.subject];
          subjectInferred = true;
          if (recipients.length === 0 && inferred.recipient) {
            recipients = [inferred.recipient];
            recipientInferred = true;
          }
        }
      }
      if (subjects.length === 0) continue;
      const { sources, explicit } = sourcesFor(d.anchor, subjects[0]!, objects[0]!);
      if (explicit) ctx.noteSources(sources, ps.index, paragraph);
      if (sources.length > 0) ctx.noteSourceTopic(subjects[0]!.name, objects[0]!.name, ps.index);
      const negated = isNegated(g, d.anchor, c.qual);
      const hedged = isHedged(g, d.anchor, c.qual);
      const stated = claimTime(g, d.anchor, text, date);
      const time = stated ?? (date ? date.slice(0, 4) : undefined);
      const via = d.via.flatMap((v) => (v.arg?.kind === "named" ? [refOfMention(v.arg.mention, "place")] : []));
      const amount = d.object.arg?.kind === "item" ? amountOf(d.object.arg.amountText) : undefined;
      for (const subject of subjects) {
        for (const object of objects) {
          for (const recipient of recipients.length > 0 ? recipients : [null]) {
            const claim = toClaim({
              d,
              subject,
              object,
              recipient,
              recipientInferred,
              subjectInferred,
              via,
              sources,
              negated,
              hedged,
              time,
              timeInferred: stated === undefined && time !== undefined,
              amount,
              sentence: ps.index,
              start: ps.start,
              end: ps.end,
            });
            if (!claim) continue;
            claims.push(claim);
            if (d.predicate === "SUPPLIES") {
              ctx.noteSupply({ sentence: ps.index, paragraph, subject, recipient, object, negated });
            }
            if (d.predicate === "SANCTIONS" && !negated) {
              ctx.noteSanctioner(subject);
              if (d.subject !== null) {
                const r = resolve(subject);
                if (!designators.some((x) => x.id === r.id))
                  designators.push({ name: r.name, id: r.id, type: r.type, anchor: d.anchor });
              }
            }
            const derived = [
              originSupply(d, subject, object, negated),
              ...exchangeSupplies(d, subject, recipient, negated),
            ];
            for (const x of derived) {
              if (!x) continue;
              const dc = toClaim({
                ...x,
                via: [],
                sources,
                negated: false,
                hedged,
                time,
                timeInferred: stated === undefined && time !== undefined,
                amount: undefined,
                sentence: ps.index,
                start: ps.start,
                end: ps.end,
                recipientInferred: false,
                subjectInferred: false,
              });
              if (!dc) continue;
              claims.push(dc);
              ctx.noteSupply({
                sentence: ps.index,
                paragraph,
                subject: x.subject,
                recipient: x.recipient,
                object: x.object,
                negated: false,
              });
            }
          }
        }
      }
    }

    /**
     * "Russia flew cash to Iran in exchange for Iranian drones", "North Korea supplies shells to
     * Russia in return for satellite technology": what is given in exchange is supplied the other way.
     */
    function exchangeSupplies(
      d: Draft,
      subject: Ref,
      recipient: Ref | null,
      negated: boolean,
    ): Array<{ d: Draft; subject: Ref; object: Ref; recipient: Ref }> {
      if (d.predicate !== "SUPPLIES" || negated || !recipient || d.row.id.includes("+")) return [];
      const marks = [...g.children(d.anchor, ["obl:in", "obl:for"]), ...g.children(d.anchor, "advcl:in")].filter((k) =>
        /^(exchange|return)$/.test(g.lemma(k)),
      );
      const goods = marks.flatMap((k) => g.children(k, ["nmod:for", "obl:for"])).flatMap((k) => g.withConjuncts(k));
      const out: Array<{ d: Draft; subject: Ref; object: Ref; recipient: Ref }> = [];
      for (const k of goods) {
        const a = args.at(k);
        if (a?.kind !== "item" || a.abstract) continue;
        const row = { ...d.row, id: `${d.row.id}+exchange`, confidence: d.row.confidence - 0.1 };
        for (const object of goodsRefs(a, false))
          out.push({ d: { ...d, row, rule: row.id }, subject: recipient, object, recipient: subject });
      }
      return out;
    }

    /**
     * Goods of a named origin in another's hands or inside another's goods were supplied by that
     * origin: "Russian troops fought with North Korean shells" (North Korea supplies shells to
     * Russia), "Russian drones consist of Chinese parts" (China supplies parts to Russia). Not for
     * a state's own goods, nor a denied use.
     */
    function originSupply(
      d: Draft,
      subject: Ref,
      object: Ref,
      negated: boolean,
    ): { d: Draft; subject: Ref; object: Ref; recipient: Ref } | null {
      if (negated) return null;
      const goods = d.predicate === "USES" ? d.object.arg : d.predicate === "COMPONENT_OF" ? d.subject?.arg : null;
      if (!goods || goods.kind !== "item" || goods.origins.length !== 1) return null;
      const origin = refOfMention({ ...goods.origins[0]!, demonym: false }, "actor");
      let user: Ref | null = d.predicate === "USES" ? subject : null;
      if (d.predicate === "COMPONENT_OF") {
        const product = d.object.arg;
        const owner =
          product?.kind === "item"
            ? (product.origins[0] ?? (product.possessor !== null ? args.mention(product.possessor) : undefined))
            : undefined;
        user = owner ? refOfMention({ ...owner, demonym: false }, "actor") : null;
      }
      if (!user || user.type !== "Country" || origin.type !== "Country" || user.name === origin.name) return null;
      const item = d.predicate === "USES" ? object : subject;
      const row = { ...d.row, id: `${d.row.id}+origin`, confidence: d.row.confidence - 0.15 };
      return { d: { ...d, predicate: "SUPPLIES", row, rule: row.id }, subject: origin, object: item, recipient: user };
    }

    // the predicates this sentence speaks of ("named" is a designation in a sanctions story)
    for (let k = 0; k < g.size; k++) for (const p of predicatesOfWord(g.lemma(k))) ctx.noteTopic(p);

    // antecedents for what follows: the subjects of this sentence's clauses, and its people
    for (const m of mentions) {
      if (m.demonym) continue;
      if (m.type === "Person") ctx.lastPerson = refOfMention(m, "actor");
      else if (m.type !== "Place" && g.parentEdges(m.head).some((e) => e.rel.startsWith("nsubj"))) {
        ctx.noteSubject(refOfMention(m, "actor"), ps.index);
      }
    }

    // ---- helpers that read this sentence ----

    function refOfMention(m: NamedMention, role: "actor" | "place" | "target"): Ref {
      const l = learned.get(m.surface);
      if (l) return l;
      if (m.type === "Country" && m.metonym && role !== "actor") {
        // "strikes on Kyiv": the city, not the state
        return { type: "Place", name: m.surface.replace(/^the\s+/i, ""), surface: m.surface, reason: null };
      }
      return { type: m.type, name: m.name, surface: m.surface, reason: m.reason };
    }

    /**
     * What a pronoun stands for: the subject of a clause it is coordinated with ("China does not
     * supply weapons, but it provides components"), else the nearest actor named before it in the
     * sentence, else the subject of the sentences just before. "they" takes a coordinated pair.
     */
    function antecedents(token: number, human: boolean, plural: boolean): Ref[] {
      const fits = (m: NamedMention) =>
        !m.demonym && (human ? m.type === "Person" : ["Country", "Organization", "Group", "Facility"].includes(m.type));
      // "Armenia's imports rose while its exports fell": a possessive on a clause's subject
      // stands for the possessor (or subject) of the clause it is joined to
      const owned = g.parents(token, "nmod:poss")[0];
      const ownedVerb = owned === undefined ? undefined : g.parents(owned, ["nsubj", "nsubj:pass"])[0];
      if (!human && ownedVerb !== undefined) {
        const partners = [...g.parents(ownedVerb, ["conj", "advcl"]), ...g.children(ownedVerb, ["conj", "advcl"])];
        for (const p of partners) {
          for (const subj of g.children(p, ["nsubj", "nsubj:pass"])) {
            const m = [...g.children(subj, "nmod:poss"), subj].map((k) => args.mention(k)).find((x) => x && fits(x));
            if (m && m.begin < token) return [refOfMention(m, "actor")];
          }
        }
      }
      const verb = g.parents(token, ["nsubj", "nsubj:pass"])[0];
      if (verb !== undefined) {
        const partners = [...g.parents(verb, "conj"), ...g.children(verb, "conj")];
        for (const p of partners) {
          const subj = g
            .children(p, ["nsubj", "nsubj:pass"])
            .map((k) => args.mention(k))
            .find((m) => m && fits(m));
          if (subj && subj.begin < token) return [refOfMention(subj, "actor")];
        }
      }
      // "Ukraine attacked the plant, describing it as ...": a pronoun never stands for the subject
      // of its own clause, nor for the subject its clause takes from the clause above
      const own = clauseSubjects(token);
      const before = mentions.filter((m) => m.end <= token && fits(m) && !own.has(m.head));
      const nearest = before[before.length - 1];
      // "sanctioned three Chinese firms, accusing them of ...": "they" takes the nearer plural group
      if (plural) {
        for (let k = token - 1; k >= 0 && (!nearest || k >= nearest.end); k--) {
          if (own.has(k) || g.pos(k) !== "NNS") continue;
          const a = args.at(k);
          if (a?.kind === "group") return a.country ? [refOfMention(a.country, "actor")] : [];
        }
      }
      if (nearest) {
        if (!plural) return [refOfMention(nearest, "actor")];
        // "TI and Analog Devices said they ...": the pair
        const group = g.withConjuncts(g.parents(nearest.head, "conj")[0] ?? nearest.head);
        return group
          .map((k) => args.mention(k))
          .filter((m): m is NamedMention => m !== undefined && fits(m))
          .map((m) => refOfMention(m, "actor"));
      }
      if (human) return ctx.lastPerson ? [ctx.lastPerson] : [];
      const prev = ctx.lastSubject(ps.index, ["Country", "Organization", "Group"]);
      return prev ? [prev] : [];
    }

    function clauseSubjects(token: number): Set<number> {
      const out = new Set<number>();
      let verb: number | undefined = g.parents(token, ["obj", "iobj", "obl"]).find((p) => g.isVerb(p));
      for (let depth = 0; verb !== undefined && depth < 3; depth++) {
        const subjects = g.children(verb, ["nsubj", "nsubj:pass", "nsubj:xsubj"]);
        for (const k of subjects) for (const x of g.withConjuncts(k)) out.add(x);
        if (subjects.length > 0) break;
        // a gerund or infinitive without its own subject takes the one above it
        verb = g.parents(verb, ["advcl", "xcomp", "conj"]).find((p) => g.isVerb(p));
      }
      return out;
    }

    /** "North Korean and Russian entities": the adjectives of nationality coordinated on one noun */
    function coordinatedDemonyms(head: number): NamedMention[] {
      const first = g.children(head, "amod").find((k) => args.mention(k)?.demonym && g.has(k, "conj"));
      if (first === undefined) return [];
      return g
        .withConjuncts(first)
        .map((k) => args.mention(k))
        .filter((m): m is NamedMention => m !== undefined && m.demonym);
    }

    /** "the company", "the firm": the organisation last a subject; "the country": the state */
    function descriptionRef(lemma: string): Ref[] {
      const wantCountry = /^(country|state|nation|government|regime)$/.test(lemma);
      const r = ctx.lastSubject(ps.index, wantCountry ? ["Country"] : ["Organization"], 3);
      return r ? [r] : [];
    }

    function refsOf(f: Filler, kind: RoleKind, predicate: string, role: "subject" | "object" | "recipient"): Ref[] {
      const a = f.arg;
      if (!a) return [];
      switch (kind) {
        case "goods":
        case "target":
          if (a.kind === "item") return goodsRefs(a, kind === "target");
          // "Russian oil refineries", "Ukrainian factories": facilities attacked, named with their state
          if (kind === "target" && a.kind === "group" && c.match.targetNouns.has(g.lemma(a.token))) {
            return [itemRef(args.phrase(a.token), false, true)];
          }
          // "Gallium is ...": a weak name opening the sentence is a common noun written with a capital
          if (kind === "goods" && a.kind === "named" && a.mention.weak) {
            const surface =
              a.mention.begin === 0 && a.mention.end === 1 ? a.mention.surface.toLowerCase() : a.mention.surface;
            return [itemRef(surface, false, false)];
          }
          if (kind === "goods") return [];
          return actorRefs(f, a, predicate, role);
        case "person":
          return a.kind === "named" && a.mention.type === "Person" ? [refOfMention(a.mention, "actor")] : [];
        case "place":
          return a.kind === "named" ? [refOfMention(a.mention, "place")] : [];
        case "site":
          return a.kind === "named" && !a.mention.weak ? [refOfMention(a.mention, "place")] : [];
        case "body":
          return actorRefs(f, a, predicate, role).filter((r) => r.type !== "Person");
        case "sanctionable":
          // "Russian oil exports", "the Russian defense sector": goods and sectors of a state are sanctioned as such
          if (a.kind === "item" && a.origins.length > 0)
            return [{ type: "Group", name: args.phrase(a.token), surface: args.phrase(a.token), reason: null }];
          return actorRefs(f, a, predicate, role);
        case "actor":
          return actorRefs(f, a, predicate, role);
      }
    }

    function actorRefs(f: Filler, a: Argument, predicate: string, role: "subject" | "object" | "recipient"): Ref[] {
      switch (a.kind) {
        case "named":
          return [refOfMention(a.mention, predicate === "ATTACKS" && role === "object" ? "target" : "actor")];
        case "group":
          // a sanction's target is the group itself ("four Indian firms"), named after its country
          if (predicate === "SANCTIONS" && role === "object") {
            // "North Korean and Russian entities": one group per state
            const states = coordinatedDemonyms(a.token);
            if (states.length > 1) {
              const noun = g.word(a.token);
              return states.map((m) => ({
                type: "Group",
                name: `${m.surface} ${noun}`,
                surface: `${m.surface} ${noun}`,
                reason: null,
              }));
            }
            if (a.country)
              return [{ type: "Group", name: groupName(a.name, a.country), surface: a.name, reason: null }];
            // "companies shipping machine tools to Belarus": a group the text describes is a target
            const described = args.describedPhrase(a.token);
            return described ? [{ type: "Group", name: described, surface: described, reason: null }] : [];
          }
          // elsewhere a state's firms, forces or officials act for the state
          return a.country ? [refOfMention(a.country, "actor")] : [];
        case "pronoun":
          return sanctionedIsNoSanctioner(antecedents(f.token, a.human, a.plural), predicate, role);
        case "anaphor":
          return sanctionedIsNoSanctioner(descriptionRef(a.lemma), predicate, role);
        case "item":
          return [];
      }
    }

    /**
     * "The EU sanctioned Acme in May. It was also sanctioned by Britain": "it" stands for what was
     * sanctioned, never for whoever imposed sanctions here; without another antecedent, no claim.
     */
    function sanctionedIsNoSanctioner(refs: Ref[], predicate: string, role: string): Ref[] {
      if (predicate !== "SANCTIONS" || role !== "object") return refs;
      return refs.filter((r) => !ctx.isSanctioner(r.name) && !ctx.isSanctioner(resolve(r).name));
    }

    function noteAbstractSupply(d: Draft): void {
      const kinds = c.table.roles.get("SUPPLIES")!;
      const subjects = d.subject ? refsOf(d.subject, kinds.subject, d.predicate, "subject") : [];
      const recipients = d.recipient ? refsOf(d.recipient, kinds.recipient ?? "actor", d.predicate, "recipient") : [];
      for (const subject of subjects) {
        ctx.noteSupply({
          sentence: ps.index,
          paragraph,
          subject,
          recipient: recipients[0] ?? null,
          object: null,
          negated: isNegated(g, d.anchor, c.qual),
        });
      }
      const { sources, explicit } = sourcesFor(
        d.anchor,
        subjects[0] ?? { type: "Item", name: "", surface: "", reason: null },
        { type: "Item", name: "", surface: "", reason: null },
      );
      if (explicit) ctx.noteSources(sources, ps.index, paragraph);
    }

    function goodsRefs(a: Extract<Argument, { kind: "item" }>, asTarget: boolean): Ref[] {
      const lemma = g.lemma(a.token);
      const definite = g
        .children(a.token, "det")
        .some((k) => ["the", "this", "these", "that", "those", "such"].includes(g.lemma(k)));
      // "the compound", "the dual-use material", "110 tons were exported": the goods named before
      if (
        !asTarget &&
        GENERIC_GOODS.test(lemma) &&
        (definite ||
          (g.pos(a.token) === "NNS" &&
            g.children(a.token, "nmod:of").length === 0 &&
            /^(ton|tonne|unit|barrel|batch|shipment)$/.test(lemma)))
      ) {
        const before = ctx.lastGoods(ps.index);
        if (before) return [before];
      }
      // a target keeps its adjective of origin: "Ukrainian energy infrastructure"
      return [itemRef(asTarget ? args.phrase(a.token) : a.name, a.weapon, asTarget)];
    }

    function itemRef(raw: string, weapon: boolean, asTarget: boolean): Ref {
      const name = raw.replace(/^["“‘'(]+|["”’')]+$/g, "").trim();
      return { type: asTarget ? "Facility" : weapon ? "Weapon" : "Item", name, surface: name, reason: null };
    }

    function contextSubject(d: Draft, recipient: Ref | null): { subject: Ref; recipient: Ref | null } | null {
      if (!d.row.context.includes("subject")) return null;
      if (d.predicate === "SANCTIONS") {
        const s = ctx.lastSanctioner();
        return s ? { subject: s, recipient: null } : null;
      }
      if (d.predicate !== "SUPPLIES") return null;
      // "these products were re-exported to Russia": by the one that had received them
      if (/^re-?export|^resell|^re-sell|^trans-?ship/.test(g.lemma(d.anchor))) {
        const r = ctx.lastRecipient(ps.index, paragraph);
        return r ? { subject: r, recipient: null } : null;
      }
      return ctx.supplierFor(ps.index, paragraph, recipient);
    }

    function sourcesFor(anchor: number, subject: Ref, object: Ref): { sources: Source[]; explicit: boolean } {
      const found = sourcesOf(g, args, anchor, c.attr);
      const out = namesOfSources(found);
      if (out.length === 0 && headlineSource) out.push(...headlineSource);
      // "OFAC designated two firms for supplying drones": the designator says why, in its own
      // clause; "the U.S.-sanctioned firm bought tankers" is not the designator's statement
      const designating = designators.filter((x) => g.dominates(x.anchor, anchor));
      if (out.length === 0 && designating.length > 0 && !designating.some((x) => x.id === resolve(subject).id))
        out.push(...designating.map(({ name, id, type }) => ({ name, id, type })));
      if (out.length > 0) return { sources: out, explicit: true };
      const refersBack = found.some((s) => s.anaphoric);
      return {
        sources: ctx.carriedSources(ps.index, paragraph, refersBack, subject.name, object.name),
        explicit: false,
      };
    }

    function headlineSourceOf(): Source[] | null {
      const m = /:\s*([^:]{2,60})$/.exec(quote);
      if (!m) return null;
      const at = ps.start + quote.length - m[1]!.length;
      const named = mentions.find((x) => g.token(x.begin).start === at && g.token(x.end - 1).end === ps.end);
      if (!named || named.demonym) return null;
      const r = resolve(refOfMention(named, "actor"));
      return [{ name: r.name, id: r.id, type: r.type }];
    }

    function namesOfSources(found: SourceMention[]): Source[] {
      const out: Source[] = [];
      for (const s of found) {
        if (s.anaphoric) continue;
        const a = args.at(s.token);
        let refs: Ref[];
        if (a?.kind === "named") refs = [refOfMention(a.mention, "actor")];
        else if (a?.kind === "pronoun") refs = antecedents(s.token, a.human, a.plural);
        else if (a?.kind === "anaphor") refs = descriptionRef(a.lemma);
        // "U.S. officials", "Chinese customs data": cited by that name, not as the country
        else {
          let phrase = withoutRankWords(args.phrase(s.token), c.attr.sourceRankWords);
          // "South Korea's defence ministry": a state's body is cited with its state
          const owner = g
            .children(s.token, "nmod:poss")
            .map((k) => args.mention(k))
            .find((m) => m?.type === "Country" && !m.demonym);
          if (owner && !phrase.includes(owner.surface)) phrase = `${owner.surface}'s ${phrase}`;
          refs = coordinatedSources(s.token, phrase).map((p) => ({ type: "Group", name: p, surface: p, reason: null }));
        }
        for (const ref of refs) {
          const r = resolve(ref);
          if (!out.some((o) => o.id === r.id)) out.push({ name: r.name, id: r.id, type: r.type });
        }
      }
      return out;
    }

    /**
     * "Western intelligence and analytical studies": two sources joined inside one noun phrase, the
     * first a modifier the parser coordinated with a modifier of the second. Each is cited.
     */
    function coordinatedSources(head: number, phrase: string): string[] {
      const mods = g.children(head, ["compound", "amod"]).filter((k) => k < head);
      for (const m of mods) {
        const conj = g.children(m, "conj").find((k) => k < head && k > m);
        const cc = conj === undefined ? undefined : g.children(conj, "cc")[0];
        if (conj === undefined || cc === undefined || g.lemma(cc) !== "and") continue;
        const begin = args.phraseBegin(head);
        if (begin > m) continue;
        // "U.S. and British officials": a bare modifier shares the head ("U.S. officials")
        const first = g.text(begin, m, text);
        const bare = begin === m && !/^NNS?$/.test(g.pos(m));
        return [bare ? `${first} ${g.word(head)}` : first, g.text(conj, head, text)];
      }
      return [phrase];
    }

    function learnShortNames(gr: SentenceGraph, ms: readonly NamedMention[]): void {
      // "Royal United Services Institute (RUSI)", "Siberica Oy (“Siberica”)": the text defines a short name
      for (let i = 0; i + 1 < ms.length; i++) {
        const a = ms[i]!;
        const b = ms[i + 1]!;
        if (a.type === "Country" || a.demonym || b.demonym) continue;
        const between = text.slice(gr.token(a.end - 1).end, gr.token(b.begin).start);
        const after = text.slice(gr.token(b.end - 1).end, gr.token(b.end - 1).end + 3);
        if (/^\s*\(\s*["“]?$/.test(between) && /^["”]?\s*\)/.test(after)) {
          const ref = refOfMention(a, "actor");
          learned.set(b.surface, ref);
          registry.learnAlias(
            resolve(ref),
            b.surface,
            /^[A-Z0-9&.]+$/.test(b.surface) ? "acronym defined in text" : "short name defined in text",
          );
        }
      }
    }
  }

  /** "TI" after "Texas Instruments Inc.": an unrecognised acronym of exactly one organisation named before */
  function acronymOfEarlierName(m: NamedMention): NamedMention {
    if (!(m.weak || m.type === "Organization") || !/^\p{Lu}{2,6}$/u.test(m.surface)) return m;
    const known = learned.get(m.surface);
    if (known) return known.type === "Organization" ? { ...m, type: "Organization", weak: false } : m;
    const full = [...orgsNamed].filter((n) => initialsOf(n, c.names) === m.surface);
    // "Texas Instruments" and "Texas Instruments Inc." are one organisation
    const longest = full.reduce((a, b) => (b.length > a.length ? b : a), "");
    if (full.length === 0 || !full.every((n) => longest.startsWith(n))) return m;
    const ref: Ref = {
      type: "Organization",
      name: longest,
      surface: m.surface,
      reason: "acronym of a name used earlier in the article",
    };
    learned.set(m.surface, ref);
    registry.learnAlias(resolve(ref), m.surface, "acronym of a name used earlier in the article");
    return { ...m, type: "Organization", weak: false };
  }

  function use(e: Resolved): void {
    if (!used.has(e.id)) used.set(e.id, { id: e.id, type: e.type, name: e.name, aliases: [], merges: [] });
  }

  function toClaim(x: {
    d: Draft;
    subject: Ref;
    object: Ref;
    recipient: Ref | null;
    recipientInferred: boolean;
    subjectInferred: boolean;
    via: Ref[];
    sources: Source[];
    negated: boolean;
    hedged: boolean;
    time: string | undefined;
    timeInferred: boolean;
    amount: Claim["amount"];
    sentence: number;
    start: number;
    end: number;
  }): Claim | null {
    const subj = resolve(x.subject);
    const obj = resolve(x.object);
    if (subj.id === obj.id) return null;
    const rec = x.recipient ? resolve(x.recipient) : null;
    const recipient = rec && rec.id !== subj.id && rec.id !== obj.id ? rec : null;
    const via = [
      ...new Map(
        x.via
          .map((v) => resolve(v))
          .filter((v) => v.id !== subj.id && v.id !== recipient?.id)
          .map((v) => [v.id, v]),
      ).values(),
    ];
    // titles, appositives and locations are the writer's description, not a reported claim
    const describes = x.d.predicate === "AFFILIATED_WITH" || x.d.predicate === "LOCATED_IN";
    const sources = describes ? [] : x.sources.filter((s) => s.id !== obj.id);
    const confidence = Math.max(
      0.1,
      Math.min(
        1,
        x.d.row.confidence - (x.hedged ? 0.1 : 0) - (x.subjectInferred ? 0.1 : 0) - (x.recipientInferred ? 0.05 : 0),
      ),
    );
    const claim: Claim = {
      id: claimId({
        doc,
        start: x.start,
        end: x.end,
        subjectId: subj.id,
        predicate: x.d.predicate,
        objectId: obj.id,
        recipientId: recipient?.id,
        negated: x.negated,
      }),
      doc,
      subject: subj.name,
      subjectId: subj.id,
      predicate: x.d.predicate,
      object: obj.name,
      objectId: obj.id,
      ...(recipient ? { recipient: recipient.name, recipientId: recipient.id } : {}),
      ...(x.subjectInferred ? { subjectInferred: true } : {}),
      ...(recipient && x.recipientInferred ? { recipientInferred: true } : {}),
      ...(via.length > 0 ? { via: via.map((v) => v.name), viaIds: via.map((v) => v.id) } : {}),
      ...(sources.length > 0
        ? { attributedTo: sources.map((s) => s.name), attributedToIds: sources.map((s) => s.id) }
        : {}),
      ...(x.time ? { time: x.time } : {}),
      ...(x.time && x.timeInferred ? { timeInferred: true } : {}),
      ...(x.amount ? { amount: x.amount } : {}),
      negated: x.negated,
      hedged: x.hedged,
      confidence: Math.round(confidence * 100) / 100,
      rule: x.d.rule,
      extractor: EXTRACTOR,
      evidence: { article: doc, quote: text.slice(x.start, x.end), start: x.start, end: x.end, sentence: x.sentence },
    };
    const r = ClaimSchema.safeParse(claim);
    if (!r.success) {
      warnings.push(`sentence ${x.sentence}: dropped ${x.d.rule} claim: ${r.error.issues[0]?.message ?? "invalid"}`);
      return null;
    }
    use(subj);
    use(obj);
    if (recipient) use(recipient);
    for (const v of via) use(v);
    for (const s of sources) use({ id: s.id, name: s.name, type: s.type });
    return r.data;
  }

  const withRecipients = inferRecipients(claims);
  // one claim per id, in text order
  const byId = new Map<string, Claim>();
  for (const cl of withRecipients) {
    const prev = byId.get(cl.id);
    if (!prev || cl.confidence > prev.confidence) byId.set(cl.id, cl);
  }
  const out = [...byId.values()].sort(
    (a, b) =>
      a.evidence.start - b.evidence.start ||
      cmp(a.predicate, b.predicate) ||
      cmp(a.subjectId, b.subjectId) ||
      cmp(a.objectId, b.objectId) ||
      cmp(a.recipientId ?? "", b.recipientId ?? "") ||
      cmp(a.id, b.id),
  );
  const registryEntities = new Map(registry.entities().map((e) => [e.id, e]));
  const entities: Entity[] = [];
  for (const id of [...used.keys()].sort()) {
    const e = registryEntities.get(id) ?? used.get(id)!;
    const r = EntitySchema.safeParse(e);
    if (r.success) entities.push(r.data);
    else warnings.push(`entity ${id}: ${r.error.issues[0]?.message ?? "invalid"}`);
  }
  return { claims: out, entities, warnings, sentences: parsed.sentences.length };
}

/** Well-known people by name, alias and (where only one has it) surname: "the Biden administration". */
function servesByName(people: readonly PersonEntry[]): Map<string, PersonEntry["serves"]> {
  const out = new Map<string, PersonEntry["serves"]>();
  const surnames = new Map<string, PersonEntry["serves"] | null>();
  for (const p of people) {
    for (const n of [p.name, ...p.aliases]) out.set(n, p.serves);
    const last = p.name.split(/\s+/).pop()!;
    surnames.set(last, surnames.has(last) ? null : p.serves);
  }
  for (const [n, s] of surnames) if (s && !out.has(n)) out.set(n, s);
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A supply the sentence names without its recipient goes to the one recipient the article names
 * for that supplier and those goods, or else for that supplier, when it names exactly one: marked
 * as inferred, at a lower confidence.
 */
function inferRecipients(claims: readonly Claim[]): Claim[] {
  const recipientsOf = (pick: (c: Claim) => boolean) => {
    const ids = new Map<string, string>();
    for (const c of claims) if (pick(c) && c.recipientId && !c.negated) ids.set(c.recipientId, c.recipient!);
    return ids.size === 1 ? [...ids.entries()][0]! : null;
  };
  return claims.map((c) => {
    if (c.predicate !== "SUPPLIES" || c.recipientId || c.negated) return c;
    const found =
      recipientsOf((o) => o.predicate === "SUPPLIES" && o.subjectId === c.subjectId && o.objectId === c.objectId) ??
      recipientsOf((o) => o.predicate === "SUPPLIES" && o.subjectId === c.subjectId);
    if (!found || found[0] === c.subjectId) return c;
    const [recipientId, recipient] = found;
    return {
      ...c,
      id: claimId({ ...c, start: c.evidence.start, end: c.evidence.end, recipientId }),
      recipient,
      recipientId,
      recipientInferred: true,
      confidence: Math.max(0.1, Math.round((c.confidence - 0.05) * 100) / 100),
    };
  });
}

/**
 * "China's exports of X rose as China sold X": a verb's object that is itself an event noun of the
 * same predicate restates the verb's claim; the event's own drafts go.
 */
function withoutRestatedEvents(drafts: Draft[]): Draft[] {
  const objects = new Set(drafts.filter((d) => d.row.form === "verb").map((d) => `${d.predicate}:${d.object.token}`));
  return drafts.filter((d) => d.row.form === "verb" || !objects.has(`${d.predicate}:${d.anchor}`));
}

/** "four Indian firms" → "Indian firms"; a group named by its country keeps the country's name */
function groupName(name: string, country: NamedMention): string {
  const n = name.replace(/^the\s+/i, "").trim();
  return n.includes(country.surface) || n.includes(country.name) ? n : `${country.surface} ${n}`;
}

/** How each surface was tagged anywhere in the article: a company tagged PERSON once and ORGANIZATION elsewhere is a company. */
function typeVotes(parsed: ParsedDocument, text: string): TypeVotes {
  const out = new Map<string, Set<string>>();
  for (const s of parsed.sentences) {
    for (const span of s.spans) {
      const surface = text.slice(s.tokens[span.begin]!.start, s.tokens[span.end - 1]!.end);
      const set = out.get(surface) ?? new Set<string>();
      set.add(span.ner);
      out.set(surface, set);
    }
  }
  return out;
}

/**
 * "Ukraine's Foreign Intelligence Service", "the Ukrainian Ministry of Defence", "the Foreign
 * Intelligence Service of Ukraine": one body of the state, canonically "<Body> of <Country>".
 */
function mergeStateBodies(ms: NamedMention[], g: SentenceGraph, text: string): NamedMention[] {
  const drop = new Set<NamedMention>();
  for (const m of ms) {
    if (m.type !== "Organization" || !GOV_BODY.test(m.name)) continue;
    const country = ms.find((k) => {
      if (k.type !== "Country" || k.metonym || drop.has(k)) return false;
      const rel = g.relation(m.head, k.head);
      if (rel === "nmod:poss" || (k.demonym && rel === "amod")) return true;
      // "the Foreign Intelligence Service of Ukraine", unless the name already ends in "of ..."
      return rel === "nmod:of" && !/ of /.test(m.name);
    });
    if (!country) continue;
    drop.add(country);
    const begin = Math.min(m.begin, country.begin);
    const end = Math.max(m.end, country.end);
    Object.assign(m, {
      begin,
      end,
      surface: text.slice(g.token(begin).start, g.token(end - 1).end),
      name: `${m.name.replace(/^the\s+/i, "")} of ${country.name}`,
      reason: country.demonym ? "demonym form of a state body's name" : "possessive form of a state body's name",
    });
  }
  return ms.filter((m) => !drop.has(m));
}

/** "senior U.S. officials" are cited as "U.S. officials": rank says who spoke, not whose word it is */
function withoutRankWords(phrase: string, rankWords: ReadonlySet<string>): string {
  const words = phrase.split(" ");
  let i = 0;
  while (i < words.length - 1 && rankWords.has(words[i]!.toLowerCase())) i++;
  return words.slice(i).join(" ");
}
