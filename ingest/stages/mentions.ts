import type { Lexicon } from "../vocab/vocab.js";
import { escapeRegExp } from "./patterns.js";
import { execNotAfter, NOT_AFTER_DEMONYM, NOT_AFTER_NAME, type ActorType, type Gazetteer } from "./gazetteer.js";

/**
 * Mentions of actors (countries, organisations, people, places) in one sentence: gazetteer
 * hits, demonyms before actor nouns ("Chinese firms"), possessive organisations ("Ukraine's
 * Foreign Intelligence Service"), and capitalised name chunks typed from their context (a title
 * before a person, an organisation word, a place noun after). No NER model exists offline, so
 * this is deliberately conservative.
 */

/** last words of a named document rather than an actor */
const DOCUMENT_HEADS = /^(?:List|Lists|Act|Acts|Directive|Regulation|Regulations|Treaty|Accord|Accords|Doctrine)$/;

function hasOrgWordIn(tokens: readonly string[], re: MentionRegexes): boolean {
  return tokens.some((w) => re.orgWord.has(w.replace(/[.,]$/, "")));
}

export interface Mention {
  /** absolute offsets into article.text */
  start: number;
  end: number;
  surface: string;
  type: ActorType;
  /** proposed canonical name (entity resolution may map it further) */
  name: string;
  /** why this surface maps to `name`, when they differ */
  reason: string | null;
  /** "modifier": a demonym before a non-actor noun ("Chinese drones"): origin, not actor */
  role: "actor" | "modifier";
  /** a title or appositive marks a person, with the organisation or country it serves */
  affiliation?: { start: number; end: number } | undefined;
  /** the chunk carried a leading person title ("President") */
  titled?: boolean;
  /** a lone capitalised word at a sentence start: kept only if it names an entity already seen */
  weak?: boolean;
  /** the name part of an extended mention ("U.S." in "U.S. officials", "Chinese" in "Chinese firms") */
  core?: string;
  /** where the mention came from: a vocabulary (gazetteer, demonym) or a capitalised chunk */
  source?: "gazetteer" | "chunk";
}

const STARTERS = new Set(
  (
    "The A An In On At For From To By With As Since After Before During While Although Though However But And Or If " +
    "When Where This That These Those It Its Their They He She We I You Our His Her There Here Some Many Most More " +
    "About Over Under Within Without Despite Unlike Like Furthermore Moreover Meanwhile Still Also Only Both Each Every " +
    "Other Another Such What Which Who How Why Earlier Later Overall Instead Similar Following According Almost Nearly " +
    "Last Next Then Thus Therefore Yet So Even Just Already Now Today Yesterday Tomorrow Additionally Further Once Two " +
    "Three Four Five Six Seven Eight Nine Ten One Several Any No Not All Sometimes Similarly Coincidentally " +
    "Concurrently Consequently Notably Overnight Western European Note Unlike Because Whether Until Among Between"
  ).split(" "),
);

const MONTHS_DAYS =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?$/;

export interface MentionContext {
  gaz: Gazetteer;
  lex: Lexicon;
  /** compiled once per vocabulary */
  re: MentionRegexes;
}

export interface MentionRegexes {
  demonymHead: RegExp;
  possessiveHead: RegExp;
  capTitle: RegExp;
  lowerTitleBefore: RegExp;
  appositive: RegExp;
  placeAfter: RegExp;
  orgWord: Set<string>;
  facilityWord: Set<string>;
  orgPrefix: RegExp;
}

export function compileMentionRegexes(lex: Lexicon): MentionRegexes {
  const alt = (ws: string[]) =>
    [...new Set(ws)]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|");
  const capTitles = lex.personTitles.filter((t) => /^[A-Z]/.test(t));
  const lowTitles = lex.personTitles.filter((t) => /^[a-z]/.test(t));
  return {
    demonymHead: new RegExp(
      `^((?:\\s+(?!and\\b|or\\b)[a-z][a-z-]*){0,2}?)\\s+(${alt(lex.demonymActorHeads)})(?![\\p{L}-])`,
      "u",
    ),
    possessiveHead: new RegExp(`^['’]s?((?:\\s+[a-z][a-z-]*){0,1}?)\\s+(${alt(lex.actorNouns)})(?![\\p{L}-])`, "u"),
    capTitle: new RegExp(`^(?:(?:then-|former |ex-|acting |Deputy |Vice )?(?:${alt(capTitles)})\\s+)+`),
    lowerTitleBefore: new RegExp(
      `(?:^|[\\s,(])(?:then-|former |acting )?(?:${alt([...lowTitles, ...capTitles])})\\s+$`,
    ),
    appositive: new RegExp(
      `^,\\s+(?:a |an |the |then |now |former )?(?:[\\p{L}-]+\\s+){0,3}?(?:${alt(lowTitles)})(?:\\s|,|$)`,
      "u",
    ),
    placeAfter: new RegExp(`^\\s+(${alt(lex.placeHeads)})\\b`),
    orgWord: new Set(lex.orgWords),
    facilityWord: new Set(lex.facilityWords),
    orgPrefix: new RegExp(`^(?:${alt(lex.orgPrefixes)})\\s`),
  };
}

