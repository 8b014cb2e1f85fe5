import type { Lexicon } from "../vocab/vocab.js";
import type { SentenceGraph } from "./graph.js";
import type { NamedMention } from "./names.js";

/**
 * What a token stands for when a frame takes it as an argument: a named entity, a group of
 * actors named by a common noun ("four Indian firms", "Russian military factories"), goods ("more
 * than a million artillery shells" → "artillery shells"), a pronoun or a definite description
 * ("the company") for the document context to resolve. Built from the noun phrase the parse
 * gives, so quantities, determiners and evaluative adjectives are left out of names while
 * origins ("Iranian drones") and owners ("TI's chips") are kept aside for the frames.
 */

export type Argument =
  | { kind: "named"; token: number; mention: NamedMention }
  | {
      kind: "group";
      token: number;
      /** "Indian firms", "Russian military factories", "entities in India" */
      name: string;
      /** the state the group belongs to, when the phrase says so */
      country: NamedMention | null;
      /** a state's own institution ("the Russian military"): the state itself in actor roles */
      collective: boolean;
    }
  | {
      kind: "item";
      token: number;
      name: string;
      weapon: boolean;
      /** "military aid", "support": given, but no goods a claim can name */
      abstract: boolean;
      /** countries the phrase gives as origin: "Iranian drones", "US-origin components" */
      origins: NamedMention[];
      /** "TI's chips", "Russia's microelectronics": whose goods they are */
      possessor: number | null;
      /** the quantity as written, when the phrase has one ("17,000", "65 thousand tons of") */
      amountText: string | null;
      /** span of the whole phrase (quantity included) in the sentence's tokens */
      begin: number;
      end: number;
    }
  | { kind: "pronoun"; token: number; possessive: boolean; plural: boolean; human: boolean }
  | { kind: "anaphor"; token: number; lemma: string; name: string };

export interface ArgumentContext {
  lex: Lexicon;
  actorNouns: ReadonlySet<string>;
  collectiveActorNouns: ReadonlySet<string>;
  itemReject: ReadonlySet<string>;
  singularNonGoods: ReadonlySet<string>;
  abstractSupplies: ReadonlySet<string>;
  partitive: ReadonlySet<string>;
  weapon: ReadonlySet<string>;
  nonRestrictive: ReadonlySet<string>;
  locative: ReadonlySet<string>;
  /** a president or a minister is nobody's goods */
  titles: ReadonlySet<string>;
  /** well-known people → the country they serve ("the Biden administration") */
  serves: ReadonlyMap<string, string>;
}

export function argumentContext(lex: Lexicon, serves: ReadonlyMap<string, string> = new Map()): ArgumentContext {
  const low = (ws: readonly string[]) => new Set(ws.map((w) => w.toLowerCase()));
  return {
    lex,
    actorNouns: low(lex.actorNouns),
    collectiveActorNouns: low(lex.collectiveActorNouns),
    itemReject: low(lex.itemReject),
    singularNonGoods: low(lex.singularNonGoods),
    abstractSupplies: low(lex.abstractSupplies),
    partitive: low(lex.partitiveNouns),
    weapon: low(lex.weaponWords),
    nonRestrictive: low(lex.nonRestrictiveModifiers),
    locative: low(lex.locativeParticiples),
    titles: low(lex.personTitles),
    serves,
  };
}

/** relations inside a noun phrase, before its head, that may belong to a name */
const NAME_PART = new Set([
  "compound",
  "amod",
  "flat",
  "nmod:poss",
  "nummod",
  "det",
  "advmod",
  "punct",
  "dep",
  "obl",
  "obl:npmod",
  "case",
  "cc",
  "conj",
  "nmod:npmod",
  "det:predet",
  "compound:prt",
]);
/**
 * The token's lemma, mended where the lemmatiser leaves a plural as it is ("troops"): a plural
 * noun whose lemma is the word itself is looked up without its "s".
 */
export function lemmaOf(t: { word: string; lemma: string; pos: string }): string {
  const lemma = t.lemma.toLowerCase();
  if (t.pos === "NNS" && lemma === t.word.toLowerCase() && /[^s]s$/.test(lemma)) return lemma.slice(0, -1);
  return lemma;
}

function isNamePart(rel: string): boolean {
  if (NAME_PART.has(rel)) return true;
  const base = rel.split(":")[0]!;
  return base !== "nmod" && NAME_PART.has(base);
}
const NON_GOODS_NER = new Set(["DATE", "DURATION", "TIME", "SET", "PERCENT", "ORDINAL", "NUMBER"]);
const PRONOUNS = /^(it|its|they|them|their|theirs|itself|themselves|he|him|his|she|her)$/i;
const ANAPHORIC_DET = new Set(["the", "this", "that", "these", "those", "such"]);

