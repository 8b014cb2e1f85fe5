import type { EntityType } from "../../src/model/vocabulary.js";

/**
 * What an article carries from one sentence to the next: the actors that were subjects of its
 * clauses (antecedents of "it", "they", "the company"), the last person named ("he said"), the
 * sources last named ("the report stated"), the supply claims made so far (a supply continued in
 * "These supplies include ...", the supplier a recipient's deliveries come from) and the bodies
 * that sanctioned ("It was also sanctioned in September").
 */

/** What a claim's role points to before entity resolution. */
export interface Ref {
  type: EntityType;
  name: string;
  surface: string;
  reason: string | null;
}

export interface Source {
  name: string;
  id: string;
  type: EntityType;
}

interface SupplyState {
  sentence: number;
  paragraph: number;
  subject: Ref;
  recipient: Ref | null;
  /** null: something given that is no goods ("military aid") */
  object: Ref | null;
  negated: boolean;
}

export class DocumentContext {
  private readonly subjects: Array<{ ref: Ref; sentence: number }> = [];
  private readonly supplies: SupplyState[] = [];
  private readonly sanctioners: Ref[] = [];
  private sources: Source[] = [];
  private sourceSentence = -10;
  private sourceParagraph = -1;
  /** what the current sources were cited for: "subject|object" and "|object" keys */
  private sourceTopics = new Set<string>();
  private topicSentence = -10;
  lastPerson: Ref | null = null;
  private readonly predicates = new Set<string>();

  /** the article has spoken of this predicate (a verb or event noun of one of its classes) */
  noteTopic(predicate: string): void {
    this.predicates.add(predicate);
  }

  hasTopic(predicate: string): boolean {
    return this.predicates.has(predicate);
  }

  noteSubject(ref: Ref, sentence: number): void {
    this.subjects.push({ ref, sentence });
  }

  /** the clause subject last named within the previous `within` sentences, of one of `types` */
  lastSubject(sentence: number, types: readonly EntityType[], within = 2): Ref | null {
    for (let i = this.subjects.length - 1; i >= 0; i--) {
      const s = this.subjects[i]!;
      if (s.sentence < sentence - within) break;
      if (s.sentence < sentence && types.includes(s.ref.type)) return s.ref;
    }
    return null;
  }

  noteSupply(s: SupplyState): void {
    this.supplies.push(s);
  }

  noteSanctioner(ref: Ref): void {
    this.sanctioners.push(ref);
  }

  /** has this article named it as imposing sanctions? */
  isSanctioner(name: string): boolean {
    return this.sanctioners.some((r) => r.name === name);
  }

  lastSanctioner(): Ref | null {
    return this.sanctioners[this.sanctioners.length - 1] ?? null;
  }

  /**
   * The supplier of an unnamed supply: the one of the supply claims just before (same or
   * previous paragraph, three sentences), else the one this article names most often for the
   * same recipient (at least twice, or the only one).
   */
  supplierFor(
    sentence: number,
    paragraph: number,
    recipient: Ref | null,
  ): { subject: Ref; recipient: Ref | null } | null {
    const same = (a: Ref | null, b: Ref | null) => a !== null && b !== null && a.type === b.type && a.name === b.name;
    for (let i = this.supplies.length - 1; i >= 0; i--) {
      const s = this.supplies[i]!;
      if (sentence - s.sentence > 3 || s.paragraph < paragraph - 1) break;
      if (s.negated || same(s.subject, recipient)) continue;
      if (recipient && s.recipient && !same(s.recipient, recipient)) continue;
      return { subject: s.subject, recipient: s.recipient };
    }
    const counts = new Map<string, { ref: Ref; n: number }>();
    for (const s of this.supplies) {
      if (s.negated || same(s.subject, recipient)) continue;
      // a supply whose recipient is not known yet (inferred after the article is read) does not rule it out
      if (recipient && s.recipient && !same(s.recipient, recipient)) continue;
      const k = `${s.subject.type}:${s.subject.name}`;
      const e = counts.get(k) ?? { ref: s.subject, n: 0 };
      e.n++;
      counts.set(k, e);
    }
    const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
    const best = ranked[0];
    if (best && (best.n >= 2 || ranked.length === 1) && (ranked.length === 1 || ranked[1]!.n < best.n)) {
      return { subject: best.ref, recipient };
    }
    return null;
  }

  /** "The products were re-exported to Russia": the one that received them just before re-exports them */
  lastRecipient(sentence: number, paragraph: number): Ref | null {
    for (let i = this.supplies.length - 1; i >= 0; i--) {
      const s = this.supplies[i]!;
      if (sentence - s.sentence > 3 || s.paragraph < paragraph - 1) break;
      if (!s.negated && s.recipient) return s.recipient;
    }
    return null;
  }

  /** the goods of the supply claims just before: "the compound", "110 tons were exported" */
  lastGoods(sentence: number): Ref | null {
    for (let i = this.supplies.length - 1; i >= 0; i--) {
      const s = this.supplies[i]!;
      if (sentence - s.sentence > 8) break;
      if (s.object) return s.object;
    }
    return null;
  }

  /** the recipient this supplier's claims in the article name, when they name exactly one */
  onlyRecipientOf(subject: Ref): Ref | null {
    let found: Ref | null = null;
    for (const s of this.supplies) {
      if (s.negated || !s.recipient || s.subject.name !== subject.name || s.subject.type !== subject.type) continue;
      if (found && (found.name !== s.recipient.name || found.type !== s.recipient.type)) return null;
      found = s.recipient;
    }
    return found;
  }

  noteSources(sources: Source[], sentence: number, paragraph: number): void {
    const same = sources.length === this.sources.length && sources.every((s, i) => s.id === this.sources[i]!.id);
    if (!same) this.sourceTopics = new Set();
    this.sources = sources;
    this.sourceSentence = sentence;
    this.sourceParagraph = paragraph;
  }

  /** a claim the current sources are cited for: later claims about the same goods continue their report */
  noteSourceTopic(subject: string, object: string, sentence: number): void {
    this.sourceTopics.add(`${subject}|${object}`);
    this.sourceTopics.add(`|${object}`);
    this.topicSentence = sentence;
  }

  /**
   * The sources a sentence without its own carries: the last ones, when the sentence refers back
   * to them ("the report", "It also found") or stays in their paragraph, within three sentences;
   * or, within eight sentences, when it goes on about the very goods they were cited for ("NHK
   * analyzed customs data ... hardly any nitrocellulose exports" → "In 2022, China exported 700
   * tons of nitrocellulose to Russia").
   */
  carriedSources(sentence: number, paragraph: number, refersBack: boolean, subject: string, object: string): Source[] {
    if (this.sources.length === 0) return [];
    const near = sentence - this.sourceSentence <= 3;
    if (near && (refersBack || paragraph === this.sourceParagraph)) return this.sources;
    const topical = this.sourceTopics.has(`${subject}|${object}`) || this.sourceTopics.has(`|${object}`);
    if (topical && sentence - Math.max(this.sourceSentence, this.topicSentence) <= 8) return this.sources;
    return [];
  }
}
