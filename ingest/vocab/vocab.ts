import { readFileSync } from "node:fs";
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

export const LexiconFileSchema = z
  .object({
    $comment: z.string().optional(),
    supplyVerbs: Words,
    importVerbs: Words,
    supplyNouns: Words,
    importNouns: Words,
    supplierNouns: Words,
    reportingVerbs: Words,
    reportNouns: Words,
    hedges: Words,
    negations: Words,
    negationCues: Words,
    personTitles: Words,
    actorNouns: Words,
    itemReject: Words,
    weaponHeads: Words,
    attackVerbs: Words,
    attackNouns: Words,
    sanctionVerbs: Words,
    produceVerbs: Words,
    producerNouns: Words,
    useVerbs: Words,
    cooperationNouns: Words,
    cooperationVerbs: Words,
    tradeNouns: Words,
    placeHeads: Words,
    facilityWords: Words,
    orgWords: Words,
    orgPrefixes: Words,
    demonymActorHeads: Words,
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

export interface Vocab {
  countries: CountryEntry[];
  organizations: OrgEntry[];
  lexicon: Lexicon;
}

function readJson<S extends z.ZodTypeAny>(schema: S, file: string): z.infer<S> {
  const url = new URL(file, import.meta.url);
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

let cached: Vocab | null = null;

export function loadVocab(): Vocab {
  if (cached) return cached;
  const countries = buildCountries(readJson(CountriesFileSchema, "./countries.json"));
  const organizations = readJson(OrganizationsFileSchema, "./organizations.json").organizations;
  const lexicon = readJson(LexiconFileSchema, "./lexicon.json");
  cached = { countries, organizations, lexicon };
  return cached;
}
