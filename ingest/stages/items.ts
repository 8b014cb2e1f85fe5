import type { Lexicon } from "../vocab/vocab.js";
import type { SentenceView } from "./view.js";

/**
 * Noun-phrase lists in an object slot → one item per listed element: "machine tools,
 * microelectronics and optics" gives three. Quantities, amounts, determiners and evaluative
 * adjectives are stripped ("at least £47 million worth of parts" → "parts"); trailing clauses
 * are cut ("drones worth $14.5 million" → "drones"). An origin demonym ("Chinese parts") or a
 * maker ("TI chips") is kept aside for the frames to use.
 */

export interface ItemSpan {
  /** absolute offsets of the item's text in article.text */
  start: number;
  end: number;
  name: string;
  type: "Item" | "Weapon";
  /** ‹i›: a demonym before the item, the item's origin */
  origin?: number | undefined;
  /** «i»: an organisation or country named inside the phrase ("TI chips", "Russia's microelectronics") */
  owner?: number | undefined;
  /** the element came from an "including / such as" list under a general head */
  listed?: boolean;
  /** a generic head ("goods", "products", "components") */
  generic?: boolean;
  /** "the compound", "the material": refers back to an item named earlier */
  anaphoric?: boolean;
}

const LEAD_WORDS = [
  "a large number of",
  "large numbers of",
  "a number of",
  "the number of",
  "the total number of",
  "a range of",
  "a series of",
  "a variety of",
  "a host of",
  "a list of",
  "large quantities of",
  "quantities of",
  "amounts of",
  "a batch of",
  "batches of",
  "lots of",
  "dozens of",
  "hundreds of",
  "thousands of",
  "millions of",
  "the value of",
  "the supply of",
  "the transfer of",
  "the delivery of",
  "the sale of",
  "sales of",
  "deliveries of",
  "shipments of",
  "a shipment of",
  "a delivery of",
  "a consignment of",
  "transfers of",
  "exports of",
  "imports of",
  "supplies of",
  "all of the",
  "critically important",
  "vitally important",
  "direct and indirect",
  "at least",
  "at most",
  "more than",
  "less than",
  "up to",
  "a little over",
  "just over",
  "well over",
  "worth of",
  "and",
  "or",
  "the",
  "a",
  "an",
  "its",
  "their",
  "his",
  "her",
  "our",
  "some",
  "any",
  "all",
  "other",
  "more",
  "most",
  "several",
  "various",
  "numerous",
  "many",
  "much",
  "certain",
  "such",
  "these",
  "those",
  "this",
  "both",
  "also",
  "even",
  "only",
  "additional",
  "further",
  "new",
  "large",
  "huge",
  "vast",
  "massive",
  "significant",
  "substantial",
  "critical",
  "important",
  "key",
  "vital",
  "crucial",
  "essential",
  "sensitive",
  "direct",
  "indirect",
  "directly",
  "indirectly",
  "about",
  "around",
  "approximately",
  "nearly",
  "almost",
  "over",
  "roughly",
  "just",
  "smaller",
  "larger",
  "bigger",
  "older",
  "newer",
  "another",
  "enough",
  "then",
  "now",
  "still",
  "reportedly",
  "allegedly",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "total",
  "overall",
];
const LEAD = new RegExp(
  `^(?:(?:a\\s+|an\\s+)?(?:[a-z-]+\\s+)?(?:amount|amounts|quantity|quantities|volume|volumes|batch|batches|consignment|consignments)\\s+of|${LEAD_WORDS.map((w) => w.replace(/ /g, "\\s+")).join("|")}|[\\d.,]+\\s*(?:%|percent)\\s+of(?:\\s+all)?|(?:US)?[$£€¥][\\d.,]+(?:\\s*-?\\s*(?:million|billion|thousand|trillion|bn|m))?(?:\\s*\\([^)]*\\))?(?:\\s+(?:worth\\s+of|in|of))?|(?:(?:a|one|half\\s+a)\\s+)?(?:dozen|hundred|thousand|million|billion)(?:\\s+(?:tons|tonnes|units|barrels|pieces|rounds))?(?:\\s+of)?|[\\d][\\d.,]*(?:\\s*(?:million|billion|thousand))?(?:\\s+(?:tons|tonnes|units|barrels|pieces|kilograms|kg|shipments|batches|consignments|cubic\\s+meters)(?:\\s+of)?)?)\\s+`,
  "i",
);

