import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { z } from "zod";

/**
 * The extractor's vocabularies are data (JSON beside this file), validated here so that a user's
 * extension with a typo fails loudly with the file and field instead of silently matching nothing.
 */

const Words = z.array(z.string().min(1));

export const CountriesFileSchema = z.object({
  $comment: z.string().optional(),
  countries: z.array(
    z
      .object({
        code: z.string().regex(/^[A-Z]{2}$/),
        name: z.string().min(1),
        aliases: Words.default([]),
        demonyms: Words.default([]),
        metonyms: Words.default([]),
      })
      .strict(),
  ),
});

export const OrganizationsFileSchema = z.object({
  $comment: z.string().optional(),
  organizations: z.array(
    z
      .object({
        name: z.string().min(1),
        type: z.enum(["Organization", "Group", "Facility", "Place"]),
        aliases: Words.default([]),
        /** adjective forms used as actors before an actor noun ("Western intelligence") */
        demonyms: Words.default([]),
      })
      .strict(),
  ),
});

/** People the news names by title and name alone ("President Xi Jinping"), with whom they serve. */
export const PeopleFileSchema = z.object({
  $comment: z.string().optional(),
  people: z.array(
    z
      .object({
        name: z.string().min(1),
        aliases: Words.default([]),
        /** a country's canonical name or an organisation of organizations.json */
        serves: z.string().min(1),
      })
      .strict(),
  ),
});

export const LexiconFileSchema = z
  .object({
    $comment: z.string().optional(),
    /** as written, case-sensitive: "LLC", "Oy", "Private Limited" */
    legalForms: Words,
    /** last words of an organisation's name, as written: "Bank", "Ministry", "Electronics" */
    organizationWords: Words,
    /** last words of a facility's name, as written: "Plant", "Airport" */
    facilityWords: Words,
    /** words after a place name that keep it a place: "region", "oblast" */
    placeWords: Words,
    /** nouns (lemmas) that make a phrase an actor: "firm", "government", "forces" */
    actorNouns: Words,
    /** actor nouns that name a state's own institution ("the Russian military"): the state itself */
    collectiveActorNouns: Words,
    personTitles: Words,
    reportingVerbs: Words,
    reportNouns: Words,
    /** prepositions (as CoreNLP names them in obl:/nmod: relations) that introduce a source */
    sourcePrepositions: Words,
    /** words before a cited group that say who among them spoke, not who they are: "senior U.S. officials" */
    sourceRankWords: Words,
    hedgeAdverbs: Words,
    hedgeAuxiliaries: Words,
    hedgeGovernors: Words,
    negators: Words,
    negatingGovernors: Words,
    /** verbs whose object is an event that did not take place: "blocked new sanctions" (not "stopped the war") */
    preventingGovernors: Words,
    /** "no evidence that ...": nouns whose negation negates their clause */
    evidenceNouns: Words,
    /** nouns (lemmas) that are no goods: abstractions, figures of speech, pronouns */
    itemReject: Words,
    /** nouns that are no goods in the singular only: "part of the plan", but "spare parts" */
    singularNonGoods: Words,
    /** what is given but no goods ("military aid"): no claim, but "These supplies include ..." continues it */
    abstractSupplies: Words,
    /** "tons of", "a range of", "70% of": the goods are what follows "of" */
    partitiveNouns: Words,
    weaponWords: Words,
    /** modifiers left out of an item's name: "key components" are components */
    nonRestrictiveModifiers: Words,
    /** common nouns that can be the target of an attack: "infrastructure", "airfield" */
    targetNouns: Words,
    /** "the Entity List": a list that firms are added to */
    listNouns: Words,
    /** "India-based", "registered in": participles that place an organisation */
    locativeParticiples: Words,
  })
  .strict();

export type Lexicon = z.infer<typeof LexiconFileSchema>;

export interface CountryEntry {
  code: string;
  name: string;
  aliases: string[];
  demonyms: string[];
  metonyms: string[];
}

export interface OrgEntry {
  name: string;
  type: "Organization" | "Group" | "Facility" | "Place";
  aliases: string[];
  demonyms: string[];
}

export interface PersonEntry {
  name: string;
  aliases: string[];
  /** the country or organisation served, resolved against the gazetteers */
  serves: { name: string; type: "Country" | OrgEntry["type"] };
}

export interface Vocab {
  countries: CountryEntry[];
  organizations: OrgEntry[];
  people: PersonEntry[];
  lexicon: Lexicon;
}

