import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PredicateNameSchema } from "../../src/model/vocabulary.js";

/**
 * The frame table (frames.json beside this file), validated and compiled: predicate classes by
 * lemma, and rows saying where each role of a construction is found in the dependency graph.
 * Users add lemmas to classes through KG_VOCAB_DIR/frames.json ({"classes": {"supply":
 * {"verbs": ["truck"]}}}); rows are the project's, so they stay tested.
 */

const Words = z.array(z.string().min(1));
const PathText = z.string().regex(/^[\^a-z@:_*[\]=|/a-zA-Z-]+$/, "a path is steps like obj, ^acl, nmod:of[goods]");

export const RoleKindSchema = z.enum(["actor", "body", "goods", "target", "sanctionable", "person", "place", "site"]);
export type RoleKind = z.infer<typeof RoleKindSchema>;

const ClassSchema = z
  .object({
    predicate: PredicateNameSchema,
    verbs: Words.default([]),
    events: Words.default([]),
    agents: Words.default([]),
    /** the class's frames start from person names (titles, appositions) */
    persons: z.boolean().default(false),
    /** the class's frames start from any name (locations) */
    names: z.boolean().default(false),
  })
  .strict();

export const FormSchema = z.enum(["verb", "event", "agent", "person", "name"]);
export type Form = z.infer<typeof FormSchema>;

const RowSchema = z
  .object({
    /** "supply.with": the rule id claims carry, and the key of the row's test sentences */
    id: z.string().regex(/^[a-z]+\.[a-z-]+$/, "a row id looks like class.name"),
    class: z.string().min(1),
    form: FormSchema,
    voice: z.enum(["active", "passive"]).optional(),
    predicate: PredicateNameSchema.optional(),
    /** each must lead somewhere; "a || b": either */
    requires: z.array(z.string()).default([]),
    /** paths that must lead nowhere: "ships carrying drones arrived" is no flow of ships */
    unless: z.array(PathText).default([]),
    subject: z.array(PathText).default([]),
    object: z.array(PathText).default([]),
    recipient: z.array(PathText).default([]),
    via: z.array(PathText).default([]),
    /** symmetric relations named as a pair: "cooperation between A and B" */
    pair: z.array(PathText).default([]),
    context: z.array(z.enum(["subject", "recipient"])).default([]),
    /** roles besides subject and object without which the row gives nothing */
    needs: z.array(z.enum(["recipient"])).default([]),
    /** only once the article has made a claim of this predicate ("named" is a designation in a sanctions story) */
    after: PredicateNameSchema.optional(),
    /** the rows after this one are tried too when it matches ("fired missiles at X": an attack and a use) */
    also: z.boolean().default(false),
    confidence: z.number().min(0).max(1),
    example: z.string().min(1),
  })
  .strict();

const RolesSchema = z
  .object({ subject: RoleKindSchema, object: RoleKindSchema, recipient: RoleKindSchema.optional() })
  .strict();

export const FramesFileSchema = z
  .object({
    $comment: z.string().optional(),
    predicates: z.record(PredicateNameSchema, RolesSchema),
    classes: z.record(z.string().min(1), ClassSchema),
    rows: z.array(RowSchema).min(1),
  })
  .strict();

const UserFramesSchema = z
  .object({
    $comment: z.string().optional(),
    classes: z.record(
      z.string().min(1),
      z.object({ verbs: Words.default([]), events: Words.default([]), agents: Words.default([]) }).strict(),
    ),
  })
  .strict();

/** One step of a path: down or up through a relation, with an optional filter on where it lands. */
export type Step =
  | { dir: "down" | "up"; rels: readonly string[]; subtypes: boolean; kind?: string; lemmas?: ReadonlySet<string> }
  | { dir: "self"; kind?: string; lemmas?: ReadonlySet<string> }
  | { dir: "origin" | "possessor" | "serves" };
export type Path = readonly Step[];

export interface FrameRow {
  id: string;
  class: string;
  form: Form;
  voice?: "active" | "passive";
  predicate: string;
  requires: Path[][];
  unless: Path[];
  subject: Path[];
  object: Path[];
  recipient: Path[];
  via: Path[];
  pair: Path[];
  context: ReadonlyArray<"subject" | "recipient">;
  needs: ReadonlyArray<"recipient">;
  after?: string;
  also: boolean;
  confidence: number;
  example: string;
}

export interface FrameTable {
  roles: ReadonlyMap<string, { subject: RoleKind; object: RoleKind; recipient?: RoleKind }>;
  /** lemma → classes, per anchor form */
  verbs: ReadonlyMap<string, string[]>;
  events: ReadonlyMap<string, string[]>;
  agents: ReadonlyMap<string, string[]>;
  personClasses: string[];
  /** class → the predicate its rows give by default */
  classPredicate: ReadonlyMap<string, string>;
  nameClasses: string[];
  /** rows per class and form ("supply/verb"), in table order */
  rows: ReadonlyMap<string, FrameRow[]>;
}

const KINDS = new Set([
  "actor",
  "agent",
  "goods",
  "target",
  "place",
  "person",
  "country",
  "demonym",
  "title",
  "named",
  "org",
  "facility",
]);

