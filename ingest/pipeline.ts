import type { Article } from "../src/model/article.js";
import { ClaimSchema, claimId, type Claim } from "../src/model/claim.js";
import { entityId, EntitySchema, type Entity } from "../src/model/entity.js";
import type { EntityType } from "../src/model/vocabulary.js";
import type { ExtractArticle, ExtractionResult, ExtractOptions } from "./types.js";
import { findAttribution } from "./stages/attribution.js";
import type { FrameContext } from "./stages/context.js";
import type { Draft, Ref } from "./stages/draft.js";
import { buildGazetteer, type Gazetteer } from "./stages/gazetteer.js";
import { itemContext, type ItemContext } from "./stages/items.js";
import { compileMentionRegexes, findMentions, type Mention, type MentionRegexes } from "./stages/mentions.js";
import { AL, CLAUSE_VERB, framePatterns, type FramePatterns } from "./stages/patterns.js";
import { extractAmount, extractTime } from "./stages/qualifiers.js";
import { relationFrames } from "./stages/relations.js";
import { EntityRegistry, type Resolved } from "./stages/resolve.js";
import { segment, type Sentence } from "./stages/segment.js";
import { suppliesFrames } from "./stages/supplies.js";
import { buildView, type ResolvedMention, type SentenceView } from "./stages/view.js";
import { loadVocab, type Vocab } from "./vocab/vocab.js";

/**
 * The extraction pipeline, in order: header + boilerplate + sentences (segment), mentions and
 * name chunks, entity resolution, the masked sentence view, attribution, relation frames, then
 * qualifiers (negation, hedges, time, amount, via) and output. Pure: same input, same output.
 */

export const EXTRACTOR = "kg-rules@0.1.0";

interface Compiled {
  vocab: Vocab;
  gaz: Gazetteer;
  mre: MentionRegexes;
  pats: FramePatterns;
  items: ItemContext;
  serves: ReadonlyMap<string, Ref>;
}

let baseCompiled: Compiled | null = null;

const CLAUSE_BREAK = /,\s+(?:and|but|while|whereas)\s|;|\b(?:while|whereas)\b/;

/** An actor followed by its verb is the subject of a clause. */
const CLAUSE_SUBJECT = new RegExp(`^(?:\\s*,)?\\s+${CLAUSE_VERB}`);
/** the route of a supply: "through «Turkey» and the «UAE»", "via «Kazakhstan»" */
const VIA = new RegExp(`\\b(?:through|via)\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,2}?(${AL})`, "g");

/**
 * Vocabularies compiled once per process. Entities known from earlier articles are deliberately
 * not added to the mention patterns: they are used in resolution only (EntityRegistry), so that
 * an article gives the same claims whatever was ingested before it.
 */
function compiled(): Compiled {
  if (!baseCompiled) {
    const vocab = loadVocab();
    baseCompiled = {
      vocab,
      gaz: buildGazetteer(vocab),
      mre: compileMentionRegexes(vocab.lexicon),
      pats: framePatterns(vocab.lexicon),
      items: itemContext(vocab.lexicon),
      // looked up by any spelling: the person keeps the name the article gives
      serves: new Map(
        vocab.people.flatMap((p) => {
          const ref: Ref = {
            kind: "context",
            name: p.serves.name,
            type: p.serves.type,
            id: entityId(p.serves.type, p.serves.name),
          };
          return [p.name, ...p.aliases].map((n): [string, Ref] => [n, ref]);
        }),
      ),
    };
  }
  return baseCompiled;
}

const GOV_BODY =
  /\b(Service|Ministry|Staff|Intelligence|Agency|Council|Committee|Department|Office|Forces|Guard|Bureau|Directorate|Administration|Commission|Parliament|Army|Navy|Police|Court|Customs|Embassy|Security|Emergency)\b/;

interface ClaimState {
  claim: Claim;
  sentence: number;
  paragraph: number;
  subjectRef: Ref;
  recipientRef?: Ref | undefined;
}

function refKey(r: Ref | undefined, view?: SentenceView): string {
  if (!r) return "";
  if (r.kind === "mention") return view?.mentions[r.idx]?.entity.id ?? "";
  if (r.kind === "context") return r.id;
  return `item:${r.name}`;
}

