import type { ParsedSentence, ParsedToken } from "../parse/parsed.js";

/**
 * One sentence's enhanced++ dependency graph, indexed both ways. Relations keep CoreNLP's
 * names with the preposition folded in (`obl:to`, `nmod:of`, `obl:according_to`); a relation
 * asked for as `obl` matches `obl` and every `obl:*`.
 */

export interface Edge {
  rel: string;
  /** the other end: the dependent from a governor, the governor from a dependent */
  to: number;
}

export class SentenceGraph {
  readonly tokens: readonly ParsedToken[];
  private readonly down: Edge[][];
  private readonly up: Edge[][];

  constructor(readonly sentence: ParsedSentence) {
    this.tokens = sentence.tokens;
    this.down = this.tokens.map(() => []);
    this.up = this.tokens.map(() => []);
    for (const [gov, rel, dep] of sentence.deps) {
      if (gov < 0) continue;
      this.down[gov]!.push({ rel, to: dep });
      this.up[dep]!.push({ rel, to: gov });
    }
  }

  get size(): number {
    return this.tokens.length;
  }

  token(i: number): ParsedToken {
    return this.tokens[i]!;
  }

  lemma(i: number): string {
    return this.tokens[i]!.lemma.toLowerCase();
  }

  word(i: number): string {
    return this.tokens[i]!.word;
  }

  pos(i: number): string {
    return this.tokens[i]!.pos;
  }

  /** dependents of i, optionally only through relations matching `rel` */
  children(i: number, rel?: string | readonly string[]): number[] {
    const edges = this.down[i] ?? [];
    if (rel === undefined) return edges.map((e) => e.to);
    return edges.filter((e) => relMatches(e.rel, rel)).map((e) => e.to);
  }

  childEdges(i: number): readonly Edge[] {
    return this.down[i] ?? [];
  }

  /** governors of i (enhanced++ gives a token several: a conjunct's shared argument, a relative's antecedent) */
  parents(i: number, rel?: string | readonly string[]): number[] {
    const edges = this.up[i] ?? [];
    if (rel === undefined) return edges.map((e) => e.to);
    return edges.filter((e) => relMatches(e.rel, rel)).map((e) => e.to);
  }

  parentEdges(i: number): readonly Edge[] {
    return this.up[i] ?? [];
  }

  has(i: number, rel: string | readonly string[]): boolean {
    return this.children(i, rel).length > 0;
  }

  /** the relation from governor g to dependent d, if any */
  relation(g: number, d: number): string | undefined {
    return this.down[g]?.find((e) => e.to === d)?.rel;
  }

  isVerb(i: number): boolean {
    return this.tokens[i]!.pos.startsWith("VB");
  }

  isNoun(i: number): boolean {
    const p = this.tokens[i]!.pos;
    return p.startsWith("NN") || p === "PRP" || p === "CD";
  }

  isProper(i: number): boolean {
    return this.tokens[i]!.pos.startsWith("NNP");
  }

  /** conjuncts joined to i (and theirs), i first */
  withConjuncts(i: number): number[] {
    const out = [i];
    for (let k = 0; k < out.length; k++) {
      for (const c of this.children(out[k]!, "conj")) if (!out.includes(c)) out.push(c);
    }
    return out;
  }

  /**
   * The tokens under i in the basic tree (enhanced++ adds edges that make the graph cyclic: a
   * relative clause points back to its antecedent); `stop` cuts branches out by their enhanced
   * relation.
   */
  subtree(i: number, stop?: (rel: string, dep: number) => boolean): number[] {
    const seen = new Set<number>([i]);
    const stack = [i];
    while (stack.length > 0) {
      const g = stack.pop()!;
      for (const e of this.down[g] ?? []) {
        if (seen.has(e.to) || e.to === i) continue;
        // only edges of the basic tree: the enhanced extras point back to antecedents and conjuncts' heads
        if (this.treeParent(e.to) !== g) continue;
        if (stop?.(e.rel, e.to)) continue;
        seen.add(e.to);
        stack.push(e.to);
      }
    }
    return [...seen].sort((a, b) => a - b);
  }

  /** Is d in the basic tree under a (or a itself)? */
  dominates(a: number, d: number): boolean {
    for (let k: number | undefined = d, n = 0; k !== undefined && n <= this.size; k = this.treeParent(k), n++)
      if (k === a) return true;
    return false;
  }

  /** token k is a hyphen written between two words with no space: "KN-23", "Shahed-136" */
  hyphenJoins(k: number): boolean {
    const t = this.tokens;
    return (
      k > 0 &&
      k + 1 < t.length &&
      /^[-‐–]$/.test(t[k]!.word) &&
      t[k - 1]!.end === t[k]!.start &&
      t[k]!.end === t[k + 1]!.start
    );
  }

  /** the governor in the basic tree */
  treeParent(d: number): number | undefined {
    const h = this.tokens[d]!.head;
    return h < 0 ? undefined : h;
  }

  text(from: number, to: number, articleText: string): string {
    return articleText.slice(this.tokens[from]!.start, this.tokens[to]!.end);
  }
}

export function relMatches(rel: string, want: string | readonly string[]): boolean {
  if (typeof want === "string") return rel === want || (rel.startsWith(want) && rel[want.length] === ":");
  return want.some((w) => rel === w || (rel.startsWith(w) && rel[w.length] === ":"));
}
