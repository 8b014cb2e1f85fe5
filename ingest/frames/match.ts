import type { Argument, Arguments } from "../syntax/arguments.js";
import { relMatches, type SentenceGraph } from "../syntax/graph.js";
import type { NamedMention } from "../syntax/names.js";
import type { FrameRow, FrameTable, Path, RoleKind, Step } from "./frames.js";

/**
 * Applies the frame table to one sentence: every token whose lemma belongs to a class anchors
 * that class's rows; the first row whose required paths lead somewhere and whose object is found
 * gives the claim drafts, one per subject × object × recipient (conjuncts and "including" lists
 * multiply them). Arguments are checked against the kinds the predicate's roles take, so a path
 * that lands on the wrong kind of thing ("supplied Russia" as goods) simply finds nothing.
 */

export interface Filler {
  token: number;
  /** null: a token that stands for nothing a frame can take (it may still satisfy a lemma filter) */
  arg: Argument | null;
}

export interface Draft {
  predicate: string;
  /** the predicate token */
  anchor: number;
  row: FrameRow;
  /** the row's id: "supply.with" */
  rule: string;
  /** null: the sentence does not name it and the row lets the context give it */
  subject: Filler | null;
  object: Filler;
  recipient: Filler | null;
  via: Filler[];
}

export interface MatchContext {
  table: FrameTable;
  /** well-known people and whom they serve ("@serves") */
  serves: ReadonlyMap<string, { type: "Country" | "Organization" | "Group" | "Facility" | "Place"; name: string }>;
  titles: ReadonlySet<string>;
  targetNouns: ReadonlySet<string>;
  /** "region", "city": a target named only by such a word stands for the place it names */
  placeNouns: ReadonlySet<string>;
}

export function matchFrames(g: SentenceGraph, args: Arguments, mc: MatchContext): Draft[] {
  const out: Draft[] = [];
  const seen = new Set<string>();

  for (let p = 0; p < g.size; p++) {
    for (const { cls, form } of anchorsAt(g, args, mc.table, p)) {
      const rows = mc.table.rows.get(`${cls}/${form}`) ?? [];
      const voice = form === "verb" ? voiceOf(g, p) : undefined;
      for (const row of rows) {
        if (row.voice && row.voice !== voice) continue;
        if (!row.requires.every((alts) => alts.some((path) => follow(g, args, mc, p, path).length > 0))) continue;
        if (row.unless.some((path) => follow(g, args, mc, p, path).length > 0)) continue;
        const drafts = draftsOf(g, args, mc, p, row, row.id);
        if (drafts.length === 0) continue;
        for (const d of drafts) {
          const k = `${d.predicate}|${d.subject?.token ?? "ctx"}|${d.object.token}|${d.recipient?.token ?? ""}`;
          if (seen.has(k)) continue;
          seen.add(k);
          out.push(d);
        }
        if (!row.also) break;
      }
    }
  }
  return out;
}

function anchorsAt(
  g: SentenceGraph,
  args: Arguments,
  table: FrameTable,
  p: number,
): Array<{ cls: string; form: FrameRow["form"] }> {
  const t = g.token(p);
  const lemma = t.lemma.toLowerCase();
  const out: Array<{ cls: string; form: FrameRow["form"] }> = [];
  if (t.pos.startsWith("VB")) for (const cls of table.verbs.get(lemma) ?? []) out.push({ cls, form: "verb" });
  if (t.pos.startsWith("NN") && !args.mention(p)) {
    for (const cls of table.events.get(lemma) ?? []) out.push({ cls, form: "event" });
    for (const cls of table.agents.get(lemma) ?? []) out.push({ cls, form: "agent" });
  }
  const m = args.mention(p);
  if (m && m.head === p && !m.demonym) {
    if (m.type === "Person") for (const cls of table.personClasses) out.push({ cls, form: "person" });
    if (m.type !== "Country") for (const cls of table.nameClasses) out.push({ cls, form: "name" });
  }
  return out;
}

