import type { Lexicon } from "../vocab/vocab.js";
import { leadWords } from "./patterns.js";

/**
 * Gates for the frame patterns. Each frame pattern needs one of a few words to match at all
 * ("used", a supply verb, "between"); most sentences contain none of them, and running dozens of
 * multi-kilobyte alternations over every sentence was the extractor's main cost. A sentence's
 * words are read once (one scan, shared by the supply and relation frames), and a pattern runs
 * only when its gate is open. A gate word must sit in its pattern between two non-letters
 * (\s, \b, "-", a mask) so that it is a whole letter run of any sentence the pattern matches:
 * a gate then only skips patterns that could not have matched, and the output does not change.
 */

function gateWords(lex: Lexicon) {
  return {
    reportingVerbs: leadWords(lex.reportingVerbs),
    with: ["with"],
    which_that: ["which", "that"],
    supplying_exporting: [
      "supplying",
      "exporting",
      "providing",
      "shipping",
      "selling",
      "sending",
      "delivering",
      "transferring",
    ],
    exports: ["exports"],
    including: ["including"],
    supplyVerbs: leadWords(lex.supplyVerbs),
    involved_engaged: ["involved", "engaged"],
    found_accused: ["found", "accused", "having"],
    sends_send: [
      "sends",
      "send",
      "sent",
      "sending",
      "gives",
      "give",
      "gave",
      "giving",
      "sells",
      "sell",
      "sold",
      "selling",
      "supplies",
      "supplied",
      "supplying",
      "ships",
      "ship",
      "shipped",
      "shipping",
    ],
    importVerbs: leadWords(lex.importVerbs),
    from: ["from"],
    received_receives: [
      "received",
      "receives",
      "receiving",
      "got",
      "obtained",
      "acquired",
      "imported",
      "imports",
      "importing",
      "bought",
      "buys",
      "purchased",
    ],
    export_exports: [
      "export",
      "exports",
      "shipment",
      "shipments",
      "sales",
      "deliveries",
      "supplies",
      "supply",
      "re",
      "transfer",
      "transfers",
    ],
    sales_exports: ["sales", "exports", "shipments", "deliveries", "supplies"],
    increased_increase: [
      "increased",
      "increase",
      "increases",
      "increasing",
      "boosted",
      "boost",
      "expanded",
      "expand",
      "raised",
      "doubled",
      "tripled",
      "ramped",
      "resumed",
      "stepped",
      "continued",
      "continues",
      "halted",
      "stopped",
      "suspended",
      "reduced",
      "cut",
    ],
    imports_purchases: ["imports", "purchases"],
    importation_import: ["importation", "import", "imports", "purchase", "purchases", "acquisition"],
    re_exported: [
      "re",
      "exported",
      "shipped",
      "sent",
      "supplied",
      "delivered",
      "sold",
      "transferred",
      "smuggled",
      "transported",
      "flown",
      "sourced",
      "came",
      "come",
      "comes",
      "originated",
      "originate",
      "originates",
      "imported",
      "bought",
      "purchased",
      "obtained",
      "received",
      "acquired",
      "flowed",
      "flow",
      "flows",
      "streamed",
      "stream",
    ],
    consist_consists: ["consist", "consists", "consisted", "contain", "contains", "contained", "made", "built"],
    attackVerbs: leadWords(lex.attackVerbs),
    fired_launched: ["fired", "launched", "struck", "hit"],
    sanctionVerbs: leadWords(lex.sanctionVerbs),
    targeted_designated: ["targeted", "designated", "sanctioned"],
    proposed_imposed: [
      "proposed",
      "imposed",
      "imposing",
      "impose",
      "issued",
      "issuing",
      "introduced",
      "announced",
      "implemented",
      "placed",
      "adopted",
      "approved",
      "levied",
      "unveiled",
      "slapped",
    ],
    added_adding: ["added", "adding", "adds", "placed", "placing"],
    sanctions: ["sanctions"],
    designated_sanctioned: ["designated", "sanctioned"],
    production: ["production"],
    produce_make: ["produce", "make", "build", "manufacture"],
    factories_plants: ["factories", "plants", "production"],
    used_uses: [
      "used",
      "uses",
      "use",
      "using",
      "deployed",
      "deploying",
      "deploy",
      "employed",
      "employing",
      "relied",
      "relies",
      "rely",
    ],
    launch_launched: ["launch", "launched", "launches", "fire", "fired", "fires", "firing", "launching"],
    deploying_using: ["deploying", "using", "launching"],
    cooperation_co: ["cooperation", "co", "collaboration", "partnership", "alliance", "military"],
    cooperate_cooperates: [
      "cooperate",
      "cooperates",
      "cooperated",
      "cooperating",
      "collaborate",
      "collaborates",
      "collaborated",
      "collaborating",
      "partnered",
      "allied",
    ],
    partner_ally: ["partner", "ally"],
    signed_agreed: ["signed", "agreed", "reached", "concluded", "inked"],
    reached_signed: ["reached", "signed", "concluded", "struck"],
    between: ["between"],
    trade: ["trade"],
    trade_trades: ["trade", "trades", "traded", "trading"],
    component_components: ["component", "components", "ingredient", "ingredients", "element", "elements"],
    town_city: ["town", "city", "village", "region", "port", "province", "district", "oblast", "settlement"],
    in: ["in"],
  } satisfies Record<string, readonly string[] | null>;
}

export type GateName = keyof ReturnType<typeof gateWords>;

interface CompiledGates {
  ids: Record<GateName, number>;
  count: number;
  /** lower-cased word → the gates it opens */
  index: Map<string, number[]>;
  /** gates without words (a vocabulary phrase that opens with no letter): always open */
  always: number[];
  /** the longest gate word: longer words need no lookup */
  maxLen: number;
}

const compiledCache = new WeakMap<Lexicon, CompiledGates>();

function compiledGates(lex: Lexicon): CompiledGates {
  let c = compiledCache.get(lex);
  if (!c) {
    const ids = {} as Record<GateName, number>;
    const index = new Map<string, number[]>();
    const always: number[] = [];
    let count = 0;
    let maxLen = 0;
    for (const [name, words] of Object.entries(gateWords(lex)) as Array<[GateName, readonly string[] | null]>) {
      const id = count++;
      ids[name] = id;
      if (words === null) {
        always.push(id);
        continue;
      }
      for (const w of new Set(words)) {
        maxLen = Math.max(maxLen, w.length);
        const at = index.get(w);
        if (at) at.push(id);
        else index.set(w, [id]);
      }
    }
    c = { ids, count, index, always, maxLen };
    compiledCache.set(lex, c);
  }
  return c;
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

const openCache = new WeakMap<object, (name: GateName) => boolean>();

/** The gates a sentence opens: every maximal run of ASCII letters in it, lower-cased, looked up once. */
export function openGates(view: { masked: string }, lex: Lexicon): (name: GateName) => boolean {
  let f = openCache.get(view);
  if (!f) {
    const { ids, count, index, always, maxLen } = compiledGates(lex);
    const open = new Uint8Array(count);
    for (const id of always) open[id] = 1;
    const s = view.masked;
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (!isLetter(s.charCodeAt(i))) {
        i++;
        continue;
      }
      const a = i;
      let upper = false;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (!isLetter(c)) break;
        if (c <= 90) upper = true;
      }
      if (i - a > maxLen) continue;
      const w = upper ? s.slice(a, i).toLowerCase() : s.slice(a, i);
      const at = index.get(w);
      if (at) for (const id of at) open[id] = 1;
    }
    f = (name: GateName) => open[ids[name]] === 1;
    openCache.set(view, f);
  }
  return f;
}