const CUT =
  /(?:\s*\((?![$£€¥\d]|US\$)|(?<!(?:million|billion|thousand|trillion|\d))(?:,?\s+)(?:which|that|who|whose|where|when|while|although|because|despite|according|in exchange|in return|in order|worth|valued|totaling|totalling|amounting|between|from|since|during|throughout|until|by|at|on|in|into|via|through|after|before|to|for|with|seized|captured|intended|used|made|manufactured|produced|like|among|per|under|than(?!\s+(?:[\d$£€¥]|a\s+(?:dozen|hundred|thousand|million)|(?:a\s+)?(?:dozen|hundred|thousand|million|half)\b))|as(?!\s+well\s+as)|is|are|was|were|has|have|had|will|would|could|can|may|might|being|been|were|said|says|reported|rose|increased|grew|surged|doubled|tripled|soared|jumped|totaled|reached|fell|continue|continued|remained|directly|indirectly|abroad|too|again|overseas|each|every|annually|monthly|daily|so|but|not|then|now|nearly|already|still|also|recently|immediately|reportedly|allegedly)\b|\s*[;:–—"]|\s+--?\s|,\s*(?:the\s+)?(?:«\d+»|[a-z]+)\s+(?:said|says|say|reported|reports|report|stated|states|added|adds|noted|notes|note|told|tells|wrote|writes|claimed|claims|claim|believes|believed|believe|thinks|think|estimated|estimates|estimate|warned|warns|warn|alleged|alleges|allege|argued|argues|argue|confirmed|confirms|confirm|announced|announces|found|finds|find|fear|fears|feared|suspect|suspects|suspected|worry|worries|worried|insist|insists|insisted)\b)/i;

const SPLIT = /\s*,(?!\d{3})\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+as well as\s+|\s*&\s*|\s+plus\s+/g;

export interface ItemContext {
  lex: Lexicon;
  reject: Set<string>;
  weapon: Set<string>;
  generic: Set<string>;
}

export function itemContext(lex: Lexicon): ItemContext {
  return {
    lex,
    reject: new Set(lex.itemReject.map((w) => w.toLowerCase())),
    weapon: new Set(lex.weaponHeads.map((w) => w.toLowerCase())),
    generic: new Set([
      "goods",
      "products",
      "items",
      "components",
      "parts",
      "equipment",
      "materials",
      "supplies",
      "technology",
      "technologies",
      "support",
      "assistance",
      "aid",
      "help",
      "things",
      "stuff",
      "commodities",
    ]),
  };
}

/** Parses the item list in masked[a, b). */
export function parseItems(view: SentenceView, a: number, b: number, ictx: ItemContext): ItemSpan[] {
  const seg = view.masked.slice(a, b);
  // "X, including A, B and C" / "X such as A and B": the head and each listed element
  const inc = /,?\s+(?:including|such as|especially|notably|namely|in particular|from)\s+/i.exec(seg);
  if (inc) {
    const headEnd = a + inc.index;
    const head = parseList(view, a, headEnd, ictx, false);
    // "from drone navigation systems to ...": not a list of supplied items
    if (/from/i.test(inc[0])) return head;
    const listed = parseList(view, headEnd + inc[0].length, b, ictx, true);
    return [...head.map((h) => ({ ...h, generic: true })), ...listed];
  }
  return parseList(view, a, b, ictx, false);
}

function parseList(view: SentenceView, a: number, b: number, ictx: ItemContext, listed: boolean): ItemSpan[] {
  let seg = view.masked.slice(a, b);
  // the first trailing clause ends the whole list ("drones, helmets and radios from China")
  const cut = firstCut(seg);
  if (cut >= 0) seg = seg.slice(0, cut);
  const out: ItemSpan[] = [];
  SPLIT.lastIndex = 0;
  let pos = 0;
  const pieces: Array<[number, number]> = [];
  for (let m: RegExpExecArray | null; (m = SPLIT.exec(seg)) !== null;) {
    if (m[0].length === 0) {
      SPLIT.lastIndex++;
      continue;
    }
    pieces.push([pos, m.index]);
    pos = m.index + m[0].length;
  }
  pieces.push([pos, seg.length]);
  // "military and civilian products": an adjective joined to the next element is one phrase
  for (let i = 0; i + 1 < pieces.length; i++) {
    const txt = seg.slice(pieces[i]![0], pieces[i]![1]).trim();
    if (
      /(?:^|\s)(?:military|civilian|commercial|industrial|dual-use|electronic|defense|defence|domestic|foreign|western|advanced|sensitive|high-tech|lethal|non-lethal|conventional|nuclear|strategic)$/i.test(
        txt,
      )
    ) {
      pieces.splice(i, 2, [pieces[i]![0], pieces[i + 1]![1]]);
      i--;
    }
  }
  for (const [s, e] of pieces) {
    const it = cleanItem(view, a + s, a + e, ictx);
    if (it) out.push({ ...it, listed });
  }
  return out;
}

function firstCut(seg: string): number {
  // search from the second word on, so that a leading "at least" etc. is handled by LEAD
  const m = CUT.exec(seg.slice(1));
  return m ? m.index + 1 : -1;
}

function cleanItem(view: SentenceView, a: number, b: number, ictx: ItemContext): ItemSpan | null {
  let s = view.masked.slice(a, b);
  const definite = /^\s*(?:the|this|these|that|those|such)\s/i.test(s);
  let start = a;
  // leading quantities, determiners and evaluative adjectives, repeatedly
  for (let i = 0; i < 8; i++) {
    const lead = /^\s+/.exec(s)?.[0].length ?? 0;
    s = s.slice(lead);
    start += lead;
    const m = LEAD.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
    start += m[0].length;
  }
  const cut = firstCut(s);
  if (cut >= 0) s = s.slice(0, cut);
  s = s.replace(/[\s,.'"]+$/, "").replace(/'s$/, "");
  let origin: number | undefined;
  let owner: number | undefined;
  // origin demonym / owner mention before the noun
  // "‹Western›-made navigation chips", "‹German›-designed engine": the origin, then the noun
  const mod = /^‹(\d+)›\s*(?:-\s*(?:made|designed|built|manufactured|produced|origin)\s+|-\s*)?/.exec(s);
  if (mod) {
    origin = Number(mod[1]);
    s = s.slice(mod[0].length);
    start += mod[0].length;
  }
  const own = /^«(\d+)»('s?)?\s+/.exec(s);
  const ownMen = own ? view.mentions[Number(own[1])] : undefined;
  // "Iskander missiles", "Shahed-type drones": an unknown name is part of the item's name
  if (own && ownMen && !own[2] && ownMen.source === "chunk" && ownMen.type === "Organization") {
    const a0 = view.orig(start);
    const tail = s.slice(own[0].length);
    if (/[«‹]/.test(tail) || !tail) return null;
    const e0 = view.orig(start + s.length);
    const nm = view.sentence.text
      .slice(a0 - view.sentence.start, e0 - view.sentence.start)
      .replace(/["“”„]/g, "")
      .trim();
    const hd = tail.split(/\s+/).pop()!.toLowerCase();
    return { start: a0, end: e0, name: nm, type: ictx.weapon.has(hd) ? "Weapon" : "Item", origin, owner: undefined };
  }
  if (own) {
    owner = Number(own[1]);
    s = s.slice(own[0].length);
    start += own[0].length;
  }
  const again = LEAD.exec(s);
  if (again) {
    s = s.slice(again[0].length);
    start += again[0].length;
  }
  if (!s) return null;
  // a whole-phrase mention: a product or model name ("Starlink"), never a country
  const whole = /^«(\d+)»$/.exec(s);
  if (whole) {
    const men = view.mentions[Number(whole[1])];
    if (!men || men.type === "Country" || men.type === "Person" || men.entity.type === "Country") return null;
    if (
      men.type !== "Organization" ||
      /\b(Inc|Ltd|LLC|Corp|Group|Company|Ministry|Agency|Department|Service)\b/.test(men.surface)
    )
      return null;
    return { start: men.start, end: men.end, name: men.surface, type: "Item", origin, owner };
  }
  if (/[«‹]/.test(s)) return null;
  const end = start + s.length;
  const os = view.orig(start);
  const oe = view.orig(end);
  let name = view.sentence.text
    .slice(os - view.sentence.start, oe - view.sentence.start)
    .replace(/["“”„]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!name || name.length > 60) return null;
  const words = name.split(/\s+/);
  if (words.length > 5) return null;
  const low = name.toLowerCase();
  if (ictx.reject.has(low) || (ictx.reject.has(words[words.length - 1]!.toLowerCase()) && words.length === 1))
    return null;
  if (
    /^(to|in|on|at|for|from|by|with|of|than|as(?!\s+well\s+as)|is|are|was|were|be|been|it|its|their|there|here|who|what)\b/i.test(
      name,
    )
  )
    return null;
  if (!/[a-z]/i.test(name) || /^\d/.test(name)) return null;
  // sentence-initial capital on an ordinary noun
  if (os === view.sentence.start && /^[A-Z][a-z]/.test(name) && !/\d/.test(words[0]!))
    name = name[0]!.toLowerCase() + name.slice(1);
  // a lowercase verb form is not a noun phrase head
  if (
    /^[a-z]+(?:ing|ed)$/.test(words[words.length - 1]!) &&
    !/(?:ing|ed)$/.test("") &&
    !/^(clothing|housing|shielding|bedding|casing|tubing|coating|wiring|equipment)$/.test(words[words.length - 1]!)
  )
    return null;
  // "arms shipments", "excavator exports": the goods, not the shipping; but "critical supplies",
  // "military supplies" are goods themselves (an adjective is no item)
  if (
    words.length > 1 &&
    /^(?:shipments|deliveries|exports|imports|supplies|sales|transfers|consignments)$/i.test(
      words[words.length - 1]!,
    ) &&
    !(
      words.length === 2 &&
      /^(?:[a-z]+(?:al|ive|ic|ous|ary|ial|ful)|key|vital|new|further|more|additional)$/.test(words[0]!)
    )
  ) {
    words.pop();
    name = words.join(" ");
  }
  const head = words[words.length - 1]!.toLowerCase();
  const anaphoric =
    definite &&
    /^(?:material|materials|compound|substance|chemical|chemicals|product|products|goods|items|equipment|components|technology|machines|devices|weapons|shipments|cargo)$/.test(
      head,
    );
  const type = ictx.weapon.has(head) || ictx.weapon.has(head + "s") || ictx.weapon.has(low) ? "Weapon" : "Item";
  return { start: os, end: oe, name, type, origin, owner, generic: ictx.generic.has(low), anaphoric };
}