/** passive: a passive subject or auxiliary, or a past participle modifying a noun ("drones made in Iran") */
export function voiceOf(g: SentenceGraph, p: number): "active" | "passive" {
  if (g.has(p, "nsubj:pass") || g.has(p, "aux:pass")) return "passive";
  if (g.pos(p) === "VBN" && !g.has(p, "obj") && !g.has(p, "aux") && g.parents(p).some((x) => x >= 0)) {
    const up = g.parentEdges(p).map((e) => e.rel);
    if (up.some((r) => r === "acl" || r === "amod")) return "passive";
  }
  return "active";
}

function draftsOf(
  g: SentenceGraph,
  args: Arguments,
  mc: MatchContext,
  p: number,
  row: FrameRow,
  rule: string,
): Draft[] {
  const kinds = mc.table.roles.get(row.predicate)!;
  // the first path that leads to something of the role's kind, after substitutions (a group
  // stands for its named members, a description for what it describes)
  const role = (paths: Path[], kind: RoleKind | undefined, expand: "conj" | "list" | "none") => {
    for (const path of paths) {
      const found = follow(g, args, mc, p, path).filter((f) => f.arg);
      // "Rosoboronexport, the state arms exporter, and two Belarusian firms": an apposition
      // describes its own noun, not the nouns coordinated with it
      const first = path[0];
      const own = first !== undefined && first.dir === "up" && first.rels.includes("appos") && expand === "conj";
      const filled = found.length > 0 ? expandFillers(g, args, mc, found, kind, own ? "none" : expand) : [];
      if (filled.length > 0) return filled;
    }
    return [];
  };
  const out: Draft[] = [];
  if (row.pair.length > 0) {
    const pair = role(row.pair, kinds.subject, "conj");
    // "between China and Russia", "Russia-China": the two named parties
    if (pair.length >= 2) {
      for (let i = 1; i < pair.length; i++) {
        out.push({
          predicate: row.predicate,
          anchor: p,
          row,
          rule,
          subject: pair[0]!,
          object: pair[i]!,
          recipient: null,
          via: [],
        });
      }
    }
    return out;
  }
  const objects = role(row.object, kinds.object, "list");
  if (objects.length === 0) return out;
  // "exports of dual-use goods to Russia, including microchips": the list hung on the event noun
  // names more of its goods
  if (row.form === "event" && kinds.object === "goods") {
    const listed = g
      .children(p, ["nmod:including", "nmod:such_as"])
      .filter((k) => !objects.some((o) => o.token === k))
      .map((k) => ({ token: k, arg: args.at(k) }));
    if (listed.length > 0) {
      for (const f of expandFillers(g, args, mc, listed, kinds.object, "list"))
        if (!objects.some((o) => o.token === f.token)) objects.push(f);
    }
  }
  // a person or place frame is about its anchor alone, not the names coordinated with it
  const anchored = row.subject.length > 0 && row.subject.every((path) => path[0]?.dir === "self");
  // "The numbers make sense, said Snegovaya": a verb with a subject of its own takes its subject
  // from there or not at all, never from a clause above it
  const ownSubject = row.form === "verb" && row.voice !== "passive" && g.has(p, "nsubj");
  const subjectPaths = ownSubject ? row.subject.filter((path) => path[0]?.dir !== "up") : row.subject;
  let subjects: Array<Filler | null> = role(subjectPaths, kinds.subject, anchored ? "none" : "conj");
  if (subjects.length === 0) {
    if (!row.context.includes("subject")) return out;
    subjects = [null];
  }
  let recipients: Array<Filler | null> = kinds.recipient ? role(row.recipient, kinds.recipient, "conj") : [];
  // "supplied howitzers, shells and rifles to Ukraine", "under a deal to Russia": a "to" phrase the
  // parser hung on the goods or on another phrase of the clause
  if (recipients.length === 0 && kinds.recipient && row.recipient.length > 0) {
    const hosts = [
      ...objects.flatMap((o) => [
        ...g.withConjuncts(o.token),
        ...g.children(o.token, "appos").flatMap((x) => g.withConjuncts(x)),
      ]),
      ...g
        .childEdges(p)
        .filter((e) => e.rel === "obl" || (e.rel.startsWith("obl:") && !/^obl:(to|into|agent)$/.test(e.rel)))
        .map((e) => e.to),
    ];
    const found = hosts
      .flatMap((h) => g.children(h, ["nmod:to", "nmod:into", "obl:to", "obl:into"]))
      .map((k) => ({ token: k, arg: args.at(k) }))
      .filter((x) => x.arg && fits(x.arg, kinds.recipient!, mc, g));
    recipients = expandFillers(g, args, mc, found, kinds.recipient, "conj");
  }
  if (recipients.length === 0 && row.needs.includes("recipient")) return out;
  // "North Korea and Russia deny any arms transfers": two parties of one event, and nothing says
  // which way it went
  if (row.form === "event" && kinds.recipient && recipients.length === 0 && subjects.length > 1) {
    const verb = g.parents(p, "obj")[0];
    const clauseSubjects = verb === undefined ? [] : g.children(verb, ["nsubj", "nsubj:xsubj"]);
    if (subjects.every((x) => x !== null && clauseSubjects.includes(x.token))) return out;
  }
  if (recipients.length === 0) recipients = [null];
  const via = role(row.via, "place", "conj");
  for (const s of subjects) {
    for (const o of objects) {
      if (s && s.token === o.token) continue;
      for (const r of recipients) {
        if (r && (r.token === o.token || (s && r.token === s.token))) continue;
        out.push({ predicate: row.predicate, anchor: p, row, rule, subject: s, object: o, recipient: r, via });
      }
    }
  }
  return out;
}

