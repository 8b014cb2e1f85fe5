import type { Draft, Ref } from "./draft.js";
import type { FrameContext } from "./context.js";
import { parseItems, type ItemSpan } from "./items.js";
import {
  A,
  ADV,
  AL,
  ALR,
  APPOSITIVE,
  hasText,
  NOT_AFTER_PREP,
  PRE_R,
  PRON,
  rx,
  tailWords,
  USE_END,
  USE_GATE,
  USE_VERB,
} from "./patterns.js";
import { openGates } from "./gates.js";
import { actorsIn, modifiersIn, type SentenceView } from "./view.js";

/**
 * SUPPLIES frames: verb frames (active, ditransitive "provides X with Y", converse imports,
 * passives), noun frames ("China's excavator exports to Russia", "imports of LNG from Russia"),
 * quantity frames ("90% of Russia's microelectronics came from China"), supplier nouns ("a key
 * supplier to Russia of cars") and continuations ("These supplies include ...").
 */

const mention = (idx: number): Ref => ({ kind: "mention", idx });

const VEHICLES =
  "planes?|aircraft|airplanes?|jets?|flights?|ships?|vessels?|tankers?|freighters?|trains?|trucks?|lorries|convoys?";
/**
 * a vehicle, with its origin in group 1 when named ("two ‹Russian› military cargo planes",
 * "ships"), or a state's vehicles taken as one actor (group 2: "«Russian transport planes»")
 */
const CARRIER = `(?:[‹«](\\d+)[›»]\\s+(?:[a-z-]+\\s+){0,3}?(?:${VEHICLES})|«(\\d+)»|\\b(?:${VEHICLES}))`;
const VEHICLE_END = new RegExp(`\\b(?:${VEHICLES})$`, "i");
/** where it arrived (group: the place) */
const ARRIVED =
  "(?:landed|arrived|docked|crossed|sailed|flew|moored|called)\\s+(?:at|in|into|to)\\s+(?:an?\\s+|the\\s+)?(«\\d+»)";
/** what it carried follows */
const CARRYING = "(?:carrying|loaded\\s+with|laden\\s+with|with\\s+(?:a\\s+)?cargoe?s?\\s+of)\\s+";

/** words between a determiner and a buyer noun: "largest", "top ‹Russian›" */
const BUYER_MODS = "(?:(?:[a-z-]+|‹\\d+›)\\s+){0,2}?";

/** the supplier a buyer noun implies: the goods' origin ("‹Russian› oil") or owner ("«TI»'s chips"), not a buyer */
function originOrOwner(its: ItemSpan[], buyers: ReadonlySet<number>): Ref[] {
  for (const i of its) {
    const from = i.origin ?? i.owner;
    if (from !== undefined && !buyers.has(from)) return [mention(from)];
  }
  return [];
}

/** the entity an actor reference names (items name none) */
function refEntity(view: SentenceView, r: Ref): { id: string; name: string; type: string } | undefined {
  if (r.kind === "mention") return view.mentions[r.idx]?.entity;
  return r.kind === "context" ? r : undefined;
}