function readJson<S extends z.ZodTypeAny>(schema: S, file: string | URL): z.infer<S> {
  const url = typeof file === "string" ? new URL(file, import.meta.url) : file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, "utf8"));
  } catch (e) {
    throw new Error(`${url.pathname}: cannot read vocabulary (${(e as Error).message})`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${url.pathname}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  return r.data;
}

/** Country names from i18n-iso-countries, overlaid with our canonical short names, demonyms and capitals. */
function buildCountries(overlay: z.infer<typeof CountriesFileSchema>): CountryEntry[] {
  const require = createRequire(import.meta.url);
  const iso = require("i18n-iso-countries") as {
    registerLocale(l: unknown): void;
    getNames(lang: string, o: { select: "all" }): Record<string, string[]>;
  };
  iso.registerLocale(require("i18n-iso-countries/langs/en.json"));
  const names = iso.getNames("en", { select: "all" });
  const byCode = new Map(overlay.countries.map((c) => [c.code, c]));
  const out: CountryEntry[] = [];
  for (const code of Object.keys(names).sort()) {
    const all = (names[code] ?? []).filter((n) => !n.includes(","));
    const o = byCode.get(code);
    const plain = all.filter((n) => !/\b(of|the)\b/i.test(n));
    const name = o?.name ?? plain.sort((a, b) => a.length - b.length)[0] ?? all[0];
    if (!name) continue;
    const aliases = [...new Set([...all, ...(o?.aliases ?? [])])].filter((a) => a !== name && a.length > 1);
    out.push({ code, name, aliases, demonyms: o?.demonyms ?? [], metonyms: o?.metonyms ?? [] });
  }
  return out;
}

/**
 * Users extend the vocabularies without editing these files: a folder named by KG_VOCAB_DIR may
 * hold countries.json, organizations.json, people.json and lexicon.json in the same formats (every lexicon
 * list optional); its entries are added to the built-in ones. An environment variable, so that
 * extraction worker threads see the same vocabulary as the main thread.
 */
export const VOCAB_DIR_ENV = "KG_VOCAB_DIR";

const UserLexiconSchema = LexiconFileSchema.partial();

function readUser<S extends z.ZodTypeAny>(schema: S, dir: string, name: string): z.infer<S> | undefined {
  const file = path.resolve(dir, name);
  return existsSync(file) ? readJson(schema, pathToFileURL(file)) : undefined;
}

const union = (a: string[], b: string[] = []) => [...new Set([...a, ...b])];

const cache = new Map<string, Vocab>();

export function loadVocab(userDir: string | undefined = process.env[VOCAB_DIR_ENV] || undefined): Vocab {
  const key = userDir ?? "";
  const hit = cache.get(key);
  if (hit) return hit;
  if (userDir !== undefined && !existsSync(userDir)) {
    throw new Error(`${VOCAB_DIR_ENV}=${userDir}: no such folder`);
  }
  const countryOverlay = readJson(CountriesFileSchema, "./countries.json");
  const organizations = readJson(OrganizationsFileSchema, "./organizations.json").organizations;
  const people = readJson(PeopleFileSchema, "./people.json").people.map((p, i) => ({
    ...p,
    where: `people.json: people.${i}`,
  }));
  const lexicon = readJson(LexiconFileSchema, "./lexicon.json");
  if (userDir !== undefined) {
    const userCountries = readUser(CountriesFileSchema, userDir, "countries.json");
    for (const uc of userCountries?.countries ?? []) {
      const base = countryOverlay.countries.find((c) => c.code === uc.code);
      if (!base) countryOverlay.countries.push(uc);
      else {
        base.aliases = union(base.aliases, uc.aliases);
        base.demonyms = union(base.demonyms, uc.demonyms);
        base.metonyms = union(base.metonyms, uc.metonyms);
      }
    }
    organizations.push(...(readUser(OrganizationsFileSchema, userDir, "organizations.json")?.organizations ?? []));
    const userPeople = readUser(PeopleFileSchema, userDir, "people.json")?.people ?? [];
    people.push(...userPeople.map((p, i) => ({ ...p, where: `${path.resolve(userDir, "people.json")}: people.${i}` })));
    const userLexicon = readUser(UserLexiconSchema, userDir, "lexicon.json") ?? {};
    for (const k of Object.keys(userLexicon) as Array<keyof typeof userLexicon>) {
      if (k === "$comment") continue;
      lexicon[k] = union(lexicon[k], userLexicon[k]);
    }
  }
  const countries = buildCountries(countryOverlay);
  const vocab = { countries, organizations, people: resolvePeople(people, countries, organizations), lexicon };
  cache.set(key, vocab);
  return vocab;
}

function resolvePeople(
  people: Array<z.infer<typeof PeopleFileSchema>["people"][number] & { where: string }>,
  countries: CountryEntry[],
  organizations: OrgEntry[],
): PersonEntry[] {
  return people.map(({ name, aliases, serves, where }) => {
    const country = countries.find((c) => c.name === serves);
    const org = country ? undefined : organizations.find((o) => o.name === serves);
    if (!country && !org) {
      throw new Error(`${where}.serves: "${serves}" is neither a country's canonical name nor an organisation's name`);
    }
    return { name, aliases, serves: { name: serves, type: country ? "Country" : org!.type } };
  });
}