export class Arguments {
  private readonly mentionAt: Array<NamedMention | undefined>;

  constructor(
    readonly g: SentenceGraph,
    readonly mentions: readonly NamedMention[],
    readonly text: string,
    readonly ctx: ArgumentContext,
    /** organisations the article names on their own ("Intel said ..."): before goods they are the maker */
    readonly makers: ReadonlySet<string> = new Set(),
  ) {
    this.mentionAt = new Array(g.size);
    for (const m of mentions) for (let k = m.begin; k < m.end; k++) this.mentionAt[k] = m;
  }

  mention(token: number): NamedMention | undefined {
    return this.mentionAt[token];
  }

  /** The argument a token stands for, or null when it stands for nothing a frame can use. */
  at(token: number, depth = 0): Argument | null {
    const g = this.g;
    const m = this.mentionAt[token];
    if (m && !m.demonym) return { kind: "named", token, mention: m };
    const t = g.token(token);
    const lemma = lemmaOf(t);
    if (t.pos === "PRP" || t.pos === "PRP$") {
      if (!PRONOUNS.test(t.word)) return null;
      return {
        kind: "pronoun",
        token,
        possessive: t.pos === "PRP$",
        plural: /^the/i.test(t.word),
        human: /^(he|him|his|she|her)$/i.test(t.word),
      };
    }
    // "the Chinese", "Iranians": a demonym used as a noun stands for its people, i.e. the state
    if (m && m.demonym) {
      return g.isNoun(token) && !g.has(token, "amod") && g.parents(token, "amod").length === 0
        ? { kind: "named", token, mention: m }
        : null;
    }
    // "70% of heavy industrial equipment", "tons of nitrocellulose", "a range of other goods"
    if (depth < 3 && (this.ctx.partitive.has(lemma) || t.ner === "MONEY" || t.ner === "NUMBER" || t.pos === "CD")) {
      const of = g.children(token, ["nmod:of", "nmod:in"]).filter((k) => k > token);
      if (of.length > 0) {
        const inner = this.at(of[0]!, depth + 1);
        if (inner && inner.kind === "item") {
          const begin = Math.min(this.phraseStart(token), inner.begin);
          return { ...inner, begin, amountText: inner.amountText ?? this.slice(begin, token + 1) };
        }
        return inner;
      }
      if (t.ner === "MONEY") return this.item(token, lemma);
    }
    if (!g.isNoun(token) && !(t.pos === "JJ" && g.parents(token).length > 0 && g.has(token, "det"))) return null;
    if (t.pos === "CD" || NON_GOODS_NER.has(t.ner) || t.pos === "WDT" || t.pos === "WP") return null;
    if (this.ctx.actorNouns.has(lemma)) return this.group(token, lemma);
    if (this.ctx.itemReject.has(lemma) || this.ctx.titles.has(lemma)) return null;
    // "400km", "1990s": a figure is no goods
    if (/^\d/.test(t.word)) return null;
    if (this.ctx.singularNonGoods.has(t.word.toLowerCase())) return null;
    return this.item(token, lemma);
  }

  /** the tokens of the noun phrase left of its head that belong to it (quantities and determiners included) */
  private leftPart(head: number): number[] {
    const g = this.g;
    const inside = g.subtree(head, (rel, dep) => dep > head || !isNamePart(rel));
    // the contiguous run that ends at the head
    const set = new Set(inside);
    // "KN-23 missiles", "Shahed-136 drones": what is written onto a word of the phrase with a
    // hyphen belongs to the phrase, whatever the parser hung it on
    for (let k = 1; k < head; k++) {
      if (g.hyphenJoins(k) && (set.has(k - 1) || set.has(k + 1)))
        set
          .add(k - 1)
          .add(k)
          .add(k + 1);
    }
    let start = head;
    while (start - 1 >= 0 && set.has(start - 1)) start--;
    return [...set].filter((k) => k >= start && k <= head).sort((a, b) => a - b);
  }

  /**
   * The phrase as written, without determiners and quantities but with its origin: a source is
   * cited as "U.S. intelligence agencies" or "Russian customs data", not as the country.
   */
  phrase(head: number): string {
    return this.slice(this.phraseBegin(head), head + 1);
  }

  phraseBegin(head: number): number {
    const part = this.leftPart(head);
    let begin = head;
    for (let k = head - 1; k >= 0; k--) {
      if (!part.includes(k)) break;
      const t = this.g.token(k);
      const rel = this.g.relation(this.g.treeParent(k) ?? -1, k) ?? "";
      // "Shahed-136 drones": a number written onto the word before it is a model's, not a quantity
      const glued = t.pos === "CD" && this.g.hyphenJoins(k - 1);
      if (
        !glued &&
        (rel === "det" || rel === "nummod" || rel === "case" || t.pos === "CD" || t.pos === "DT" || t.pos === "PRP$")
      )
        break;
      if (this.ctx.nonRestrictive.has(t.word.toLowerCase())) break;
      begin = k;
    }
    return begin;
  }