/**
 * The fillers a role ends up with: each found filler with its conjuncts ("drones, sensors and
 * tools"), for objects the members of its "including"/"such as" list, and three substitutions
 * the parse makes safe: a description stands for what it describes ("ammonium perchlorate, a key
 * ingredient used to ..."), an event stands for its goods ("the manufacturing of missiles"), and
 * a group stands for the named members the text lists ("Russia's three operators (Beeline, MTS
 * and Megafon)"); a target named by its kind stands for the places named in it ("the
 * Dnipropetrovsk and Odesa regions", "Ukraine's cities").
 */
function expandFillers(
  g: SentenceGraph,
  args: Arguments,
  mc: MatchContext,
  found: Filler[],
  kind: RoleKind | undefined,
  expand: "conj" | "list" | "none",
): Filler[] {
  const out = new Map<number, Filler>();
  const add = (f: Filler) => {
    for (const x of substitute(g, args, mc, f, kind)) {
      if (!out.has(x.token) && x.arg && (kind === undefined || fits(x.arg, kind, mc, g))) out.set(x.token, x);
    }
  };
  for (const f of found) {
    add(f);
    if (expand === "none" || (f.arg?.kind === "named" && f.token !== f.arg.mention.head)) continue;
    const more: number[] = [];
    // "the number of bulldozers and excavators": the conjuncts of the goods a quantity stands for
    const queue = f.arg?.kind === "item" && f.arg.token !== f.token ? [f.token, f.arg.token] : [f.token];
    const seen = new Set<number>(queue);
    while (queue.length > 0) {
      const k = queue.shift()!;
      const next = [...g.children(k, "conj"), ...namesListedAsAppositions(g, args, k)];
      if (expand === "list") {
        next.push(...g.children(k, ["nmod:including", "nmod:such_as", "nmod:like"]));
        // "65 tons of ammunition, hundreds of tanks, BMPs and trucks": a list the parser read as
        // appositions (a description would open with "a" or name what the goods are)
        for (const x of g.children(k, "appos")) {
          const ax = args.at(x);
          if (
            ax?.kind === "item" &&
            !DESCRIPTIVE_GOODS.has(g.lemma(x)) &&
            !g.children(x, "det").some((d) => /^an?$/i.test(g.word(d)))
          )
            next.push(x);
        }
      }
      for (const n of next) {
        if (seen.has(n)) continue;
        seen.add(n);
        more.push(n);
        queue.push(n);
      }
    }
    // "Russia-China": a hyphenated pair of states, which the parser often splits apart
    if (f.arg?.kind === "named" && f.arg.mention.type === "Country") {
      const h = f.arg.mention.begin - 1;
      if (h >= 1 && /^[-–]$/.test(g.word(h))) {
        const left = args.mention(h - 1);
        if (left && left.type === "Country" && !left.demonym) more.push(left.head);
      }
    }
    for (const k of more) add({ token: k, arg: args.at(k) });
  }
  return [...out.values()];
}