export const extractArticle: ExtractArticle = (article: Article, options?: ExtractOptions): ExtractionResult => {
  const c = compiled();
  const lex = c.vocab.lexicon;
  const text = article.text;
  const doc = article.id;
  const seg = segment(text);
  const date = article.date ?? (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(seg.header.date ?? "") ? seg.header.date! : null);
  const registry = new EntityRegistry(doc, options?.knownEntities ?? []);
  const learned = new Map<string, Resolved>();
  const warnings: string[] = [];
  const states: ClaimState[] = [];
  const claims: Claim[] = [];
  const usedEntities = new Map<string, Entity>();
  let lastSources: Array<{ name: string; id: string; type: EntityType }> = [];
  let lastSourceSentence = -10;
  let lastSourceParagraph = -1;
  let prevView: SentenceView | null = null;
  let lastSanctioner: Ref | null = null;
  let lastPerson: Resolved | null = null;

  const resolveMention = (men: Mention): ResolvedMention | null => {
    const l = learned.get(men.surface);
    if (l) return { ...men, entity: l, sourceName: l.name };
    if (men.weak) {
      const p = registry.findPerson(men.surface);
      if (!p) return null;
    }
    const resolved = registry.resolve(men.type as EntityType, men.name, men.core ?? men.surface, men.reason);
    // a country named with its people or bodies ("U.S. officials", "Chinese customs data") is cited by that name
    const extended =
      (men.type === "Country" || men.type === "Group") && men.core !== undefined && men.surface !== men.core;
    const sourceName = extended ? men.surface.replace(/^the\s+/i, "").replace(/['’]s\b/, "'s") : resolved.name;
    return { ...men, entity: resolved, sourceName };
  };

  for (const sentence of seg.sentences) {
    const raw = findMentions(sentence.text, sentence.start, { gaz: c.gaz, lex, re: c.mre });
    const mentions = mergePossessiveBodies(raw, text);
    const resolved: ResolvedMention[] = [];
    for (let i = 0; i < mentions.length; i++) {
      const men = mentions[i]!;
      const r = resolveMention(men);
      if (!r) continue;
      resolved.push(r);
      // "Royal United Services Institute (RUSI)", "Siberica Oy (“Siberica”)": the text defines an alias
      const next = mentions[i + 1];
      if (next && r.role === "actor" && r.type !== "Country") {
        const between = text.slice(men.end, next.start);
        if (/^\s*\(\s*["“]?$/.test(between) && /^["”]?\s*\)/.test(text.slice(next.end))) {
          learned.set(next.surface, r.entity);
          registry.learnAlias(
            r.entity,
            next.surface,
            /^[A-Z0-9&.]+$/.test(next.surface) ? "acronym defined in text" : "short name defined in text",
          );
        }
      }
    }
    const view = buildView(sentence, resolved);
    const ctx = frameContext();
    const att = findAttribution(view, ctx);
    let sources: Array<{ name: string; id: string; type: EntityType }> = att.mentions.map((i) => {
      const men = view.mentions[i]!;
      const type: EntityType = men.sourceName !== men.entity.name ? "Group" : men.entity.type;
      return {
        name: men.sourceName,
        id: men.sourceName !== men.entity.name ? entityId("Group", men.sourceName) : men.entity.id,
        type,
      };
    });
    let sourceCarried = false;
    if (sources.length === 0 && att.personal && lastPerson) {
      sources = [{ name: lastPerson.name, id: lastPerson.id, type: "Person" }];
    }
    if (sources.length === 0 && lastSources.length > 0) {
      const near = sentence.index - lastSourceSentence <= 4;
      // a source carries through its paragraph; into a later paragraph only when the sentence
      // refers back to it ("It found ...", "The report stated"): a new paragraph often has a new voice
      if ((att.anaphoric && near) || (sentence.paragraph === lastSourceParagraph && near)) {
        sources = lastSources;
        sourceCarried = true;
      }
    }
    if (sources.length > 0 && !sourceCarried) {
      lastSources = sources;
      lastSourceSentence = sentence.index;
      lastSourceParagraph = sentence.paragraph;
      for (const s of sources) {
        if (s.type === "Group" && !usedEntities.has(s.id)) {
          usedEntities.set(s.id, { id: s.id, type: "Group", name: s.name, aliases: [], merges: [] });
        }
      }
    }

    const drafts = [...suppliesFrames(view, ctx), ...relationFrames(view, ctx)];
    // "OFAC designated X for supplying Russia with drones": the designating body is the source of the supply claim
    if (sources.length === 0 || sourceCarried) {
      const sanctioner = drafts.find((d) => d.predicate === "SANCTIONS" && d.subject.kind === "mention");
      if (sanctioner && sanctioner.subject.kind === "mention") {
        const e = view.mentions[sanctioner.subject.idx]!.entity;
        sources = [{ name: e.name, id: e.id, type: e.type }];
      }
    }
    for (const men of view.mentions) if (men.entity.type === "Person") lastPerson = men.entity;
    // a claim without its own date is reported as current at the article's date
    const statedTime = extractTime(sentence.text, date);
    const time = statedTime ?? (date ? date.slice(0, 4) : undefined);
    const timeInferred = statedTime === undefined && time !== undefined;
    for (const d of drafts) {
      const claim = toClaim(d, view, sentence, sources, time, timeInferred);
      if (!claim) continue;
      if (!d.contextOnly) claims.push(claim);
      states.push({
        claim,
        sentence: sentence.index,
        paragraph: sentence.paragraph,
        subjectRef: asContext(d.subject, view),
        recipientRef: d.recipient ? asContext(d.recipient, view) : undefined,
      });
      if (d.predicate === "SANCTIONS") lastSanctioner = asContext(d.subject, view);
    }
    prevView = view;
  }

  function asContext(r: Ref, view: SentenceView): Ref {
    if (r.kind !== "mention") return r;
    const e = view.mentions[r.idx]!.entity;
    return { kind: "context", name: e.name, type: e.type, id: e.id };
  }

  function frameContext(): FrameContext {
    return {
      lex,
      pats: c.pats,
      items: c.items,
      serves: (person) => c.serves.get(person) ?? null,
      pronoun(v, at) {
        const actors = v.mentions
          .map((m, i) => ({ m, i }))
          .filter((x) => x.m.role === "actor" && x.m.type !== "Person" && x.m.start < v.orig(at));
        // "its war in Ukraine": the nearest actor before; "it provides": the clause's subject
        if (actors.length > 0 && /^(?:its|their)\b/i.test(v.masked.slice(at, at + 6))) {
          const near = actors.filter((x) => x.m.type !== "Person");
          // the nearest actor that heads a clause ("Russia is importing ... for its war"), else the nearest
          return [{ kind: "mention", idx: near[near.length - 1]!.i }];
        }
        if (actors.length > 0) {
          const first = actors[0]!;
          const out: Ref[] = [{ kind: "mention", idx: first.i }];
          // "TI and Analog Devices said they ..."
          const pr = v.masked.slice(at, at + 5);
          if (/^they/i.test(pr)) {
            const listRe = new RegExp(`^«${first.i}»((?:\\s*,\\s*|\\s+and\\s+)«\\d+»)+`);
            const pos = v.masked.indexOf(`«${first.i}»`);
            const lm = listRe.exec(v.masked.slice(pos));
            if (lm)
              for (const y of lm[0].match(/«(\d+)»/g)!.slice(1))
                out.push({ kind: "mention", idx: Number(y.slice(1, -1)) });
          }
          return out;
        }
        // a sentence-initial "It" continues the previous sentence's subject
        const initial = at <= 1;
        const lastState = states[states.length - 1];
        if (!initial && lastState && v.sentence.index - lastState.sentence <= 2) return [lastState.subjectRef];
        if (prevView) {
          const pa = prevView.mentions.find((m) => m.role === "actor" && m.type !== "Person" && m.type !== "Country");
          const pc = prevView.mentions.find((m) => m.role === "actor" && m.type !== "Person");
          const p = initial ? (pc ?? pa) : (pa ?? pc);
          if (p) return [{ kind: "context", name: p.entity.name, type: p.entity.type, id: p.entity.id }];
        }
        return [];
      },
      lastSupply(v) {
        for (let i = states.length - 1; i >= 0; i--) {
          const s = states[i]!;
          if (v.sentence.index - s.sentence > 3) break;
          if (s.claim.predicate !== "SUPPLIES" || s.claim.negated) continue;
          if (s.paragraph < v.sentence.paragraph - 1) break;
          return { subject: s.subjectRef, recipient: s.recipientRef };
        }
        return null;
      },
      dominantSupplier(v, recipient) {
        const rid = refKey(recipient, v);
        const count = new Map<string, { ref: Ref; n: number }>();
        for (const s of states) {
          if (s.claim.predicate !== "SUPPLIES" || s.claim.negated) continue;
          if (rid && s.claim.recipientId !== rid) continue;
          const k = s.claim.subjectId;
          const e = count.get(k) ?? { ref: s.subjectRef, n: 0 };
          e.n++;
          count.set(k, e);
        }
        let best: { ref: Ref; n: number } | null = null;
        for (const [, e] of [...count.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
          if (!best || e.n > best.n) best = e;
        // the dominant supplier: named twice, or the only one named for this recipient so far
        return best && (best.n >= 2 || (rid !== "" && count.size === 1)) ? best.ref : null;
      },
      dominantRecipient(v, supplier) {
        const sid = refKey(supplier, v);
        const count = new Map<string, { ref: Ref; n: number }>();
        for (const s of states) {
          if (s.claim.predicate !== "SUPPLIES" || s.claim.negated || !s.recipientRef) continue;
          if (s.claim.subjectId !== sid) continue;
          const k = s.claim.recipientId ?? "";
          const e = count.get(k) ?? { ref: s.recipientRef, n: 0 };
          e.n++;
          count.set(k, e);
        }
        let best: { ref: Ref; n: number } | null = null;
        for (const [, e] of [...count.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
          if (!best || e.n > best.n) best = e;
        if (best) return best.ref;
        // the paragraph's other state: "China increased sales of X" in a text about Russia
        // ("..., and Iran sold drones to Russia": a state that opens a clause of its own is no recipient)
        // nor one in another clause than the supplier's
        const at = (k: number) => v.masked.indexOf(`«${k}»`);
        const from = supplier.kind === "mention" ? at(supplier.idx) : 0;
        const i = v.mentions.findIndex((m, k) => {
          if (m.entity.type !== "Country" || m.entity.id === sid) return false;
          const pos = at(k);
          if (pos < 0 || CLAUSE_SUBJECT.test(v.masked.slice(pos + `«${k}»`.length))) return false;
          return !CLAUSE_BREAK.test(v.masked.slice(Math.min(from, pos), Math.max(from, pos)));
        });
        return i >= 0 ? { kind: "mention", idx: i } : null;
      },
      lastSanctioner: () => lastSanctioner,
    };
  }

  function entityOf(r: Ref, view: SentenceView): Resolved | null {
    if (r.kind === "mention") return view.mentions[r.idx]?.entity ?? null;
    if (r.kind === "context") return { id: r.id, name: r.name, type: r.type };
    if (r.anaphoric) {
      // "the compound", "the dual-use material": the item last named in a supply claim nearby
      for (let i = states.length - 1; i >= 0; i--) {
        const s = states[i]!;
        if (view.sentence.index - s.sentence > 8) break;
        if (
          (s.claim.predicate === "SUPPLIES" && s.claim.objectId.startsWith("item:")) ||
          s.claim.objectId.startsWith("weapon:")
        ) {
          if (s.claim.predicate === "SUPPLIES")
            return {
              id: s.claim.objectId,
              name: s.claim.object,
              type: s.claim.objectId.startsWith("weapon:") ? "Weapon" : "Item",
            };
        }
      }
    }
    return registry.resolve(r.type, r.name, r.name, null);
  }

  function use(e: Resolved): void {
    if (!usedEntities.has(e.id))
      usedEntities.set(e.id, { id: e.id, type: e.type, name: e.name, aliases: [], merges: [] });
  }

  function toClaim(
    d: Draft,
    view: SentenceView,
    sentence: Sentence,
    sources: Array<{ name: string; id: string; type: EntityType }>,
    time: string | undefined,
    timeInferred: boolean,
  ): Claim | null {
    const subj = entityOf(d.subject, view);
    const obj = entityOf(d.object, view);
    if (!subj || !obj || subj.id === obj.id) return null;
    const rec = d.recipient ? entityOf(d.recipient, view) : null;
    if (rec && (rec.id === subj.id || rec.id === obj.id)) return null;
    if (
      d.predicate === "SUPPLIES" &&
      (subj.type === "Item" || subj.type === "Weapon" || (rec && (rec.type === "Item" || rec.type === "Weapon")))
    )
      return null;
    const m = view.masked;
    const win = m.slice(d.verbAt, Math.min(d.verbAt + 40, m.length));
    const negated =
      d.negated ??
      (c.pats.negation.test(win.split(/\b(?:to|with|of|from|and|but)\b/)[0] ?? "") ||
        c.pats.negationCue.test(m.slice(Math.max(0, d.span[0] - 60), d.span[0] + 2)));
    const hedged = d.hedged ?? c.pats.hedge.test(m.slice(Math.max(0, d.span[0] - 40), d.span[1]));
    const viaIdx: number[] = [];
    VIA.lastIndex = 0;
    // most sentences name no route: the pattern needs "through" or "via"
    if (d.predicate === "SUPPLIES" && (m.includes("through") || m.includes("via"))) {
      for (let x: RegExpExecArray | null; (x = VIA.exec(m)) !== null;) {
        for (const y of x[1]!.match(/«(\d+)»/g) ?? []) {
          const i = Number(y.slice(1, -1));
          const e = view.mentions[i]?.entity;
          if (e && (e.type === "Country" || e.type === "Place") && e.id !== subj.id && e.id !== rec?.id) viaIdx.push(i);
        }
      }
    }
    const via = [...new Set(viaIdx.map((i) => view.mentions[i]!.entity))];
    const quote = sentence.text;
    const start = sentence.start;
    const end = sentence.end;
    const a0 = view.orig(d.span[0]);
    const a1 = view.orig(d.span[1]);
    const amount = extractAmount(text.slice(a0, a1));
    // titles, appositives and locations are the writer's description, not a reported claim
    const describes = d.predicate === "AFFILIATED_WITH" || d.predicate === "LOCATED_IN";
    const srcs = describes ? [] : sources.filter((s) => s.id !== obj.id);
    const confidence = Math.max(0.1, Math.min(1, d.confidence - (hedged ? 0.1 : 0) - (d.subjectInferred ? 0.05 : 0)));
    const claim: Claim = {
      id: claimId({
        doc,
        start,
        end,
        subjectId: subj.id,
        predicate: d.predicate,
        objectId: obj.id,
        recipientId: rec?.id,
        negated,
      }),
      doc,
      subject: subj.name,
      subjectId: subj.id,
      predicate: d.predicate,
      object: obj.name,
      objectId: obj.id,
      ...(rec ? { recipient: rec.name, recipientId: rec.id } : {}),
      ...(rec && d.recipientInferred ? { recipientInferred: true } : {}),
      ...(via.length > 0 ? { via: via.map((v) => v.name), viaIds: via.map((v) => v.id) } : {}),
      ...(srcs.length > 0 ? { attributedTo: srcs.map((s) => s.name), attributedToIds: srcs.map((s) => s.id) } : {}),
      ...(time ? { time } : {}),
      ...(time && timeInferred ? { timeInferred: true } : {}),
      ...(amount ? { amount } : {}),
      negated,
      hedged,
      confidence: Math.round(confidence * 100) / 100,
      rule: d.rule,
      extractor: EXTRACTOR,
      evidence: { article: doc, quote, start, end, sentence: sentence.index },
    };
    const r = ClaimSchema.safeParse(claim);
    if (!r.success) {
      warnings.push(`sentence ${sentence.index}: dropped ${d.rule} claim: ${r.error.issues[0]?.message ?? "invalid"}`);
      return null;
    }
    use(subj);
    use(obj);
    if (rec) use(rec);
    for (const v of via) use(v);
    for (const src of srcs) if (!usedEntities.has(src.id)) use({ id: src.id, name: src.name, type: src.type });
    return r.data;
  }

  // one claim per id, in text order
  const byId = new Map<string, Claim>();
  for (const cl of claims) {
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
  for (const id of [...usedEntities.keys()].sort()) {
    const e = registryEntities.get(id) ?? usedEntities.get(id)!;
    const r = EntitySchema.safeParse(e);
    if (r.success) entities.push(r.data);
    else warnings.push(`entity ${id}: ${r.error.issues[0]?.message ?? "invalid"}`);
  }
  return { claims: out, entities, warnings, sentences: seg.sentences.length };
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * "Ukraine's Foreign Intelligence Service" and "Ukrainian Ministry of Defence" name a body of
 * the state: one organisation, canonically "<Body> of <Country>".
 */
function mergePossessiveBodies(ms: Mention[], text: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1];
    if (
      b &&
      a.type === "Country" &&
      a.surface === text.slice(a.start, a.end) &&
      b.type === "Organization" &&
      b.reason === null &&
      GOV_BODY.test(b.name)
    ) {
      const between = text.slice(a.end, b.start);
      if (/^['’]s\s+(?:the\s+)?$/.test(between) || (a.role === "modifier" && /^\s+$/.test(between))) {
        const country = a.name;
        out.push({
          ...b,
          start: a.start,
          surface: text.slice(a.start, b.end),
          name: `${b.name} of ${country}`,
          reason:
            a.role === "modifier" ? "demonym form of a state body's name" : "possessive form of a state body's name",
          role: "actor",
        });
        i++;
        continue;
      }
    }
    // "the Foreign Intelligence Service of Ukraine": one organisation, not the organisation and the state
    if (
      b &&
      a.type === "Organization" &&
      a.reason === null &&
      GOV_BODY.test(a.name) &&
      b.type === "Country" &&
      b.role === "actor" &&
      b.surface === text.slice(b.start, b.end) &&
      b.surface === b.name
    ) {
      if (/^\s+of\s+(?:the\s+)?$/.test(text.slice(a.end, b.start))) {
        out.push({ ...a, end: b.end, surface: text.slice(a.start, b.end), name: `${a.name} of ${b.name}` });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