  /**
   * The whole noun phrase with the clause that describes it: "companies shipping machine tools to
   * Belarus", "entities involved in expanding Russia's energy production". Null when nothing
   * describes the noun.
   */
  describedPhrase(head: number): string | null {
    const g = this.g;
    const clauses = g.children(head, ["acl", "acl:relcl"]).filter((k) => k > head);
    if (clauses.length === 0) return null;
    const sub = g.subtree(
      head,
      (rel, dep) => rel === "punct" && dep > head && !clauses.some((c) => g.subtree(c).includes(dep)),
    );
    return this.slice(this.phraseBegin(head), Math.max(...sub) + 1).replace(/[,;:]$/, "");
  }

  private phraseStart(head: number): number {
    return this.leftPart(head)[0] ?? head;
  }

  private slice(a: number, b: number): string {
    return this.text.slice(this.g.token(a).start, this.g.token(b - 1).end);
  }

  /**
   * The name of a phrase: the longest run of tokens ending at the head that holds no quantity,
   * determiner, evaluative adjective, possessor or origin. "more than 1,000 Iranian-made Shahed
   * drones" → "Shahed drones".
   */
  private nameOf(
    head: number,
    forGroup = false,
  ): { name: string; origins: NamedMention[]; possessor: number | null; begin: number; located: NamedMention | null } {
    let located: NamedMention | null = null;
    const g = this.g;
    const part = this.leftPart(head);
    const origins: NamedMention[] = [];
    let possessor: number | null = null;
    const dropped = new Set<number>();
    for (const k of part) {
      if (k === head) continue;
      const rel = g.relation(g.treeParent(k) ?? -1, k) ?? "";
      const t = g.token(k);
      const low = t.word.toLowerCase();
      const men = this.mentionAt[k];
      // "Russia's microelectronics": whose goods; "Russian oil": where they come from
      if (rel === "nmod:poss") {
        possessor = k;
        for (const x of g.subtree(k)) dropped.add(x);
        continue;
      }
      if (men && (men.type === "Country" || men.demonym) && g.treeParent(k) === head) {
        if (!origins.includes(men)) origins.push(men);
        for (let x = men.begin; x < men.end; x++) dropped.add(x);
        continue;
      }
      // "Intel chips", "TI chips": an organisation named right before the goods made them. Only one
      // the article also names on its own: "Leopard tanks", "Shahed drones" name the model, and the
      // recogniser often takes a model for an organisation.
      if (
        !forGroup &&
        men &&
        men.type === "Organization" &&
        this.makers.has(men.surface) &&
        men.end === head &&
        rel === "compound" &&
        g.treeParent(k) === head
      ) {
        if (!origins.includes(men)) origins.push(men);
        for (let x = men.begin; x < men.end; x++) dropped.add(x);
        continue;
      }
      // "Shahed-136", "T-72A", "FP-5": a number written onto a name belongs to it
      const glued =
        t.pos === "CD" &&
        (g.hyphenJoins(k - 1) || (k + 1 < g.size && g.token(k + 1).start === t.end && /^\p{L}/u.test(g.word(k + 1))));
      if (glued) continue;
      if (
        rel === "det" ||
        rel === "case" ||
        rel === "cc" ||
        rel === "mark" ||
        (rel === "punct" && !/^[-–]$/.test(t.word)) ||
        rel === "nummod" ||
        rel === "det:predet" ||
        t.pos === "CD" ||
        t.pos === "DT" ||
        t.pos === "PRP$" ||
        // "smaller drones", "the most advanced chips": a comparison, not a kind of goods
        ((t.pos === "JJR" || t.pos === "JJS" || t.pos === "RBS" || t.pos === "RBR") && rel !== "compound") ||
        t.pos === "POS" ||
        (t.ner !== "O" && NON_GOODS_NER.has(t.ner)) ||
        t.ner === "MONEY" ||
        this.ctx.nonRestrictive.has(low) ||
        this.ctx.nonRestrictive.has(t.lemma.toLowerCase())
      ) {
        dropped.add(k);
        continue;
      }
      // "Iranian-made", "US-origin", "Chinese-supplied": an origin participle, not part of the name;
      // "Russia-based companies" keep it: it says where the group is, and a group's country
      if (rel === "amod" && g.isVerb(k)) {
        const origin = g
          .subtree(k)
          .map((x) => this.mentionAt[x])
          .find((x) => x && (x.type === "Country" || x.demonym));
        if (origin && forGroup && this.ctx.locative.has(g.lemma(k))) {
          located = origin;
          continue;
        }
        if (origin) {
          if (!forGroup) origins.push(origin);
          for (const x of g.subtree(k)) dropped.add(x);
          continue;
        }
      }
    }
    // the run of kept tokens that ends at the head
    let begin = head;
    for (let k = head - 1; k >= 0; k--) {
      if (!part.includes(k) || dropped.has(k)) break;
      begin = k;
    }
    // a leading hyphen or quote left by a dropped part is no part of the name
    while (begin < head && /^[-–—“"'‘(]$/.test(g.word(begin))) begin++;
    return { name: this.slice(begin, head + 1), origins, possessor, begin, located };
  }

  /**
   * Goods named as a modifier of an event or agent noun: "ballistic missile production", "drone
   * makers". The name is the noun phrase without its last word (the event noun itself).
   */
  compoundGoods(anchor: number, token: number): Argument | null {
    const inner = this.at(token);
    if (!inner || inner.kind !== "item") return inner;
    const { begin } = this.nameOf(anchor);
    if (begin >= token) return inner;
    const start = Math.min(begin, inner.begin);
    return { ...inner, name: this.slice(start, token + 1) };
  }

  private item(head: number, lemma: string): Argument | null {
    const named = this.nameOf(head);
    const { origins, possessor, begin } = named;
    // "KN-23", "Su-35": a model number written onto the name is part of it, not a quantity
    const model = this.g.hyphenJoins(head + 1) && this.g.pos(head + 2) === "CD";
    const written = model ? named.name + this.slice(head + 1, head + 3) : named.name;
    // "Tungsten is ...": a common noun opening the sentence is written in lower case
    const name =
      begin === 0 && !this.g.isProper(begin) && /^\p{Lu}\p{Ll}/u.test(written)
        ? written[0]!.toLowerCase() + written.slice(1)
        : written;
    if (!/\p{L}/u.test(name)) return null;
    const part = this.leftPart(head);
    const first = part[0] ?? head;
    const amountText =
      first < begin && part.some((k) => k < begin && (this.g.pos(k) === "CD" || this.g.token(k).ner === "MONEY"))
        ? this.slice(first, begin)
        : null;
    return {
      kind: "item",
      token: head,
      name,
      weapon: this.ctx.weapon.has(lemma),
      abstract: this.ctx.abstractSupplies.has(lemma),
      origins,
      possessor,
      amountText,
      begin: first,
      end: head + 1,
    };
  }

  private group(head: number, lemma: string): Argument {
    const g = this.g;
    const { name, origins, possessor, begin, located } = this.nameOf(head, true);
    let country: NamedMention | null = origins[0] ?? located;
    if (!country && possessor !== null) {
      const pm = this.mentionAt[possessor];
      if (pm && pm.type === "Country") country = pm;
    }
    let full = name;
    // "businesses in Russia", "firms from China", "companies based in India"
    if (!country) {
      const places = [
        ...g.children(head, ["nmod:in", "nmod:from"]),
        ...g
          .children(head, "acl")
          .filter((v) => this.ctx.locative.has(g.lemma(v)))
          .flatMap((v) => g.children(v, "obl:in")),
      ];
      for (const k of places) {
        const km = this.mentionAt[k];
        if (km && km.type === "Country" && !km.demonym) {
          country = km;
          // written as the text has it: "firms in the United Arab Emirates"
          const the = km.begin > 0 && g.word(km.begin - 1).toLowerCase() === "the" ? "the " : "";
          full = `${name} in ${the}${km.surface.replace(/^the\s+/i, "")}`;
          break;
        }
      }
    }
    // "the Biden administration": a government named after the head of state it serves
    if (!country) {
      for (const k of g.children(head, "compound")) {
        const pm = this.mentionAt[k];
        const served = pm?.type === "Person" ? this.ctx.serves.get(pm.name) : undefined;
        if (pm && served) {
          country = {
            ...pm,
            type: "Country",
            name: served,
            reason: "the government of the head of state it is named after",
          };
          break;
        }
      }
    }
    const dets = g.children(head, "det").map((k) => g.lemma(k));
    // "the company", "these firms": a description that refers back, unless it names its country
    const described = g.children(head, ["nmod:of", "nmod:in", "acl", "acl:relcl"]).length > 0;
    if (!country && begin === head && dets.some((d) => ANAPHORIC_DET.has(d)) && possessor === null && !described) {
      return { kind: "anaphor", token: head, lemma, name };
    }
    return {
      kind: "group",
      token: head,
      name: full,
      country,
      collective: this.ctx.collectiveActorNouns.has(lemma),
    };
  }
}