/** commercial groups named by their state ("Hong Kong companies"); officials and forces are sources or actors of their own */
const COMPANIES_HEAD =
  /^\s+(?:companies|company|firms|firm|businesses|entities|exporters|suppliers|traders|manufacturers|intermediaries)(?![\p{L}-])/u;
/** a state's bodies cited as sources: "U.S. intelligence agencies", "U.S. officials", "Chinese customs" */
const SOURCE_HEAD =
  /^(?:\s+(?:senior|top|military|defense|defence|government|state))?\s+(?:intelligence\s+(?:agencies|community|officials|report|services|sources)|intelligence|officials|customs\s+(?:data|authorities|statistics|figures)|customs|authorities|government\s+data|trade\s+data|military\s+sources)(?![\p{L}-])/u;

// must not follow a letter or digit: checked by execNotAfter(COMPANY, …, NOT_AFTER_NAME)
const COMPANY =
  /(?:[A-Z][\p{L}\p{N}&'’.-]*\s+)(?:[A-Z\d][\p{L}\p{N}&'’.-]*\s+){0,4}(?:Private\s+Limited|Limited|LLC|Inc\.|Ltd\.?|Corp\.|Corporation|Oy|GmbH|AG|JSC|PJSC|OJSC|Co\.,?\s+Ltd\.?|S\.A\.|SA|plc|PLC|Holdings)(?![\p{L}\p{N}])/gu;

const INSTITUTION_HEADS =
  "School|University|Institute|Academy|College|Times|Post|Journal|Herald|Independent|Observer|Tribune";
/**
 * Institutions named after a city or state ("Kyiv School of Economics", "Moscow State University",
 * "Tehran Times"): one organisation, not the state the city stands for.
 */
const INSTITUTION = new RegExp(
  `(?:[A-Z][\\p{L}'’.-]*\\s+){1,2}(?:${INSTITUTION_HEADS})(?:\\s+(?:of|for)\\s+[A-Z][\\p{L}-]*(?:\\s+(?:and\\s+)?[A-Z][\\p{L}-]*)*)?(?![\\p{L}\\p{N}])`,
  "gu",
);

/**
 * Organisation names that hold a place or country inside them, found before the gazetteer so that
 * the place is not taken for the state: names with a legal-form suffix ("Ascend Aviation India
 * Private Limited", "U.S.-designated S 7 ENGINEERING LLC" without its qualifier), and institutions
 * named after a known place.
 */
const ORG_NAMES: ReadonlyArray<{
  pattern: RegExp;
  lead: RegExp;
  keep: (name: string, known: ReadonlyMap<string, unknown>) => boolean;
}> = [
  {
    pattern: COMPANY,
    lead: /^(?:\S*-(?:based|designated|sanctioned|controlled|linked|owned|made|registered)\s+|(?:The|A|An|And|Of)\s+)+/,
    keep: () => true,
  },
  {
    pattern: INSTITUTION,
    lead: /^(?:(?:The|A|An|And|Of|In|At|By|From|For|To|With|According)\s+)+/,
    keep: (name, known) =>
      known.has(name.split(/\s+/)[0]!) || known.has(name.split(new RegExp(`\\s+(?:${INSTITUTION_HEADS})\\b`))[0]!),
  },
];

const CHUNK =
  /(?:[A-Z][\p{L}\p{N}'’&/-]*\.?|\d+[A-Z][\p{L}\p{N}-]*)(?:(?:\s+(?:of the|of|for|de|du|al|bin|von|van|&)\s+|\s+|-)(?:[A-Z][\p{L}\p{N}'’&/-]*\.?|\d+[\p{L}\p{N}-]*))*/gu;

function overlaps(ms: Mention[], a: number, b: number): boolean {
  return ms.some((m) => a < m.end && b > m.start);
}