/**
 * "Alpha Ltd, Beta LLC, Gamma Inc and Delta GmbH were sanctioned": a list of organisations read as
 * appositions of the first. Names of organisations in apposition to an organisation's name are
 * members of a list when the list closes with "and"/"or" (an apposition that describes the first
 * name is a description, "Rosneft, Russia's largest oil company", not a name).
 */
function namesListedAsAppositions(g: SentenceGraph, args: Arguments, k: number): number[] {
  const head = args.mention(k);
  if (!head || head.type !== "Organization" || head.head !== k) return [];
  const listed = g.children(k, "appos").filter((x) => {
    const m = args.mention(x);
    return m !== undefined && m.head === x && m.type === "Organization";
  });
  const closed = listed.some((x) => g.has(x, "cc") || g.has(x, "conj"));
  return closed ? listed : [];
}

const DESCRIPTIVE_GOODS = new Set([
  "ingredient",
  "component",
  "element",
  "material",
  "product",
  "input",
  "substance",
  "compound",
  "chemical",
  "item",
]);

function substitute(
  g: SentenceGraph,
  args: Arguments,
  mc: MatchContext,
  f: Filler,
  kind: RoleKind | undefined,
): Filler[] {
  const a = f.arg;
  if ((kind === "actor" || kind === "target" || kind === "sanctionable") && a?.kind !== "named") {
    // "the firm Omega Holdings", "the drone maker Kappa Aero": a close apposition, the name right
    // after the noun it names
    const close = g
      .children(f.token, ["appos", "dep"])
      .map((k) => ({ token: k, arg: args.at(k) }))
      .find((x) => x.arg?.kind === "named" && x.arg.mention.begin === f.token + 1 && !x.arg.mention.demonym);
    if (close) return [close];
    // "The largest shipper, Tigran Electronics LLC, sent ...": a description the name after it
    // stands beside, set off by commas
    if (a?.kind === "anaphor") {
      const named = g
        .children(f.token, "appos")
        .map((k) => ({ token: k, arg: args.at(k) }))
        .filter((x) => x.arg?.kind === "named" && !x.arg.mention.demonym && x.arg.mention.type !== "Place");
      if (named.length === 1) return named;
    }
  }
  if (!a) return [f];
  if (kind === "goods" && a.kind === "item") {
    const lemma = g.lemma(f.token);
    // "perchlorate — a key ingredient used to ...": the description stands for what it describes
    if (DESCRIPTIVE_GOODS.has(lemma)) {
      // "Nitrocellulose is a highly flammable compound that ...": the subject of the copula
      if (g.has(f.token, "cop")) {
        const subj = g
          .children(f.token, "nsubj")
          .map((k) => ({ token: k, arg: args.at(k) }))
          .find((x) => x.arg?.kind === "item");
        if (subj) return [subj];
      }
      // set off by a dash or comma right after the goods it describes (the parser often hangs it elsewhere)
      if (g.parentEdges(f.token).some((e) => e.rel === "appos" || e.rel === "dep")) {
        let k = a.begin - 1;
        while (k >= 0 && /^(--|-|–|—|,|\()$/.test(g.word(k))) k--;
        const before = k >= 0 ? args.at(k) : null;
        if (k < a.begin - 1 && before?.kind === "item" && before.token === k) return [{ token: k, arg: before }];
      }
    }
    // "for Russia's manufacturing of missiles", "ammunition shipments": the event stands for its goods
    if (mc.table.events.has(lemma)) {
      const of = g.children(f.token, "nmod:of").flatMap((k) => g.withConjuncts(k));
      const items = of.map((k) => ({ token: k, arg: args.at(k) })).filter((x) => x.arg?.kind === "item");
      if (items.length > 0) return items;
      const compound = g.children(f.token, "compound").filter((k) => k < f.token && !args.mention(k));
      const last = compound[compound.length - 1];
      if (last !== undefined) {
        const goods = args.compoundGoods(f.token, last);
        if (goods?.kind === "item") return [{ token: last, arg: goods }];
      }
    }
  }
  if ((kind === "actor" || kind === "target" || kind === "sanctionable") && a.kind === "group") {
    // "Russia's three major telecom companies (Beeline, MTS, and Megafon)", "two Turkish entities
    // – Margiana and Demirci –", "other countries, primarily Iran and North Korea", "Siberica Oy and
    // Luminor Oy, two Finland-based firms": the group stands for the names it is given
    // a name given to "firms" or "entities" is a firm's, whatever the recogniser guessed
    const orgGroup =
      /^(firm|company|entity|business|enterprise|bank|supplier|manufacturer|maker|producer|exporter|importer|operator|carrier|contractor|intermediary|distributor|trader|vendor)$/.test(
        g.lemma(f.token),
      );
    const asMember = (x: { token: number; arg: Argument | null }): Filler => {
      if (orgGroup && x.arg?.kind === "named" && (x.arg.mention.type === "Person" || x.arg.mention.weak)) {
        return { token: x.token, arg: { ...x.arg, mention: { ...x.arg.mention, type: "Organization", weak: false } } };
      }
      return x;
    };
    const member = (x: { arg: Argument | null }) =>
      x.arg?.kind === "named" &&
      ["Organization", "Country", "Group"].includes(x.arg.mention.type) &&
      !x.arg.mention.demonym;
    // "TSMD Global is an India-based company that shipped ...": the company is the one named as subject
    if (g.has(f.token, "cop")) {
      const subj = g
        .children(f.token, "nsubj")
        .map((k) => asMember({ token: k, arg: args.at(k) }))
        .filter(member);
      if (subj.length > 0) return subj;
    }
    const named = [...g.children(f.token, ["appos", "dep"]), ...g.parents(f.token, ["appos", "dep"])]
      .flatMap((k) => g.withConjuncts(k))
      .map((k) => asMember({ token: k, arg: args.at(k) }))
      .filter(member);
    if (named.length > 0) return named;
    // "Russia-based companies, including X and Y": examples, so the group stays beside them
    const examples = g
      .children(f.token, ["nmod:including", "nmod:such_as"])
      .flatMap((k) => g.withConjuncts(k))
      .map((k) => asMember({ token: k, arg: args.at(k) }))
      .filter(member);
    if (examples.length > 0) return a.country ? [f, ...examples] : examples;
    // "entities in multiple third countries, including India, China and Malaysia", "companies in
    // China and Hong Kong": one group per country
    if (kind === "sanctionable") {
      // "entities in ...", "entities based in ..."
      const places = [
        ...g.children(f.token, "nmod:in"),
        ...g.children(f.token, "acl").flatMap((v) => (g.pos(v) === "VBN" ? g.children(v, "obl:in") : [])),
      ].flatMap((k) => [...g.withConjuncts(k), ...g.children(k, ["nmod:including", "nmod:such_as"])]);
      const countries = [...new Set(places.flatMap((k) => g.withConjuncts(k)))]
        .map((k) => args.mention(k))
        .filter((m): m is NamedMention => m !== undefined && m.type === "Country" && !m.demonym);
      if (countries.length > 1 || (countries.length === 1 && a.country === null)) {
        const base = a.name.replace(/ in .*$/, "");
        // named as the text writes the country: "firms in the United Arab Emirates"
        const written = (m: NamedMention) =>
          (m.begin > 0 && g.word(m.begin - 1).toLowerCase() === "the" ? "the " : "") +
          m.surface.replace(/^the\s+/i, "");
        return countries.map((m) => ({
          token: m.head,
          arg: {
            kind: "group" as const,
            token: m.head,
            name: `${base} in ${written(m)}`,
            country: m,
            collective: false,
          },
        }));
      }
    }
  }
  if (kind === "site" && (a.kind === "group" || a.kind === "item")) {
    // "the Alabuga plant", "the Engels air base": the site is the place it is named after
    const named = g
      .children(f.token, "compound")
      .map((k) => ({ token: k, arg: args.at(k) }))
      .filter((x) => x.arg?.kind === "named");
    if (named.length > 0) {
      return named.map((x) =>
        x.arg?.kind === "named"
          ? { ...x, arg: { ...x.arg, mention: { ...x.arg.mention, type: "Facility" as const, weak: false } } }
          : x,
      );
    }
  }
  if (kind === "target" && (a.kind === "item" || a.kind === "group")) {
    // "the port of Odesa", "the outskirts of Kharkiv": the place the target is part of
    const of = g
      .children(f.token, "nmod:of")
      .map((k) => ({ token: k, arg: args.at(k) }))
      .find((x) => x.arg?.kind === "named" && ["Place", "Country", "Facility"].includes(x.arg.mention.type));
    if (of) return [of];
  }
  if (
    kind === "target" &&
    a.kind === "item" &&
    (mc.placeNouns.has(g.word(f.token).toLowerCase()) || mc.placeNouns.has(g.lemma(f.token)))
  ) {
    // "the Dnipropetrovsk and Odesa regions", "Ukraine's cities", "regions in Ukraine"
    const places = g
      .children(f.token, "compound")
      .flatMap((k) => g.withConjuncts(k))
      .map((k) => ({ token: k, arg: args.at(k) }))
      .filter((x) => x.arg?.kind === "named" && ["Place", "Country", "Facility"].includes(x.arg.mention.type));
    if (places.length > 0) return places;
    const owner = [...g.children(f.token, ["nmod:poss", "nmod:in", "nmod:of"]), ...a.origins.map((m) => m.head)]
      .map((k) => ({ token: k, arg: args.mention(k)?.demonym ? null : args.at(k) }))
      .find((x) => x.arg?.kind === "named" && ["Place", "Country"].includes(x.arg.mention.type));
    if (owner) return [owner];
    const origin = a.origins[0];
    if (origin)
      return [
        { token: origin.head, arg: { kind: "named", token: origin.head, mention: { ...origin, demonym: false } } },
      ];
    // a place word alone ("several regions") names no target
    return [];
  }
  return [f];
}

/** Where a path leads from the anchor: the fillers it reaches, filters applied on the way. */
export function follow(g: SentenceGraph, args: Arguments, mc: MatchContext, anchor: number, path: Path): Filler[] {
  let here: Filler[] = [{ token: anchor, arg: args.at(anchor) }];
  for (const step of path) {
    const next: Filler[] = [];
    for (const h of here) {
      for (const f of stepFrom(g, args, mc, h, step)) {
        if (passes(g, args, mc, f, step) && !next.some((n) => n.token === f.token)) next.push(f);
      }
    }
    here = next;
    if (here.length === 0) return [];
  }
  return here.filter((f) => f.token !== anchor || path.some((s) => s.dir === "self"));
}

function stepFrom(g: SentenceGraph, args: Arguments, mc: MatchContext, h: Filler, step: Step): Filler[] {
  const wrap = (k: number, rel?: string): Filler[] => {
    const m = args.mention(k);
    // "Chinese exports", "Iranian-supplied": the demonym stands for its country
    if (m?.demonym) return [namedFiller(m)];
    // "ballistic missile production": the goods are named with the event noun's modifiers
    if (rel === "compound" && h.token < g.size && k < h.token)
      return [{ token: k, arg: args.compoundGoods(h.token, k) }];
    // "a company that shipped ...": a relative pronoun the parser left unresolved stands for the
    // noun its clause hangs on
    if (/^W(DT|P)$/.test(g.pos(k)) && /^(that|which|who)$/i.test(g.word(k))) {
      const clause = g.treeParent(k);
      const noun =
        clause === undefined ? undefined : g.parentEdges(clause).find((e) => /^(acl|acl:relcl|dep)$/.test(e.rel))?.to;
      if (noun !== undefined && g.isNoun(noun)) return [{ token: noun, arg: args.at(noun) }];
    }
    return [{ token: k, arg: args.at(k) }];
  };
  switch (step.dir) {
    case "self":
      return [h];
    case "origin":
      return h.arg?.kind === "item" ? h.arg.origins.map((m) => namedFiller(m)) : [];
    case "possessor":
      return h.arg?.kind === "item" && h.arg.possessor !== null ? wrap(h.arg.possessor) : [];
    case "serves": {
      // "President Xi Jinping": a well-known person serves the state the people gazetteer says
      const m = h.arg?.kind === "named" ? h.arg.mention : null;
      const served = m ? mc.serves.get(m.name) : undefined;
      if (!m || !served) return [];
      const mention: NamedMention = {
        ...m,
        type: served.type,
        name: served.name,
        reason: "whom a well-known person serves (people gazetteer)",
        weak: false,
        demonym: false,
        metonym: false,
      };
      return [{ token: -1 - m.head, arg: { kind: "named", token: m.head, mention } }];
    }
    case "down": {
      let edges = g.childEdges(h.token).filter((e) => stepRel(step, e.rel));
      // "vehicle electronics maker": the compound chain is one phrase, named from its last noun
      if (step.rels.includes("compound")) {
        const left = edges.filter((e) => e.to < h.token && !args.mention(e.to));
        const last = left.reduce<number>((m, e) => Math.max(m, e.to), -1);
        edges = edges.filter((e) => e.to > h.token || args.mention(e.to) || e.to === last);
      }
      return edges.flatMap((e) => wrap(e.to, e.rel));
    }
    case "up":
      return g
        .parentEdges(h.token)
        .filter((e) => stepRel(step, e.rel))
        .flatMap((e) => wrap(e.to));
  }
}

function stepRel(step: { rels: readonly string[]; subtypes: boolean }, rel: string): boolean {
  return step.subtypes ? step.rels.some((r) => relMatches(rel, r)) : step.rels.includes(rel);
}

function namedFiller(m: NamedMention): Filler {
  return { token: m.head, arg: { kind: "named", token: m.head, mention: { ...m, demonym: false } } };
}

function passes(g: SentenceGraph, args: Arguments, mc: MatchContext, f: Filler, step: Step): boolean {
  if (step.dir === "origin" || step.dir === "possessor" || step.dir === "serves") return true;
  return passesFilter(g, args, mc, f, step as { kind?: string; lemmas?: ReadonlySet<string> });
}

function passesFilter(
  g: SentenceGraph,
  args: Arguments,
  mc: MatchContext,
  f: Filler,
  step: { kind?: string; lemmas?: ReadonlySet<string> },
): boolean {
  if (step.lemmas && !step.lemmas.has(g.lemma(f.token))) return false;
  switch (step.kind) {
    case undefined:
      return true;
    case "demonym":
      return args.mention(f.token)?.demonym === true;
    case "named":
      // "the Kapustin Yar test site": a site named after a place counts as named
      return (
        f.arg?.kind === "named" ||
        (f.arg?.kind === "item" &&
          g.children(f.token, "compound").some((k) => args.mention(k) !== undefined && !args.mention(k)!.demonym))
      );
    case "country":
      return f.arg?.kind === "named" && f.arg.mention.type === "Country";
    case "facility":
      return f.arg?.kind === "named" && f.arg.mention.type === "Facility";
    case "org":
      return f.arg?.kind === "named" && (f.arg.mention.type === "Organization" || f.arg.mention.type === "Group");
    case "agent":
      // "companies providing services", "TSMD Global, a company that shipped": a body that acts, not a place
      return (
        (f.arg?.kind === "named" && (f.arg.mention.type === "Organization" || f.arg.mention.type === "Group")) ||
        f.arg?.kind === "group"
      );
    case "title":
      return isTitle(g, f.token, mc.titles);
    case "actor":
    case "goods":
    case "target":
    case "place":
    case "person":
      return f.arg !== null && fits(f.arg, step.kind, mc, g);
    default:
      return false;
  }
}

function isTitle(g: SentenceGraph, k: number, titles: ReadonlySet<string>): boolean {
  const w = g.word(k).toLowerCase();
  if (titles.has(w) || titles.has(g.lemma(k))) return true;
  // "Foreign Minister", "Secretary-General": a title written as a compound
  const prev = k > 0 ? g.word(k - 1).toLowerCase() : "";
  return titles.has(`${prev} ${w}`) || (prev === "-" && k > 1 && titles.has(`${g.word(k - 2).toLowerCase()}-${w}`));
}

/** Does an argument fit the kind a role takes? Pronouns and descriptions fit actor roles until resolved. */
export function fits(a: Argument, kind: RoleKind | "named" | "country", mc: MatchContext, g: SentenceGraph): boolean {
  switch (kind) {
    case "actor":
      return (
        (a.kind === "named" && a.mention.type !== "Place" && !a.mention.weak) ||
        (a.kind === "named" && a.mention.weak) ||
        (a.kind === "group" && (a.country !== null || a.collective)) ||
        (a.kind === "pronoun" && !a.human) ||
        a.kind === "anaphor"
      );
    case "goods":
      // an event is no goods ("used in the attack", "launched an offensive"), though supplies are,
      // and shipments of unnamed goods stand for goods named later ("sent 700 shipments")
      return (
        (a.kind === "item" &&
          (g.lemma(a.token) === "supply" || a.abstract || !mc.table.events.has(g.lemma(a.token)))) ||
        (a.kind === "named" && a.mention.weak)
      );
    case "target":
      return (
        (a.kind === "named" && a.mention.type !== "Person") ||
        (a.kind === "item" && mc.targetNouns.has(g.lemma(a.token))) ||
        a.kind === "group"
      );
    case "body":
      return (
        (a.kind === "named" && a.mention.type !== "Place" && a.mention.type !== "Person") ||
        (a.kind === "group" && a.country !== null)
      );
    case "sanctionable":
      return (
        // a place is sanctioned too ("Crimea"), and the recogniser takes some banks for places
        a.kind === "named" ||
        a.kind === "group" ||
        a.kind === "anaphor" ||
        (a.kind === "pronoun" && !a.human) ||
        (a.kind === "item" && a.origins.length > 0)
      );
    case "person":
      return a.kind === "named" && a.mention.type === "Person";
    case "place":
      return a.kind === "named" && ["Country", "Place", "Facility"].includes(a.mention.type);
    case "site":
      return a.kind === "named" && ["Facility", "Place"].includes(a.mention.type) && !a.mention.weak;
    case "named":
      return a.kind === "named";
    case "country":
      return a.kind === "named" && a.mention.type === "Country";
  }
}