export function parsePath(text: string, where: string): Path {
  return text.split("/").map((raw): Step => {
    if (raw === "@origin") return { dir: "origin" };
    if (raw === "@possessor") return { dir: "possessor" };
    if (raw === "@serves") return { dir: "serves" };
    const m = /^(\^?)([a-z:_*|]+)(?:\[([^\]]+)\])?$/.exec(raw);
    if (!m) throw new Error(`${where}: cannot read path step "${raw}"`);
    const filter: { kind?: string; lemmas?: ReadonlySet<string> } = {};
    if (m[3]) {
      if (m[3].startsWith("lemma=")) filter.lemmas = new Set(m[3].slice(6).split("|"));
      else if (KINDS.has(m[3])) filter.kind = m[3];
      else throw new Error(`${where}: unknown filter [${m[3]}] (kinds: ${[...KINDS].join(", ")}, or lemma=a|b)`);
    }
    if (m[2] === "self") return { dir: "self", ...filter };
    // "advcl:to|xcomp": either relation
    const subtypes = m[2]!.endsWith(":*");
    const rels = (subtypes ? m[2]!.slice(0, -2) : m[2]!).split("|");
    return { dir: m[1] ? "up" : "down", rels, subtypes, ...filter };
  });
}

export function loadFrames(userDir: string | undefined = process.env.KG_VOCAB_DIR || undefined): FrameTable {
  const url = new URL("./frames.json", import.meta.url);
  return parseFrames(readFileSync(url, "utf8"), url.pathname, userDir);
}

/** A frame table from its JSON text (`where` names it in errors), with a user's additions. */
export function parseFrames(text: string, where: string, userDir?: string): FrameTable {
  const base = parseFile(FramesFileSchema, text, where);
  if (userDir) {
    const file = path.resolve(userDir, "frames.json");
    if (existsSync(file)) {
      const user = parseFile(UserFramesSchema, readFileSync(file, "utf8"), file);
      for (const [name, add] of Object.entries(user.classes)) {
        const c = base.classes[name];
        if (!c) {
          throw new Error(`${file}: classes.${name}: no such class (known: ${Object.keys(base.classes).join(", ")})`);
        }
        c.verbs = [...new Set([...c.verbs, ...add.verbs])];
        c.events = [...new Set([...c.events, ...add.events])];
        c.agents = [...new Set([...c.agents, ...add.agents])];
      }
    }
  }
  return compile(base, where);
}

function parseFile<S extends z.ZodTypeAny>(schema: S, text: string, where: string): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${where}: not JSON (${(e as Error).message})`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`${where}: ${i?.path.join(".") ?? ""}: ${i?.message ?? "invalid"}`);
  }
  return r.data;
}

function compile(file: z.infer<typeof FramesFileSchema>, where: string): FrameTable {
  const index = (pick: (c: z.infer<typeof ClassSchema>) => string[]) => {
    const m = new Map<string, string[]>();
    for (const [name, c] of Object.entries(file.classes)) {
      for (const lemma of pick(c)) m.set(lemma.toLowerCase(), [...(m.get(lemma.toLowerCase()) ?? []), name]);
    }
    return m;
  };
  const rows = new Map<string, FrameRow[]>();
  file.rows.forEach((r, i) => {
    const at = `${where}: rows.${i}`;
    const cls = file.classes[r.class];
    if (!cls) throw new Error(`${at}.class: no class "${r.class}"`);
    const predicate = r.predicate ?? cls.predicate;
    if (!file.predicates[predicate]) throw new Error(`${at}.predicate: ${predicate} has no roles in "predicates"`);
    const paths = (xs: string[], role: string) => xs.map((x, j) => parsePath(x, `${at}.${role}.${j}`));
    if (!r.id.startsWith(`${r.class}.`)) throw new Error(`${at}.id: "${r.id}" must start with its class "${r.class}."`);
    if ([...rows.values()].flat().some((x) => x.id === r.id)) throw new Error(`${at}.id: "${r.id}" is used twice`);
    const row: FrameRow = {
      id: r.id,
      class: r.class,
      form: r.form,
      ...(r.voice ? { voice: r.voice } : {}),
      predicate,
      requires: r.requires.map((x, j) => x.split(/\s*\|\|\s*/).map((alt) => parsePath(alt, `${at}.requires.${j}`))),
      unless: paths(r.unless, "unless"),
      subject: paths(r.subject, "subject"),
      object: paths(r.object, "object"),
      recipient: paths(r.recipient, "recipient"),
      via: paths(r.via, "via"),
      pair: paths(r.pair, "pair"),
      context: r.context,
      needs: r.needs,
      ...(r.after ? { after: r.after } : {}),
      also: r.also,
      confidence: r.confidence,
      example: r.example,
    };
    const key = `${r.class}/${r.form}`;
    rows.set(key, [...(rows.get(key) ?? []), row]);
  });
  return {
    roles: new Map(Object.entries(file.predicates)),
    verbs: index((c) => c.verbs),
    events: index((c) => c.events),
    agents: index((c) => c.agents),
    personClasses: Object.entries(file.classes)
      .filter(([, c]) => c.persons)
      .map(([n]) => n),
    classPredicate: new Map(Object.entries(file.classes).map(([n, c]) => [n, c.predicate])),
    nameClasses: Object.entries(file.classes)
      .filter(([, c]) => c.names)
      .map(([n]) => n),
    rows,
  };
}