/** Finds mentions in one sentence. `base` is the sentence's absolute start offset. */
export function findMentions(text: string, base: number, ctx: MentionContext): Mention[] {
  const { gaz, re } = ctx;
  const ms: Mention[] = [];
  // 0. organisation names with a place inside them (ORG_NAMES)
  for (const kind of ORG_NAMES) {
    kind.pattern.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = execNotAfter(kind.pattern, text, NOT_AFTER_NAME)) !== null;) {
      const lead = kind.lead.exec(m[0]);
      const at = m.index + (lead ? lead[0].length : 0);
      const name = text.slice(at, m.index + m[0].length);
      if (gaz.surfaces.has(name) || !/\s/.test(name) || !kind.keep(name, gaz.surfaces)) continue;
      if (overlaps(ms, base + at, base + at + name.length)) continue;
      ms.push({
        start: base + at,
        end: base + at + name.length,
        surface: name,
        type: "Organization",
        name,
        reason: null,
        role: "actor",
        source: "chunk",
      });
    }
  }
  // 1. gazetteer names
  gaz.pattern.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = execNotAfter(gaz.pattern, text, NOT_AFTER_NAME)) !== null;) {
    const hit = gaz.surfaces.get(m[0]);
    if (!hit || overlaps(ms, base + m.index, base + m.index + m[0].length)) continue;
    let end = m.index + m[0].length;
    // "Kyiv region", "Moscow oblast": the region around the city, not the state it stands for
    const region = hit.metonym ? re.placeAfter.exec(text.slice(end)) : null;
    if (region && /^[A-Z]/.test(m[0])) {
      const surface = text.slice(m.index, end + region[0].length);
      ms.push({
        start: base + m.index,
        end: base + m.index + surface.length,
        surface,
        type: "Place",
        name: surface,
        reason: null,
        role: "actor",
        source: "gazetteer",
      });
      continue;
    }
    // "Russia's defense industry", "Moscow's military": the actor is still the state; so are a
    // named state's companies ("Hong Kong companies", "UAE firms"), as "Chinese companies" are
    if (hit.type === "Country") {
      const rest = text.slice(end);
      const p =
        re.possessiveHead.exec(rest) ?? SOURCE_HEAD.exec(rest) ?? (hit.metonym ? null : COMPANIES_HEAD.exec(rest));
      if (p) end += p[0].length;
    }
    ms.push({
      start: base + m.index,
      end: base + end,
      surface: text.slice(m.index, end),
      core: m[0],
      type: hit.type,
      name: hit.name,
      reason: hit.reason,
      role: "actor",
      source: "gazetteer",
    });
  }
  // 2. demonyms: actors before an actor noun, origin modifiers otherwise
  gaz.demonymPattern.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = execNotAfter(gaz.demonymPattern, text, NOT_AFTER_DEMONYM)) !== null;) {
    const a = m.index;
    if (overlaps(ms, base + a, base + a + m[0].length)) continue;
    const hit = gaz.surfaces.get(m[0]);
    if (!hit) continue;
    const after = text.slice(a + m[0].length);
    const h = re.demonymHead.exec(after);
    const plural = /s$/.test(m[0]) && /\bthe\s+$/i.test(text.slice(Math.max(0, a - 5), a));
    // "Ukrainian-made", "Chinese-manufactured": origin, not actor
    const made = /^-(made|manufactured|produced|built|origin)\b/.test(after);
    if ((h || plural) && !made) {
      const end = a + m[0].length + (h ? h[0].length : 0);
      ms.push({
        start: base + a,
        end: base + end,
        surface: text.slice(a, end),
        core: m[0],
        type: hit.type,
        name: hit.name,
        reason: "demonym used as actor",
        role: "actor",
      });
    } else {
      ms.push({
        start: base + a,
        end: base + a + m[0].length,
        surface: m[0],
        type: hit.type,
        name: hit.name,
        reason: "demonym",
        role: "modifier",
      });
    }
  }
  ms.sort((x, y) => x.start - y.start);
  // 3. capitalised chunks between known mentions
  CHUNK.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = CHUNK.exec(text)) !== null;) {
    let a = m.index;
    let s = m[0];
    // the parts of the chunk that are not already known mentions
    const parts: Array<[number, string]> = [];
    let cur = m.index;
    const stop = m.index + m[0].length;
    for (const k of ms) {
      const ks = k.start - base;
      const ke = k.end - base;
      if (ke <= cur || ks >= stop) continue;
      if (ks > cur) parts.push([cur, text.slice(cur, ks)]);
      cur = Math.max(cur, ke);
    }
    if (cur < stop) parts.push([cur, text.slice(cur, stop)]);
    for (const [pa, raw] of parts) {
      const lead = /^[\s'’s-]*(?:s\b)?[\s-]*/.exec(raw)![0];
      let body = raw
        .slice(lead.length)
        .replace(/[\s-]+$/, "")
        .replace(/(?:\s+(?:of the|of|for|de|du|al|bin|von|van|&))+$/, "");
      let skipped = 0;
      // "-controlled Donetsk": skip lowercase words left after a mention
      for (let w = /^[a-z][\p{L}-]*\s+/u.exec(body); w; w = /^[a-z][\p{L}-]*\s+/u.exec(body)) {
        body = body.slice(w[0].length);
        skipped += w[0].length;
      }
      if (!body || !/^[A-Z\d]/.test(body)) continue;
      a = pa + lead.length + skipped;
      s = body;
      const added = classifyChunk(text, a, s, base, ctx, ms);
      if (added) ms.push(...added);
    }
    // chunks only add mentions after the ones already sorted, so no re-sort is needed here
  }
  return ms.sort((x, y) => x.start - y.start || y.end - x.end);
}

