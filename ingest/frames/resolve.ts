import type { Entity, MergeReason } from "../../src/model/entity.js";
import { entityId } from "../../src/model/entity.js";
import { foldName } from "../../src/model/names.js";
import type { EntityType } from "../../src/model/vocabulary.js";

/**
 * Entity resolution for one article: canonical names, aliases and the reason for every merge.
 * Persons merge by surname ("Ivashchenko" → "Oleh Ivashchenko") and by transliteration
 * ("Sergei" = "Sergey"); known entities from earlier articles keep their canonical names.
 */

export interface Resolved {
  id: string;
  name: string;
  type: EntityType;
}

/** Folds romanisation variants of Slavic names: Sergei/Sergey, Zelenskyy/Zelensky, Syrskii/Syrsky. */
const translitCache = new Map<string, string>();

export function translitKey(name: string): string {
  const hit = translitCache.get(name);
  if (hit !== undefined) return hit;
  const key = translitKeyUncached(name);
  if (translitCache.size > 50_000) translitCache.clear();
  translitCache.set(name, key);
  return key;
}

function translitKeyUncached(name: string): string {
  return foldName(name)
    .split(/[\s-]+/)
    .map((t) =>
      t
        .replace(/(?:yy|iy|ii|yi|ij|ei)$/, (m) => (m === "ei" ? "ey" : "y"))
        .replace(/kh/g, "h")
        .replace(/ph/g, "f"),
    )
    .join(" ");
}

const idCache = new Map<string, string>();

/** entityId() folds and slugs the name; the same few hundred names recur in every article. */
function cachedEntityId(type: EntityType, name: string): string {
  const k = `${type}\u0001${name}`;
  let id = idCache.get(k);
  if (id === undefined) {
    id = entityId(type, name);
    if (idCache.size > 100_000) idCache.clear();
    idCache.set(k, id);
  }
  return id;
}

interface Rec {
  entity: Entity;
  aliasSet: Set<string>;
}

export class EntityRegistry {
  private readonly byId = new Map<string, Rec>();
  private readonly personByKey = new Map<string, string>();
  private readonly known = new Map<string, Entity>();
  /** short names earlier articles defined ("RUSI" for the Royal United Services Institute) */
  private readonly knownAliases = new Map<string, Entity>();

  /** organisations by their name without its legal form: "Texas Instruments" is "Texas Instruments Inc." */
  private readonly orgByBase = new Map<string, string>();
  private readonly legalForms: readonly string[];

  constructor(
    private readonly doc: string,
    knownEntities: readonly Entity[] = [],
    legalForms: readonly string[] = [],
  ) {
    this.legalForms = legalForms.map((f) => f.replace(/\.$/, "")).sort((a, b) => b.length - a.length);
    for (const e of knownEntities) {
      this.known.set(e.id, e);
      for (const m of e.merges) {
        if (/defined in text/.test(m.reason) && !this.knownAliases.has(m.alias)) this.knownAliases.set(m.alias, e);
      }
    }
  }

  private upsert(type: EntityType, name: string): Rec {
    const id = cachedEntityId(type, name);
    let rec = this.byId.get(id);
    if (!rec) {
      const k = this.known.get(id);
      rec = {
        entity: { id, type, name: k?.name ?? name, aliases: [], merges: [] },
        aliasSet: new Set(),
      };
      this.byId.set(id, rec);
    }
    return rec;
  }

  private addAlias(rec: Rec, alias: string, reason: string | null): void {
    const a = alias.replace(/\s+/g, " ").trim();
    if (!a || a === rec.entity.name || rec.aliasSet.has(a)) return;
    rec.aliasSet.add(a);
    rec.entity.aliases.push(a);
    const m: MergeReason = { alias: a, reason: reason ?? "same name up to case or spacing", article: this.doc };
    rec.entity.merges.push(m);
  }

  private withoutLegalForm(name: string): string {
    const bare = name.replace(/[.,]+$/, "");
    const form = this.legalForms.find((f) => bare.endsWith(` ${f}`));
    return foldName(form ? bare.slice(0, -form.length - 1) : bare);
  }

  /** A person already named in this article whose surname (or transliteration) matches. */
  findPerson(surface: string): string | null {
    const key = translitKey(surface);
    const full = this.personByKey.get(key);
    if (full) return full;
    return null;
  }

  resolve(type: EntityType, name: string, surface: string, reason: string | null): Resolved {
    let t = type;
    let n = name;
    let why = reason;
    const alias = this.knownAliases.get(surface) ?? this.knownAliases.get(name);
    if (alias && (alias.type === t || (t === "Organization" && alias.type !== "Person"))) {
      t = alias.type;
      n = alias.name;
      why = why ?? "short name an earlier article defined";
    }
    if (t === "Person" || t === "Organization") {
      const p = this.findPerson(surface);
      if (p) {
        t = "Person";
        if (p !== n)
          why =
            why ??
            (surface.includes(" ")
              ? "transliteration variant of a person named earlier"
              : "surname of a person named earlier in the article");
        n = p;
      }
    }
    if (t === "Organization") {
      const base = this.withoutLegalForm(n);
      const first = this.orgByBase.get(base);
      if (first === undefined) this.orgByBase.set(base, n);
      else if (first !== n) {
        n = first;
        why = why ?? "the same name with or without its legal form";
      }
    }
    const rec = this.upsert(t, n);
    if (surface !== rec.entity.name) this.addAlias(rec, surface, why);
    if (t === "Person" && n.includes(" ")) {
      const key = translitKey(n);
      if (!this.personByKey.has(key)) this.personByKey.set(key, rec.entity.name);
      const parts = key.split(" ");
      const lastName = parts[parts.length - 1]!;
      const firstName = parts[0]!;
      // a lone surname (or an East Asian family name first) refers back to this person
      for (const k of [lastName, firstName]) {
        const prev = this.personByKey.get(k);
        if (prev === undefined) this.personByKey.set(k, rec.entity.name);
        else if (prev !== rec.entity.name) this.personByKey.set(k, "");
      }
    }
    return { id: rec.entity.id, name: rec.entity.name, type: t };
  }

  /** Merges an alias learned from the text ("Royal United Services Institute (RUSI)"). */
  learnAlias(target: Resolved, alias: string, reason: string): void {
    const rec = this.byId.get(target.id);
    if (rec) this.addAlias(rec, alias, reason);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  entities(): Entity[] {
    return [...this.byId.values()]
      .map((r) => ({
        ...r.entity,
        aliases: [...r.entity.aliases].sort(),
        merges: [...r.entity.merges].sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0)),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
