import { foldName } from "./names.js";

/**
 * Who vouches for a claim, and how many independent sources a set of claims has. One
 * definition, used by the store, Neo4j, the API, the viewer and every export (docs/model.md,
 * "Counts"):
 *
 *  - a claim's sources are the people and bodies it is attributed to; a claim attributed to no
 *    one is the article's own, so its source is the article's publisher (or, without a known
 *    publisher, the article itself);
 *  - names are one source whatever their case or accents ("Reuters", "REUTERS");
 *  - a wire story republished by several outlets is one source: unattributed claims stated by
 *    the same sentence in several articles count once, whoever published them;
 *  - a source that denies a link contests it and does not support it: supporting and contesting
 *    sources are counted apart (from the affirming and the denying claims).
 */

/** What the counts need to know of the article a claim is stated in. */
export interface ArticleFacts {
  publisher: string | null;
  /** ISO date: when the claim was reported */
  date: string | null;
}

export type ArticleFactsLookup = (doc: string) => ArticleFacts | undefined;

export const NO_ARTICLE_FACTS: ArticleFactsLookup = () => undefined;

/** A lookup over articles (the store's, or any objects with these fields). */
export function articleFactsOf(
  articles: Iterable<{ id: string; publisher: string | null; date: string | null }>,
): ArticleFactsLookup {
  const map = new Map<string, ArticleFacts>();
  for (const a of articles) map.set(a.id, { publisher: a.publisher, date: a.date });
  return (doc) => map.get(doc);
}

export interface SourcedClaim {
  doc: string;
  attributedTo?: string[] | undefined;
  evidence: { quote: string };
}

/** The names a claim's sources go by: its attributions, else its publisher, else its article. */
export function claimSourceNames(c: SourcedClaim, article: ArticleFacts | undefined): string[] {
  if (c.attributedTo && c.attributedTo.length > 0) return c.attributedTo;
  return [article?.publisher?.trim() || `article ${c.doc}`];
}

/** Independent sources of a set of claims: names, and how many sources they are. */
export class SourceTally {
  private readonly parent = new Map<string, string>();
  private readonly shown = new Set<string>();
  private readonly keys = new Set<string>();

  private find(k: string): string {
    let root = k;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    // path compression keeps hub links (thousands of claims) linear
    for (let x = k; x !== root;) {
      const next = this.parent.get(x)!;
      this.parent.set(x, root);
      x = next;
    }
    return root;
  }

  private node(k: string): string {
    if (!this.parent.has(k)) this.parent.set(k, k);
    return k;
  }

  private union(a: string, b: string): void {
    const ra = this.find(this.node(a));
    const rb = this.find(this.node(b));
    if (ra === rb) return;
    // the smaller key becomes the root, so the result is the same in any order
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }

  add(c: SourcedClaim, article: ArticleFacts | undefined): void {
    const names = claimSourceNames(c, article);
    for (const name of names) {
      this.shown.add(name);
      const key = `source:${foldName(name)}`;
      this.keys.add(this.node(key));
    }
    const attributed = (c.attributedTo?.length ?? 0) > 0;
    // the same unattributed sentence in several outlets: one story, one source
    if (!attributed) this.union(`source:${foldName(names[0]!)}`, `story:${foldName(c.evidence.quote)}`);
  }

  /** The names as written, sorted. */
  names(): string[] {
    return [...this.shown].sort();
  }

  /** How many independent sources the names are. */
  count(): number {
    const roots = new Set<string>();
    for (const k of this.keys) roots.add(this.find(k));
    return roots.size;
  }
}