function classifyChunk(
  text: string,
  a: number,
  s: string,
  base: number,
  ctx: MentionContext,
  ms: Mention[],
): Mention[] | null {
  const { re } = ctx;
  void ms;
  let words = s.split(/\s+/);
  // drop sentence-initial function words, months and days
  while (words.length > 0 && (STARTERS.has(words[0]!) || MONTHS_DAYS.test(words[0]!))) {
    const w = words.shift()!;
    a += w.length;
    while (/\s/.test(text[a] ?? "")) a++;
  }
  if (words.length === 0) return null;
  const cut = words.findIndex((w) => MONTHS_DAYS.test(w));
  if (cut === 0) return null;
  if (cut > 0) words = words.slice(0, cut);
  s = words.join(" ");
  if (text.slice(a, a + s.length) !== s) return null;
  // trailing possessive / period that is not an abbreviation
  s = s.replace(/['’]s?$/, "");
  if (/\.$/.test(s) && !/(?:\b[A-Z]\.|Inc\.|Ltd\.|Co\.|Corp\.|Jr\.|Sr\.|St\.)$/.test(s)) s = s.slice(0, -1);
  if (!s || /^[\d-]+$/.test(s)) return null;
  const out: Mention[] = [];
  let titled = false;
  const t = re.capTitle.exec(s);
  const orgish = (x: string) => x.split(/\s+/).some((w) => re.orgWord.has(w.replace(/[.,]$/, "")));
  if (t && !orgish(s.slice(t[0].length))) {
    if (t[0].length >= s.length) return null;
    a += t[0].length;
    s = s.slice(t[0].length);
    titled = true;
  }
  const tokens = s.split(/\s+/);
  // a bare title ("Associate at ...") or a company-form suffix ("Limited Liability company VMK") names no one
  if (ctx.lex.personTitles.includes(s)) return null;
  if (
    tokens.every((w) =>
      /^(?:Limited|Liability|LLC|Company|Inc\.?|Ltd\.?|Corp\.?|Co\.?|Private|Public|Joint|Stock|JSC|PJSC|OOO|AO)$/.test(
        w,
      ),
    )
  )
    return null;
  const before = text.slice(0, a);
  const after = text.slice(a + s.length);
  const last = tokens[tokens.length - 1]!.replace(/[.,]$/, "");
  // a named list, law or treaty ("the Entity List", "the CHIPS Act") is no actor: typed by shape it
  // became a person, and a frame could not see "to the Entity List"
  if (tokens.length >= 2 && DOCUMENT_HEADS.test(last) && !hasOrgWordIn(tokens, re)) return null;
  const hasOrgWord = hasOrgWordIn(tokens, re) || re.orgPrefix.test(s + " ");
  const atStart = /^\s*["“‘]?\s*$/.test(before);
  // person followed by "of the <Org>": "Yamamoto Katsuya of the Sasakawa Peace Foundation"
  const ofSplit = /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,2}) of (?:the )?(.+)$/u.exec(s);
  if (
    ofSplit &&
    !ofSplit[1]!.split(" ").some((w) => re.orgWord.has(w)) &&
    ofSplit[2]!.split(" ").some((w) => re.orgWord.has(w))
  ) {
    const orgStart = a + s.lastIndexOf(ofSplit[2]!);
    const org: Mention = {
      start: base + orgStart,
      end: base + orgStart + ofSplit[2]!.length,
      surface: ofSplit[2]!,
      type: "Organization",
      name: ofSplit[2]!,
      reason: null,
      role: "actor",
    };
    out.push(org, {
      start: base + a,
      end: base + a + ofSplit[1]!.length,
      surface: ofSplit[1]!,
      type: "Person",
      name: ofSplit[1]!,
      reason: null,
      role: "actor",
      affiliation: { start: org.start, end: org.end },
    });
    return out;
  }
  // "Sanctions Policy Working Group of the Crimean Platform Expert Network": two organisations
  const twoOrgs = /^(.+?) of the (.+)$/.exec(s);
  if (twoOrgs && !titled && orgish(twoOrgs[1]!) && orgish(twoOrgs[2]!)) {
    const bStart = a + s.lastIndexOf(twoOrgs[2]!);
    return [
      {
        start: base + a,
        end: base + a + twoOrgs[1]!.length,
        surface: twoOrgs[1]!,
        type: "Organization",
        name: twoOrgs[1]!,
        reason: null,
        role: "actor",
        source: "chunk",
      },
      {
        start: base + bStart,
        end: base + bStart + twoOrgs[2]!.length,
        surface: twoOrgs[2]!,
        type: "Organization",
        name: twoOrgs[2]!,
        reason: null,
        role: "actor",
        source: "chunk",
      },
    ];
  }
  // after "in"/"near", a short name without organisation words is a place ("in Odesa", "in Donetsk")
  // the cheap tests first: the pattern scans the whole sentence before the chunk
  const placeBefore =
    !hasOrgWord &&
    tokens.length <= 2 &&
    !/\d/.test(s) &&
    /\b(?:in|near|outside|around)\s+(?:the\s+)?(?:[A-Za-z]+-controlled\s+)?$/.test(before);
  let type: ActorType;
  if (titled || re.lowerTitleBefore.test(before)) type = "Person";
  else if (re.facilityWord.has(last) && !hasOrgWord) type = "Facility";
  else if (hasOrgWord) type = re.facilityWord.has(last) && !re.orgWord.has(last) ? "Facility" : "Organization";
  else if (re.placeAfter.test(after)) {
    // "Chernihiv region", "Belgorod oblast": the administrative area keeps its head word
    const area = /^\s+(?:region|oblast|province|district|krai|governorate|Region|Oblast|Province|District|Krai)\b/.exec(
      after,
    );
    if (area) {
      const surface = s + area[0];
      out.push({
        start: base + a,
        end: base + a + surface.length,
        surface,
        type: "Place",
        name: surface,
        reason: null,
        role: "actor",
        source: "chunk",
      });
      return out;
    }
    type = "Place";
  } else if (placeBefore && !re.appositive.test(after)) type = "Place";
  else if (re.appositive.test(after) && tokens.length >= 2 && tokens.length <= 4) type = "Person";
  else if (tokens.length === 1 && atStart && !/^[A-Z0-9]{2,}$/.test(s)) {
    if (re.appositive.test(after)) return null;
    return [
      {
        start: base + a,
        end: base + a + s.length,
        surface: s,
        type: "Organization",
        name: s,
        reason: null,
        role: "actor",
        weak: true,
      },
    ];
  } else if (/\d/.test(s))
    return null; // "Shahed-136", "FP-5": model names, items not actors
  else if (
    tokens.length >= 2 &&
    tokens.length <= 3 &&
    tokens.every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(w)) &&
    // "two firms––Alpha Trade and Beta Logistics": named in apposition to companies, not people
    !/\b(?:firms?|compan(?:y|ies)|entit(?:y|ies)|manufacturers?|suppliers?|banks?|exporters?|importers?|brands?|subsidiar(?:y|ies))\W*(?:(?:and|or)\s+|\p{Lu}[\p{L}\s]*?(?:and|or|,)\s+)?$/u.test(
      before,
    )
  )
    type = "Person";
  else type = "Organization";
  // "the Biden administration": the government, named after its leader
  const adm = /^\s+(administration|government|regime)\b/.exec(after);
  if (adm && tokens.length <= 2) {
    const full = s + adm[0];
    return [
      {
        start: base + a,
        end: base + a + full.length,
        surface: full,
        type: "Organization",
        name: full.trim(),
        reason: null,
        role: "actor",
        source: "chunk",
      },
    ];
  }
  out.push({
    start: base + a,
    end: base + a + s.length,
    surface: s,
    type,
    name: s,
    reason: null,
    role: "actor",
    titled,
    source: "chunk",
  });
  return out;
}