/** a name as space-delimited lowercase words, for whole-word containment */
const words = (name: string) =>
  ` ${name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;

function refId(view: SentenceView, r: Ref): string {
  return r.kind === "mention" ? (view.mentions[r.idx]?.entity.id ?? "") : r.kind === "context" ? r.id : r.name;
}

function subjectsOf(view: SentenceView, s: string, at: number, ctx: FrameContext): Ref[] {
  if (/^(?:it|they)$/i.test(s.trim())) return ctx.pronoun(view, at);
  return actorsIn(s)
    .filter((i) => view.mentions[i]?.type !== "Person" || true)
    .map(mention);
}

function actorRefs(view: SentenceView, s: string | undefined): Ref[] {
  if (!s) return [];
  return actorsIn(s)
    .filter((i) => view.mentions[i]?.type !== "Person")
    .map(mention);
}

interface Emit {
  subjects: Ref[];
  recipients: Ref[];
  items: ItemSpan[];
  span: [number, number];
  verbAt: number;
  rule: string;
  confidence: number;
  recipientInferred?: boolean;
  subjectInferred?: boolean;
}

/** "sent 700 shipments to X": no goods named, but "these shipments included ..." may follow */
const CONTAINERS = /^(?:shipments|deliveries|consignments|cargo|cargoes|batches|supplies)$/i;

function emit(e: Emit, out: Draft[]): void {
  for (const it of e.items) {
    for (const s of e.subjects) {
      const recs = e.recipients.length > 0 ? e.recipients : [undefined];
      for (const r of recs) {
        out.push({
          predicate: "SUPPLIES",
          subject: s,
          object: { kind: "item", name: it.name, type: it.type, anaphoric: it.anaphoric },
          recipient: r,
          recipientInferred: e.recipientInferred,
          subjectInferred: e.subjectInferred,
          span: e.span,
          verbAt: e.verbAt,
          rule: e.rule,
          contextOnly: CONTAINERS.test(it.name) || undefined,
          confidence: e.confidence - (it.generic ? 0.1 : 0),
          itemOrigin: it.origin,
          itemOwner: it.owner,
        });
      }
    }
  }
}

/** Text before masked position `at` back to a clause boundary: the noun phrase a passive verb follows. */
function phraseBefore(masked: string, at: number): number {
  const before = masked.slice(0, at);
  let start = 0;
  const re =
    /(?:[,;:(]|\bthat\b|\bwhich\b|\bbut\b|\bwhile\b|\bwhere\b|\bwhen\b|\bshowed\b|\bshows\b|\bfound\b|\bsaid\b|\bsays\b)\s*/g;
  for (let m: RegExpExecArray | null; (m = re.exec(before)) !== null;) start = m.index + m[0].length;
  return start;
}

function fillSupplier(
  view: SentenceView,
  ctx: FrameContext,
  it: ItemSpan[],
  recipients: Ref[],
  avoid: Set<number>,
): { subj: Ref[]; inferred: boolean } {
  const origin = it.find((x) => x.origin !== undefined)?.origin ?? it.find((x) => x.owner !== undefined)?.owner;
  if (origin !== undefined && !avoid.has(origin)) return { subj: [mention(origin)], inferred: false };
  const d = ctx.dominantSupplier(view, recipients[0]);
  return d ? { subj: [d], inferred: true } : { subj: [], inferred: true };
}

/** "«X» (has) accused «Y» of …ing": Y is the one said to act */
const ACCUSED_OF = /(?:accused|accuses|accusing|accuse)\s+(?:the\s+)?«(\d+)»\s+of\s+(?:[a-z]+ly\s+)?$/;

export function suppliesFrames(view: SentenceView, ctx: FrameContext): Draft[] {
  const out: Draft[] = [];
  const m = view.masked;
  const SUP = ctx.pats.supplyV;
  const IMP = ctx.pats.importV;
  const SUBJ = `${NOT_AFTER_PREP}(${AL}|${PRON})`;
  const seen = new Set<string>();
  // most sentences name no trade at all: one cheap test skips every supply frame
  const trade = rx(
    ctx.lex,
    "supplies:any",
    () =>
      `\\b(?:${SUP}|${IMP}|${ctx.lex.supplyNouns.join("|")}|${ctx.lex.importNouns.join("|")}|${ctx.lex.supplierNouns.join("|")}|${ctx.lex.buyerNouns.join("|")}|include[sd]?|including|consists?|consisted|contains?|contained|came|come|comes|originated?|flow(?:s|ed|n)?|stream(?:s|ed)?|imported|transported|rel(?:y|ies|ied|ying)|depend(?:s|ed|ing)?|carrying|laden|loaded)\\b`,
    "i",
  ).test(m);
  // goods of a named origin in use ("fought with ‹Belarusian› shells"): the used-origin frame
  const usedForeign = USE_GATE.test(m) && m.includes("‹");
  if (!trade && !usedForeign) return [];
  const gate = openGates(view, ctx.lex);
  const run = (re: RegExp, f: (x: RegExpExecArray) => void) => {
    re.lastIndex = 0;
    for (let x: RegExpExecArray | null; (x = re.exec(m)) !== null;) {
      const key = `${x.index}:${x[0].length}`;
      if (!seen.has(key)) f(x);
      if (x[0].length === 0) re.lastIndex++;
    }
  };
  const items = (a: number, b: number) => parseItems(view, a, b, ctx.items);
  const idx = (x: RegExpExecArray, g: number) => x.indices![g]!;

  // ditransitive with "with": "China has been providing Moscow with components"
  if (gate("supplyVerbs") && gate("with"))
    run(
      rx(
        ctx.lex,
        "supplies:1",
        () => `${SUBJ}${APPOSITIVE},?${ADV}\\s+(?:${SUP})\\s+${PRE_R}(?:[a-z-]+\\s+)?(${AL})\\s+with\\s+(.+)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 3);
        const its = items(a, b);
        emit(
          {
            subjects: subjectsOf(view, x[1]!, x.index, ctx),
            recipients: actorRefs(view, x[2]),
            items: its,
            span: [x.index, b],
            verbAt: idx(x, 1)[1],
            rule: "supplies:verb-with",
            confidence: 0.85,
          },
          out,
        );
      },
    );
  // active: "China supplies weapons to Russia", "exporting nitrocellulose to various countries, including ..."
  if (gate("supplyVerbs"))
    run(
      rx(
        ctx.lex,
        "supplies:2",
        () =>
          `${SUBJ}${APPOSITIVE},?${ADV}\\s+(?:${SUP})\\s+(?!to\\b|with\\b)(.+?)\\s+(?:directly\\s+|indirectly\\s+)?(?:to|into)\\s+${PRE_R}(${ALR})`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        const its = items(a, b);
        // "... to Russian customers through Turkey in 2022, including drones and body armor"
        const rest = m.slice(idx(x, 3)[1]);
        // the list pattern steps through the rest char by char: skip it when the rest names no list
        const tail =
          rest.includes("including") || rest.includes("such")
            ? /^(?:(?!\b(?:but|while|although|whereas|it|they|which|who|he|she)\b)[^.;])*?,\s+(?:including|such\s+as)\s+(.+)$/d.exec(
                rest,
              )
            : null;
        if (tail) {
          const t0 = idx(x, 3)[1] + tail.indices![1]![0];
          its.push(...items(t0, t0 + tail[1]!.length).map((i) => ({ ...i, listed: true })));
        }
        emit(
          {
            subjects: subjectsOf(view, x[1]!, x.index, ctx),
            recipients: actorRefs(view, x[3]),
            items: its,
            span: [x.index, idx(x, 3)[1]],
            verbAt: idx(x, 1)[1],
            rule: "supplies:verb-to",
            confidence: 0.85,
          },
          out,
        );
      },
    );
  // active, recipient from context: "..., but it provides critically important components, including ..."
  if (gate("supplyVerbs"))
    run(
      rx(
        ctx.lex,
        "supplies:3",
        () =>
          `${SUBJ},?${ADV}\\s+(?:${SUP})\\s+(?!to\\b|with\\b|the\\s+«|«)([^«»]+?)(?=\\s*(?:[.;]|$|,\\s+(?:according|said|says|reported|which|while|but|as)\\b))`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        if (/\b(?:to|into|from|with|for)\s*$/.test(x[2]!)) return;
        const subj = subjectsOf(view, x[1]!, x.index, ctx);
        const d = subj[0] ? ctx.dominantRecipient(view, subj[0]) : null;
        if (!d) return;
        emit(
          {
            subjects: subj,
            recipients: [d],
            items: items(a, b),
            span: [x.index, b],
            verbAt: idx(x, 1)[1],
            rule: "supplies:verb-context-recipient",
            confidence: 0.6,
            recipientInferred: true,
          },
          out,
        );
      },
    );
  // "defense-related imports, which provided the Russian military-industrial complex with machine tools"
  if (gate("supplyVerbs") && gate("with") && gate("which_that"))
    run(
      rx(
        ctx.lex,
        "supplies:4",
        () => `\\b(?:which|that)${ADV}\\s+(?:${SUP})\\s+${PRE_R}(?:[a-z-]+\\s+)?(${AL})\\s+with\\s+(.+)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        const recipients = actorRefs(view, x[1]);
        // "«China», which supplies «Russia» with chips": the named antecedent; otherwise the
        // article's main supplier of the recipient ("imports, which provided …")
        const antecedent = /(«\d+»),\s*$/.exec(m.slice(0, x.index));
        const sup = antecedent ? actorRefs(view, antecedent[1])[0] : ctx.dominantSupplier(view, recipients[0]);
        if (!sup) return;
        emit(
          {
            subjects: [sup],
            recipients,
            items: items(a, b),
            span: [antecedent ? antecedent.index : x.index, b],
            verbAt: x.index + 5,
            rule: "supplies:relative-with",
            confidence: antecedent ? 0.75 : 0.6,
            subjectInferred: !antecedent,
          },
          out,
        );
      },
    );
  // gerunds: "..., probably supplying Moscow with key technology", "including by exporting goods", "for supplying Russia with drones"
  if (gate("supplying_exporting"))
    run(
      rx(
        ctx.lex,
        "supplies:gerund",
        () =>
          `\\b(by\\s+|for\\s+)?(?:supplying|exporting|providing|shipping|selling|sending|delivering|transferring)\\s+(?:(?:the\\s+)?(${AL})\\s+with\\s+(.+)|(?!to\\b|with\\b)([^«»]+?)(?:\\s+(?:to|into)\\s+${PRE_R}(${ALR})|(?=[,.;]|$)))`,
        "gd",
      ),
      (x) => {
        const before = m.slice(0, x.index);
        const accused = ACCUSED_OF.exec(before);
        let subj: Ref[] = [];
        let negatedByVerb = false;
        if (
          x[1]?.startsWith("for") &&
          /\b(?:sanctioned|designated|targeted|blacklisted|penalized|penalised)\b/.test(before)
        ) {
          // "OFAC targeted two Turkish entities––Margiana and Demirci––for supplying": the targets
          const lists = [...before.matchAll(/«\d+»(?:(?:\s*,\s*|\s+and\s+)«\d+»)*/g)];
          const last = lists[lists.length - 1];
          // sanctioned individuals supply too, so people are kept here
          if (last) subj = actorsIn(last[0]).map(mention);
        } else if (accused) {
          // "«Washington» has accused «Beijing» of providing": the accused, not the accuser
          subj = [mention(Number(accused[1]))];
        } else {
          // the nearest actor that heads a clause ("China has also become ..., probably supplying")
          const heads = [
            ...before.matchAll(
              /«(\d+)»\s+(?:(?:has|have|had|also|reportedly|repeatedly|publicly)\s+)*(?:has|have|had|is|are|was|were|will|would|can|could|continues?|continued|remains?|plays?|playing|became|becomes|(denied|denies|deny|stopped|stops|halted|halts|ceased|admitted|admits|began|begins|started|starts|resumed|resumes))\b/g,
            ),
          ];
          const h = heads[heads.length - 1];
          if (h) subj = [mention(Number(h[1]))];
          // "Iran denied supplying drones", "the firm stopped shipping chips": the claim is negated
          const rest = h ? before.slice(h.index + h[0].length).trim() : "x";
          if (
            h?.[2] &&
            /^(?:denied|denies|deny|stopped|stops|halted|halts|ceased)$/.test(h[2]) &&
            /^(?:having)?$/.test(rest)
          )
            negatedByVerb = true;
        }
        if (subj.length === 0) return;
        let recipients = actorRefs(view, x[2] ?? x[5]);
        let inferred = false;
        if (recipients.length === 0) {
          const sid = new Set(subj.flatMap((r) => (r.kind === "mention" ? [view.mentions[r.idx]!.entity.id] : [])));
          // prefer the state the sentence says is supported ("its support for Russia, including providing ...")
          const cands = actorsIn(before).filter(
            (i) => view.mentions[i]!.entity.type === "Country" && !sid.has(view.mentions[i]!.entity.id),
          );
          const favoured = cands.filter((i) =>
            /(?:for|to|supporting|aiding|helping|assisting|support|assistance|aid)\s+(?:the\s+)?$/i.test(
              before.slice(0, before.indexOf(`«${i}»`)),
            ),
          );
          const other = favoured.length > 0 ? favoured[favoured.length - 1] : cands[cands.length - 1];
          if (other === undefined) return;
          recipients = [mention(other)];
          inferred = true;
        }
        const g = x[3] !== undefined ? 3 : 4;
        const [a, b] = idx(x, g);
        const n0 = out.length;
        emit(
          {
            subjects: subj,
            recipients,
            items: items(a, b),
            span: [x.index, b],
            verbAt: x.index,
            rule: "supplies:gerund",
            confidence: inferred ? 0.6 : 0.75,
            recipientInferred: inferred,
          },
          out,
        );
        if (negatedByVerb) for (let i = n0; i < out.length; i++) out[i]!.negated = true;
      },
    );
  // "Chinese exports ..., including vehicles, construction equipment and synthetic materials, are providing support to Russia's war efforts"
  if (gate("exports") && gate("including"))
    run(
      rx(
        ctx.lex,
        "supplies:exports-including",
        () =>
          `(‹\\d+›|${A}'s?)\\s+exports\\b[^.;«]*?,?\\s+including\\s+([^.;«]+?),\\s+(?:are|is|were|was|have|has|had|will|continue)\\b[^.;]*?\\bto\\s+(${A})`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        const sup = [...actorsIn(x[1]!), ...modifiersIn(x[1]!)].map(mention);
        emit(
          {
            subjects: sup,
            recipients: actorRefs(view, x[3]),
            items: items(a, b),
            span: [x.index, idx(x, 3)[1]],
            verbAt: x.index,
            rule: "supplies:exports-including",
            confidence: 0.65,
          },
          out,
        );
      },
    );
  // relative and descriptive clauses: "«X», which it said, sent 700 shipments to «Y»", "«X» is an India-based company that shipped
  // CHPL items to «Y»", "«X», an India-based company involved in the supply of CHPL items to «Y»"
  if (gate("supplyVerbs") || gate("involved_engaged"))
    run(
      rx(
        ctx.lex,
        "supplies:relative",
        () =>
          `(${A})(?:\\s+[a-z]+){0,2}(?:,\\s*|\\s+is\\s+|\\s+)(?:(?:(?:which|who|that)\\s+(?:it\\s+said,?\\s+|they\\s+said,?\\s+)?|an?\\s+[^.;]{0,60}?\\b(?:company|firm|entity|supplier|exporter|manufacturer|trader|distributor)\\s+(?:that|which)\\s+)(?:(?:has|have|had|also|reportedly|allegedly)\\s+)*(?:${SUP})\\s+|an?\\s+[^.;]{0,60}?\\b(?:company|firm|entity|supplier|exporter|trader|distributor)\\s+(?:involved|engaged)\\s+in\\s+the\\s+(?:supply|export|exports|sale|delivery|shipment)\\s+of\\s+)(?!to\\b)(.+?)\\s+(?:to|into)\\s+${PRE_R}(?:«\\d+»-based\\s+(?:and\\s+)?)?(?:«\\d+»-designated\\s+)?(${ALR})`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        const recipients = actorRefs(view, x[3]);
        emit(
          {
            subjects: [mention(Number(x[1]!.slice(1, -1)))],
            recipients,
            items: items(a, b),
            span: [x.index, idx(x, 3)[1]],
            verbAt: idx(x, 1)[1],
            rule: "supplies:relative-clause",
            confidence: 0.75,
          },
          out,
        );
      },
    );
  // "«OFAC» designated «Siberica Oy» and «Luminor Oy»––two logistics firms found to have imported electronics into «Russia»"
  if (gate("found_accused"))
    run(
      rx(
        ctx.lex,
        "supplies:found-to-have",
        () =>
          `\\b(?:found\\s+to\\s+have|accused\\s+of(?:\\s+having)?|for\\s+having)\\s+(?:imported|smuggled|shipped|exported|supplied|sent|delivered|importing|smuggling|shipping|exporting|supplying|sending|delivering)\\s+(?!to\\b)([^«»]+?)\\s+(?:in)?to\\s+${PRE_R}(${ALR})`,
        "gd",
      ),
      (x) => {
        const before = m.slice(0, x.index);
        const verb = /\b(?:designated|sanctioned|targeted|blacklisted|named)\b/g;
        let from = 0;
        for (let v: RegExpExecArray | null; (v = verb.exec(before)) !== null;) from = v.index;
        const seen = new Set<string>();
        const subj: Ref[] = [];
        for (const i of actorsIn(before.slice(from))) {
          const e = view.mentions[i]!;
          if (e.type === "Country" || e.type === "Person" || seen.has(e.entity.id)) continue;
          seen.add(e.entity.id);
          subj.push(mention(i));
        }
        if (subj.length === 0) return;
        const [a, b] = idx(x, 1);
        emit(
          {
            subjects: subj,
            recipients: actorRefs(view, x[2]),
            items: items(a, b),
            span: [x.index, idx(x, 2)[1]],
            verbAt: x.index,
            rule: "supplies:found-to-have",
            confidence: 0.7,
          },
          out,
        );
      },
    );
  // double object: "North Korea sends Russia artillery rounds"
  if (gate("sends_send"))
    run(
      rx(
        ctx.lex,
        "supplies:5",
        () =>
          `${SUBJ},?${ADV}\\s+(?:sends?|sent|sending|gives?|gave|giving|sells?|sold|selling|supplies|supplied|supplying|ships?|shipped|shipping)\\s+(?:the\\s+)?(${AL})\\s+(?!with\\b|in\\b|on\\b|to\\b|and\\b|for\\b|at\\b|by\\b|from\\b|as\\b|over\\b|through\\b|via\\b|since\\b)(.+)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 3);
        emit(
          {
            subjects: subjectsOf(view, x[1]!, x.index, ctx),
            recipients: actorRefs(view, x[2]),
            items: items(a, b),
            span: [x.index, b],
            verbAt: idx(x, 1)[1],
            rule: "supplies:verb-ditransitive",
            confidence: 0.8,
          },
          out,
        );
      },
    );
  // converse: "Russia obtained drones from China", "China is buying oil and gas from Russia"
  if (gate("importVerbs") && gate("from"))
    run(
      rx(
        ctx.lex,
        "supplies:6",
        () => `${SUBJ},?${ADV}\\s+(?:${IMP})\\s+(?!from\\b)(.+?)\\s+from\\s+(?:the\\s+)?(${AL})`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        const its = items(a, b);
        emit(
          {
            subjects: actorRefs(view, x[3]),
            recipients: subjectsOf(view, x[1]!, x.index, ctx),
            items: its,
            span: [x.index, idx(x, 3)[1]],
            verbAt: idx(x, 1)[1],
            rule: "supplies:import-from",
            confidence: 0.85,
          },
          out,
        );
      },
    );
  // "Russia's defense industry received computer chips, ..." (supplier from the item or context)
  if (gate("received_receives"))
    run(
      rx(
        ctx.lex,
        "supplies:7",
        () =>
          `(${AL}),?${ADV}\\s+(?:received|receives|receiving|got|obtained|acquired|imported|imports|importing|bought|buys|purchased)\\s+(?!from\\b)(.+)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        if (/\bfrom\s+(?:the\s+)?«/.test(x[2]!)) return; // the import-from frame has it
        const its = items(a, b);
        const recipients = actorRefs(view, x[1]);
        const { subj, inferred } = fillSupplier(view, ctx, its, recipients, new Set(actorsIn(x[1]!)));
        emit(
          {
            subjects: subj,
            recipients,
            items: its,
            span: [x.index, b],
            verbAt: idx(x, 1)[1],
            rule: "supplies:receive",
            confidence: inferred ? 0.6 : 0.75,
            subjectInferred: inferred,
          },
          out,
        );
      },
    );
  // noun frame with possessor/origin: "China's excavator exports to Russia", "Chinese exports to Russia of nitrocellulose",
  // "North Korea's supply of arms ... to Russia"
  if (gate("export_exports"))
    run(
      rx(
        ctx.lex,
        "supplies:8",
        () =>
          `(${A}'s?|‹\\d+›)\\s+(?:total\\s+|overall\\s+|own\\s+|annual\\s+|monthly\\s+)?((?:[a-z][a-z-]*\\s+){0,3}?)(?:exports?|shipments?|sales|deliveries|supplies|supply|re-exports|transfers?)\\s+(?:of\\s+(.+?)\\s+)?(?:(?:to|into)\\s+${PRE_R}(${ALR}))(?:\\s+of\\s+(.+))?`,
        "gd",
      ),
      (x) => {
        const its: ItemSpan[] = [];
        if (x[2]?.trim()) its.push(...items(idx(x, 2)[0], idx(x, 2)[1]));
        if (x[3]) its.push(...items(idx(x, 3)[0], idx(x, 3)[1]));
        if (x[5]) its.push(...items(idx(x, 5)[0], idx(x, 5)[1]));
        const subj = [...actorsIn(x[1]!), ...modifiersIn(x[1]!)].map(mention);
        emit(
          {
            subjects: subj,
            recipients: actorRefs(view, x[4]),
            items: its,
            span: [x.index, idx(x, 4)[1]],
            verbAt: idx(x, 1)[1],
            rule: "supplies:noun-exports",
            confidence: 0.8,
          },
          out,
        );
      },
    );
  // "China has significantly increased its sales of machine tools ... to Russia"; "China increased sales of X"
  if (gate("sales_exports") && gate("increased_increase"))
    run(
      rx(
        ctx.lex,
        "supplies:9",
        () =>
          `${SUBJ},?${ADV}\\s+(?:(?:significantly|sharply|dramatically|greatly|further|also|has|have|had)\\s+)*(?:increased|increase|increases|increasing|boosted|boost|expanded|expand|raised|doubled|tripled|ramped\\s+up|resumed|stepped\\s+up|continued|continues|halted|stopped|suspended|reduced|cut)\\s+(?:its\\s+|their\\s+)?(?:[a-z-]+\\s+)?(?:sales|exports|shipments|deliveries|supplies)\\s+of\\s+(.+?)(?:\\s+(?:to|into)\\s+${PRE_R}(${ALR})|(?=[,.;]|$))`,
        "gd",
      ),
      (x) => {
        // "the «US» halted exports of chips from «Taiwan» to …": someone else's exports
        if (/\bfrom\s+(?:the\s+)?«/.test(x[2]!)) return;
        const a = idx(x, 2)[0];
        let b = idx(x, 2)[1];
        let recipientEnd = x[3] ? idx(x, 3)[1] : b;
        let recipientTag = x[3];
        // the lazy list stopped at its first comma: "sales of machine tools, microelectronics, and
        // other technology to «Russia»" lists up to the recipient the clause names
        if (!recipientTag) {
          const on = rx(
            ctx.lex,
            "supplies:9-recipient",
            () => `^([^.;]*?)\\s+(?:to|into)\\s+${PRE_R}(${ALR})`,
            "d",
          ).exec(m.slice(b));
          if (on && !/\b(?:and|but|while|which|who)\s+(?:«|‹|it|they)/.test(on[1]!)) {
            b += on[1]!.length;
            recipientTag = on[2];
            recipientEnd = idx(x, 2)[1] + on.indices![2]![1];
          }
        }
        const subj = subjectsOf(view, x[1]!, x.index, ctx);
        let recipients = actorRefs(view, recipientTag);
        let inferred = false;
        if (recipients.length === 0 && subj[0]) {
          const d = ctx.dominantRecipient(view, subj[0]);
          if (d) recipients = [d];
          inferred = true;
        }
        emit(
          {
            subjects: subj,
            recipients,
            items: items(a, b),
            span: [x.index, recipientEnd],
            verbAt: idx(x, 1)[1],
            rule: "supplies:noun-sales",
            confidence: inferred ? 0.65 : 0.8,
            recipientInferred: inferred && recipients.length > 0,
          },
          out,
        );
      },
    );
  // recipient's imports: "China has increased its imports of Russian liquefied natural gas",
  // "Russia's imports of Chinese machine tools surged"
  if (gate("imports_purchases"))
    run(
      rx(
        ctx.lex,
        "supplies:10",
        () =>
          `(?:(${AL}),?${ADV}\\s+(?:[a-z]+\\s+){0,2}?(?:its|their)|(${A})['’]s?)\\s+(?:[a-z-]+\\s+)?(?:imports|purchases)\\s+of\\s+(.+?)(?:\\s+from\\s+(${AL})|(?=[,.;(]|$))`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 3);
        const its = items(a, b);
        const recipients = actorRefs(view, x[1] ?? x[2]);
        let subj = actorRefs(view, x[4]);
        if (subj.length === 0) {
          const o = its.find((i) => i.origin !== undefined)?.origin;
          if (o !== undefined) subj = [mention(o)];
        }
        emit(
          {
            subjects: subj,
            recipients,
            items: its,
            span: [x.index, x[4] ? idx(x, 4)[1] : b],
            verbAt: x[1] ? idx(x, 1)[1] : idx(x, 2)[1],
            rule: "supplies:noun-imports",
            confidence: 0.8,
          },
          out,
        );
      },
    );
  // "the continued importation of drones, helmets, vests and radios from China"
  if (gate("importation_import"))
    run(
      rx(
        ctx.lex,
        "supplies:11",
        () => `\\b(?:importation|imports?|purchases?|acquisition)\\s+of\\s+(.+?)\\s+from\\s+(?:the\\s+)?(${AL})`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 1);
        const suppliers = actorsIn(x[2]!);
        const others = [...actorsIn(m), ...modifiersIn(m)].filter(
          (i) => !suppliers.includes(i) && view.mentions[i]?.entity.type === "Country",
        );
        const recipients = others.length > 0 ? [mention(others[0]!)] : [];
        emit(
          {
            subjects: suppliers.map(mention),
            recipients,
            items: items(a, b),
            span: [x.index, idx(x, 2)[1]],
            verbAt: x.index,
            rule: "supplies:noun-importation",
            confidence: 0.75,
            recipientInferred: true,
          },
          out,
        );
      },
    );
  // "Overall imports from China ... Russia's total imports", "Russian imports from China rose"
  if (hasText(m, ["imports"]))
    run(
      rx(
        ctx.lex,
        "supplies:12",
        () => `(?:(${A}'s?|‹\\d+›)\\s+)?(?:overall\\s+|total\\s+)?imports\\s+from\\s+(?:the\\s+)?(${AL})`,
        "gd",
      ),
      (x) => {
        const suppliers = actorsIn(x[2]!);
        let rec = x[1] ? [...actorsIn(x[1]), ...modifiersIn(x[1])] : [];
        let inferred = false;
        if (rec.length === 0) {
          rec = [...actorsIn(m), ...modifiersIn(m)]
            .filter((i) => !suppliers.includes(i) && view.mentions[i]?.entity.type === "Country")
            .slice(0, 1);
          inferred = true;
        }
        if (rec.length === 0) return;
        out.push(
          ...suppliers.map((s): Draft => ({
            predicate: "SUPPLIES",
            subject: mention(s),
            object: { kind: "item", name: "goods", type: "Item" },
            recipient: mention(rec[0]!),
            recipientInferred: inferred,
            span: [x.index, idx(x, 2)[1]],
            verbAt: x.index,
            rule: "supplies:imports-from",
            confidence: 0.6,
          })),
        );
      },
    );
  // passive and flows: "bulldozers and excavators exported from China to Russia", "these products were re-exported to Russia",
  // "70% of ... are sourced from China, which then flows into Russia", "90% of Russia's microelectronics came from China"
  if (gate("re_exported"))
    run(
      rx(
        ctx.lex,
        "supplies:13",
        () =>
          `\\s(?:(?:were|was|are|is|have\\s+been|has\\s+been|had\\s+been|being|been)\\s+)?(?:[a-z]+ly\\s+)?(re-exported|exported|shipped|sent|supplied|delivered|sold|transferred|smuggled|transported|flown|sourced|came|come|comes|originated|originate|originates|imported|bought|purchased|obtained|received|acquired|flowed|flow|flows|streamed|stream)\\s+(?:(?:from\\s+(?:the\\s+)?(${AL})\\s*)?(?:(?:on\\s+)?(?:to|into)\\s+${PRE_R}(${ALR}))?)(?:\\s+from\\s+(${AL}))?`,
        "gd",
      ),
      (x) => {
        const verb = x[1]!;
        const from = x[2] ?? x[4];
        const to = x[3];
        const inbound =
          /^(sourced|came|come|comes|originated|originate|originates|imported|bought|purchased|obtained|received|acquired)$/.test(
            verb,
          );
        // "the drones were supplied by «Iran»": a passive with its agent names the supplier alone
        const agent =
          !inbound && !from && !to && /\b(?:were|was|are|is|been|being)\s/.test(x[0])
            ? rx(
                ctx.lex,
                "supplies:passive-agent",
                () => `^\\s*by\\s+(?:the\\s+)?(${ALR})(?:\\s+(?:on\\s+)?(?:to|into)\\s+${PRE_R}(${ALR}))?`,
              ).exec(m.slice(idx(x, 0)[1]))
            : null;
        if (!inbound && !from && !to && !agent) return;
        let byRecipient: string | undefined;
        if (inbound && !from) {
          const by = rx(ctx.lex, "supplies:14", () => `^\\s*by\\s+(?:the\\s+)?(${ALR})`).exec(m.slice(idx(x, 0)[1]));
          if (!by) return;
          byRecipient = by[1];
        }
        // "drones sent to", not "Iran sent drones to" (the active frame has that)
        const before = m.slice(0, x.index);
        if (
          /(?:«\d+»|\b(?:it|they|he|she))(?:\s+\w+){0,2}\s*$/.test(before) &&
          !/\b(?:were|was|are|is|been|being)\s/.test(x[0])
        )
          return;
        const npStart = phraseBefore(m, x.index);
        let its = items(npStart, x.index);
        if (its.length === 0) return;
        let recipients = actorRefs(view, to ?? byRecipient ?? agent?.[2]);
        let inferred = false;
        if (recipients.length === 0) {
          const after = m.slice(idx(x, 0)[1]);
          const flows = rx(
            ctx.lex,
            "supplies:15",
            () =>
              `^[^.;]*?\\b(?:flows?|flowed|goes|go|went|sent|re-exported|delivered)\\s+(?:on\\s+)?(?:to|into)\\s+${PRE_R}(${ALR})`,
          ).exec(after);
          if (flows) recipients = actorRefs(view, flows[1]);
        }
        if (recipients.length === 0) {
          const own = its.find((i) => i.owner !== undefined)?.owner;
          if (own !== undefined) recipients = [mention(own)];
        }
        let subjects = actorRefs(view, from ?? agent?.[1]);
        // after an inbound verb the agent is the recipient ("were bought by «Russia»"), not the supplier
        if (subjects.length === 0 && !inbound) {
          const byM = rx(ctx.lex, "supplies:16", () => `^[^.;]*?\\bby\\s+(?:the\\s+)?(?:[a-z\\d-]+\\s+)?(${ALR})`).exec(
            m.slice(idx(x, 0)[1]),
          );
          if (byM) subjects = actorRefs(view, byM[1]);
        }
        if (subjects.length === 0) {
          const rec = new Set(recipients.flatMap((r) => (r.kind === "mention" ? [r.idx] : [])));
          const o = its.find((i) => i.origin !== undefined && !rec.has(i.origin))?.origin;
          if (o !== undefined) subjects = [mention(o)];
          else {
            // another state named in the sentence ("the Kyrgyz market ... re-exported to Russia")
            const cands = [...modifiersIn(before), ...actorsIn(before)].filter(
              (i) => !rec.has(i) && view.mentions[i]?.entity.type === "Country",
            );
            if (cands.length === 1) {
              subjects = [mention(cands[0]!)];
              inferred = true;
            }
          }
        }
        if (subjects.length === 0 || (recipients.length === 0 && !agent)) {
          // quantity-only phrases continue the previous supply claim ("About 110 tons were exported ...")
          const last = ctx.lastSupply(view);
          if (!last) return;
          if (subjects.length === 0) subjects = [last.subject];
          if (recipients.length === 0 && last.recipient) recipients = [last.recipient];
          inferred = true;
        }
        its = its.map((i) => i);
        emit(
          {
            subjects,
            recipients,
            items: its,
            span: [npStart, idx(x, 0)[1]],
            verbAt: idx(x, 1)[0],
            rule: inbound ? "supplies:sourced-from" : "supplies:passive",
            confidence: inferred ? 0.6 : 0.8,
            subjectInferred: inferred,
          },
          out,
        );
      },
    );
  // supplier noun: "Beijing has become a key supplier to Russia of cars, clothing ...", "the main suppliers of weapons for Russia",
  // "Turkish firms have become major suppliers of …" (plural, no article, after a copula)
  if (hasText(m, tailWords(ctx.lex.supplierNouns)))
    run(
      rx(
        ctx.lex,
        "supplies:17",
        () =>
          `(${AL}|${PRON}|\\bbeing),?${ADV}\\s+(?:become\\s+|became\\s+|becoming\\s+|remains?\\s+|remained\\s+|is\\s+|was\\s+|as\\s+|being\\s+)?(?:(?:a|an|the|one\\s+of\\s+the|its|their)\\s+|(?<=\\b(?:become|became|becoming|remain|remained|are|were)\\s+))(?:[a-z-]+\\s+){0,2}?(?:${ctx.lex.supplierNouns.join("|")})s?\\s+(?:(?:to|for)\\s+${PRE_R}(${ALR})\\s+)?of\\s+(.+?)(?:\\s+(?:to|for)\\s+${PRE_R}(${ALR})|(?=[.;]|$))`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 3);
        let subj: Ref[];
        if (x[1] === "being") {
          const first = actorsIn(m)[0];
          const startsWithPron = /^\s*(?:It|They)\b/.test(m);
          subj = startsWithPron ? ctx.pronoun(view, 0) : first !== undefined ? [mention(first)] : [];
        } else subj = subjectsOf(view, x[1]!, x.index, ctx);
        const recipients = actorRefs(view, x[2] ?? x[4]);
        if (recipients.length === 0) return;
        emit(
          {
            subjects: subj,
            recipients,
            items: items(a, b),
            span: [x.index, x[4] ? idx(x, 4)[1] : b],
            verbAt: idx(x, 1)[1],
            rule: "supplies:supplier-noun",
            confidence: 0.8,
          },
          out,
        );
      },
    );
  // the recipient's supplier: "«China» remains «Russia»'s main supplier of electronics", "«Iran» has
  // become «Russia»'s most important arms supplier" (an item is named, or there is no claim)
  if (hasText(m, tailWords(ctx.lex.supplierNouns)))
    run(
      rx(
        ctx.lex,
        "supplies:supplier-possessive",
        () =>
          `${SUBJ},?${ADV}\\s+(?:become|became|becoming|remains?|remained|is|was|are|were)\\s+(${A})['’]s?\\s+((?:[a-z-]+\\s+){0,3}?)(?:${ctx.lex.supplierNouns.join("|")})(?:\\s+of\\s+(.+?))?(?=[,.;]|$)`,
        "gd",
      ),
      (x) => {
        const its = [
          ...(x[3]
            ? items(idx(x, 3)[0], idx(x, 3)[1]).filter(
                (i) =>
                  !/^(?:main|top|key|largest|biggest|major|most|important|leading|primary|chief|sole|only|second|third)\b/i.test(
                    i.name,
                  ),
              )
            : []),
          ...(x[4] ? items(idx(x, 4)[0], idx(x, 4)[1]) : []),
        ];
        if (its.length === 0) return;
        emit(
          {
            subjects: subjectsOf(view, x[1]!, x.index, ctx),
            recipients: actorRefs(view, x[2]),
            items: its,
            span: [x.index, x[4] ? idx(x, 4)[1] : idx(x, 0)[1]],
            verbAt: idx(x, 1)[1],
            rule: "supplies:supplier-possessive",
            confidence: 0.75,
          },
          out,
        );
      },
    );
  /**
   * Goods of a named origin (group 2) held by someone (group 1): the origin supplies the holder,
   * unless the goods are the holder's own ("«Ukraine»'s General Staff said it had fired
   * ‹Ukrainian›-made missiles").
   */
  const originSupplies = (x: RegExpExecArray, holders: Ref[], rule: string, confidence: number) => {
    const [a, b] = idx(x, 2);
    const named = new Set(actorsIn(x[1]!));
    const ids = new Set(holders.map((h) => refEntity(view, h)?.id));
    const names = holders.map((h) => words(refEntity(view, h)?.name ?? ""));
    for (const it of items(a, b)) {
      if (it.origin === undefined || named.has(it.origin)) continue;
      const origin = view.mentions[it.origin]!.entity;
      if (ids.has(origin.id) || names.some((n) => n.includes(words(origin.name)))) continue;
      emit(
        {
          subjects: [mention(it.origin)],
          recipients: holders,
          items: [it],
          span: [x.index, b],
          verbAt: idx(x, 1)[1],
          rule,
          confidence,
        },
        out,
      );
    }
  };
  // dependence on a state's goods: "«Russia» relies heavily on ‹Chinese› machine tools", "«Russia»'s
  // drone program depends on ‹Chinese› parts": the goods' origin supplies the dependent
  if (/\b(?:relies|rely|relied|relying|depends|depend|depended|depending)\s/.test(m))
    run(
      rx(
        ctx.lex,
        "supplies:relies-on",
        () =>
          `(${A})(?:['’]s?(?:\\s+[a-z-]+){1,3}?)?${ADV}\\s+(?:(?:heavily|largely|increasingly|mostly|still|critically)\\s+)?(?:relies|rely|relied|relying|depends|depend|depended|depending)\\s+(?:(?:heavily|largely|increasingly|mostly)\\s+)?on\\s+(.+?)(?=[,.;]|$)`,
        "gd",
      ),
      (x) => originSupplies(x, actorRefs(view, x[1]), "supplies:relies-on", 0.7),
    );
  // foreign goods in use: "«Moscow» fought with ‹Belarusian› shells", "«Russia» launched ‹Iranian›-made
  // drones", "«Russian forces» struck the grid with ‹Iranian› drones": the goods' origin supplies the user
  if (usedForeign)
    run(
      rx(ctx.lex, "supplies:used-origin", () => `${SUBJ}${APPOSITIVE},?${ADV}\\s+${USE_VERB}(.+?)${USE_END}`, "gd"),
      (x) => {
        // "has not used ‹Iranian› drones" denies the use, not the supply: say nothing
        if (ctx.pats.negation.test(m.slice(x.index, idx(x, 2)[0]))) return;
        originSupplies(x, subjectsOf(view, x[1]!, x.index, ctx), "supplies:used-origin", 0.6);
      },
    );
  // a carrier's cargo and where it arrived: "‹Russian› cargo planes landed at a «Tehran» airport
  // carrying missiles", "‹Iranian› ships carrying drones docked in «Astrakhan»", "trains loaded
  // with ‹North Korean› shells crossed into «Russia»": the carrier's or the goods' origin supplies
  // the place of arrival's state
  if (hasText(m, ["carrying", "laden", "loaded"]))
    for (const [rule, order] of [
      ["supplies:carrier-arrived", "arrival first"],
      ["supplies:carrier-cargo", "cargo first"],
    ] as const)
      run(
        rx(
          ctx.lex,
          rule,
          () =>
            order === "arrival first"
              ? `${CARRIER}[^.;]{0,80}?\\s+${ARRIVED}[^.;]{0,60}?\\s+${CARRYING}(.+?)(?=[.;]|$)`
              : `${CARRIER}\\s+${CARRYING}(.+?)\\s+${ARRIVED}`,
          "gdi",
        ),
        (x) => {
          const [where, cargo] = order === "arrival first" ? [3, 4] : [4, 3];
          if (x[2] !== undefined && !VEHICLE_END.test(view.mentions[Number(x[2])]!.surface)) return;
          const its = items(idx(x, cargo)[0], idx(x, cargo)[1]).filter(
            (i) => !ctx.lex.notCargo.includes(i.name.toLowerCase().split(" ").pop()!),
          );
          if (its.length === 0) return;
          // a port or an airport is no recipient: only a state is ("arrived in «Russia»")
          const recipients = actorRefs(view, x[where]).filter((r) => refEntity(view, r)?.type === "Country");
          const named = x[1] ?? x[2];
          const origin = named !== undefined ? Number(named) : its.find((i) => i.origin !== undefined)?.origin;
          if (origin === undefined || recipients.length === 0 || actorsIn(x[where]!).includes(origin)) return;
          if (view.mentions[origin]?.entity.type !== "Country") return;
          emit(
            {
              subjects: [mention(origin)],
              recipients,
              items: its,
              span: [x.index, idx(x, 0)[1]],
              verbAt: x.index,
              rule: "supplies:carrier",
              confidence: 0.65,
            },
            out,
          );
        },
      );
  // a share of the recipient's imports: "«China» accounts for 90% of «Russia»'s microelectronics imports"
  if (/\baccount(?:s|ed)?\s+for\b/.test(m))
    run(
      rx(
        ctx.lex,
        "supplies:accounts-for",
        () =>
          `(${AL}),?${ADV}\\s+(?:accounts|account|accounted)\\s+for\\s+(?:[^,.;«]*?\\s+of\\s+)?(?:the\\s+)?(${A})['’]s?\\s+(?:total\\s+)?(.+?)\\s+(?:imports|purchases)\\b`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 3);
        emit(
          {
            subjects: actorRefs(view, x[1]),
            recipients: actorRefs(view, x[2]),
            items: items(a, b),
            span: [x.index, b],
            verbAt: idx(x, 1)[1],
            rule: "supplies:accounts-for",
            confidence: 0.75,
          },
          out,
        );
      },
    );
  // a flow named by its noun: "the shipments of ammunition from «North Korea» to «Russia» began"
  if (hasText(m, [" from "]))
    run(
      rx(
        ctx.lex,
        "supplies:noun-from-to",
        () =>
          `\\b(?:${ctx.lex.supplyNouns.join("|")})\\s+of\\s+(.+?)\\s+from\\s+(?:the\\s+)?(${AL})\\s+(?:to|into)\\s+${PRE_R}(${ALR})`,
        "gdi",
      ),
      (x) => {
        const [a, b] = idx(x, 1);
        emit(
          {
            subjects: actorRefs(view, x[2]),
            recipients: actorRefs(view, x[3]),
            items: items(a, b),
            span: [x.index, idx(x, 3)[1]],
            verbAt: x.index,
            rule: "supplies:noun-from-to",
            confidence: 0.8,
          },
          out,
        );
      },
    );
  /** a buyer noun's claim: the named seller, else the goods' origin or owner, supplies the buyers */
  const buyerNoun = (
    its: ItemSpan[],
    buyers: Ref[],
    buyerIdx: ReadonlySet<number>,
    seller: string | undefined,
    span: [number, number],
    verbAt: number,
    confidence: number,
  ) => {
    const subjects = seller ? actorRefs(view, seller) : originOrOwner(its, buyerIdx);
    if (subjects.length === 0 || buyers.length === 0) return;
    emit({ subjects, recipients: buyers, items: its, span, verbAt, rule: "supplies:buyer-noun", confidence }, out);
  };
  // buyer noun: "India became the largest buyer of ‹Russian› oil", "China is a major importer of
  // drones from «Iran»": the supplier is the item's origin or the named seller
  if (hasText(m, tailWords(ctx.lex.buyerNouns)))
    run(
      rx(
        ctx.lex,
        "supplies:buyer-noun",
        () =>
          `(${AL}|${PRON}),?${ADV}\\s+(?:become\\s+|became\\s+|becoming\\s+|remains?\\s+|remained\\s+|is\\s+|was\\s+|are\\s+|were\\s+|as\\s+)?(?:a|an|the|one\\s+of\\s+the|its|their)\\s+${BUYER_MODS}(?:${ctx.lex.buyerNouns.join("|")})\\s+of\\s+(.+?)(?:\\s+from\\s+(?:the\\s+)?(${ALR})|(?=[.;,]|\\s+(?:in|since|during|after|before|last|this|at|for|with)\\b|$))`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 2);
        const recipients = subjectsOf(view, x[1]!, x.index, ctx);
        const rec = new Set(recipients.flatMap((r) => (r.kind === "mention" ? [r.idx] : [])));
        buyerNoun(items(a, b), recipients, rec, x[3], [x.index, x[3] ? idx(x, 3)[1] : b], idx(x, 1)[1], 0.75);
      },
    );
  // the same, the buyer last: "The largest buyer of ‹Russian› oil was «India»", "The top ‹Russian›
  // recipient of «TI»'s chips, receiving $3 million worth, was vehicle electronics maker «NPP Itelma»"
  if (hasText(m, tailWords(ctx.lex.buyerNouns)))
    run(
      rx(
        ctx.lex,
        "supplies:buyer-noun-last",
        () =>
          `\\b[Tt]he\\s+${BUYER_MODS}(?:${ctx.lex.buyerNouns.join("|")})\\s+of\\s+([^,;]+?)(?:\\s+from\\s+(?:the\\s+)?(${ALR}))?(?:\\s*,[^,;]{1,80},)?\\s+(?:is|was|were|are|has\\s+been|have\\s+been|remains|remained|became)\\s+(?:(?:the|a|an)\\s+)?(?:[a-z-]+\\s+){0,3}?(${AL})(?=[\\s,.;]|$)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 1);
        const recipients = actorRefs(view, x[3]);
        buyerNoun(items(a, b), recipients, new Set(actorsIn(x[3]!)), x[2], [x.index, idx(x, 3)[1]], idx(x, 3)[0], 0.7);
      },
    );
  // continuation: "These supplies include machine tools, ..."; "Other areas of support include the supply of ..."
  run(
    rx(
      ctx.lex,
      "supplies:18",
      () =>
        `^(?:(?:According\\s+to|Per)\\s+[^,]{1,60},\\s*|In\\s+addition,\\s*|Additionally,\\s*|Moreover,\\s*)?(?:[Tt]hese|[Tt]hose|The|Such|Its|Their|Other)\\s+(?:[a-z-]+\\s+){0,2}?(?:supplies|shipments|deliveries|exports|goods|items|products|components|transfers|support|assistance|aid)\\s+(?:include|included|includes|consist\\s+of|consisted\\s+of|comprise|comprised|contain|contained)\\s+(?:the\\s+(?:supply|transfer|delivery|sale|provision)\\s+of\\s+)?(.+)`,
      "gd",
    ),
    (x) => {
      const last = ctx.lastSupply(view);
      if (!last) return;
      const [a, b] = idx(x, 1);
      emit(
        {
          subjects: [last.subject],
          recipients: last.recipient ? [last.recipient] : [],
          items: items(a, b),
          span: [0, b],
          verbAt: a,
          rule: "supplies:continuation",
          confidence: 0.7,
          subjectInferred: true,
          recipientInferred: true,
        },
        out,
      );
    },
  );
  // "80% of all Russian drones consist of Chinese parts"
  if (gate("consist_consists"))
    run(
      rx(
        ctx.lex,
        "supplies:19",
        () =>
          `(?:(‹\\d+›|${A}'s?)\\s+)((?:[a-z-]+\\s+){0,2}?[a-z-]+)\\s+(?:consist|consists|consisted|contain|contains|contained|are\\s+made\\s+with|are\\s+built\\s+with)\\s+(?:of\\s+)?(‹\\d+›|${A}-made)\\s+(.+)`,
        "gd",
      ),
      (x) => {
        const [a, b] = idx(x, 4);
        const rec = [...actorsIn(x[1]!), ...modifiersIn(x[1]!)];
        const sup = [...actorsIn(x[3]!), ...modifiersIn(x[3]!)];
        const its = items(a, b);
        emit(
          {
            subjects: sup.map(mention),
            recipients: rec.map(mention),
            items: its,
            span: [x.index, b],
            verbAt: idx(x, 2)[1],
            rule: "supplies:consist-of",
            confidence: 0.7,
          },
          out,
        );
        const products = items(idx(x, 2)[0], idx(x, 2)[1]);
        for (const p of products)
          for (const it of its)
            out.push({
              predicate: "COMPONENT_OF",
              subject: { kind: "item", name: it.name, type: it.type },
              object: { kind: "item", name: p.name, type: p.type },
              span: [x.index, b],
              verbAt: idx(x, 2)[1],
              rule: "component:consist-of",
              confidence: 0.65,
            });
      },
    );
  // barter: "X supplies A to Y ... in exchange for (Y's) B" → Y supplies B to X
  const first = out.find((d) => d.predicate === "SUPPLIES" && d.recipient && !d.contextOnly);
  const firstRecipient = first?.recipient;
  if (first && firstRecipient) {
    const ex = /\bin\s+(?:exchange|return)\s+for\s+([^,;.]+)/d.exec(m);
    if (ex && ex.index > first.span[0]) {
      const [a, b] = ex.indices![1]!;
      const its = items(a, b).filter(
        (i) => i.origin === undefined || view.mentions[i.origin]?.entity.id === refId(view, firstRecipient),
      );
      emit(
        {
          subjects: [firstRecipient],
          recipients: [first.subject],
          items: its,
          span: [ex.index, b],
          verbAt: ex.index,
          rule: "supplies:exchange",
          confidence: 0.65,
        },
        out,
      );
    }
  }
  return out;
}
