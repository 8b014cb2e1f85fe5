import type { Lexicon } from "../vocab/vocab.js";
import type { Draft, Ref } from "./draft.js";
import type { ItemContext } from "./items.js";
import type { FramePatterns } from "./patterns.js";
import type { SentenceView } from "./view.js";

/** What a frame may ask about the article so far: pronouns, the running supply context. */
export interface FrameContext {
  lex: Lexicon;
  pats: FramePatterns;
  items: ItemContext;
  /** whom a well-known person serves (people.json), by any of the person's spellings */
  serves(person: string): Ref | null;
  /** actor(s) a pronoun at masked position `at` refers to */
  pronoun(view: SentenceView, at: number): Ref[];
  /** the latest supply claim in this or the previous paragraph: "These supplies include ..." */
  lastSupply(view: SentenceView): { subject: Ref; recipient?: Ref | undefined } | null;
  /** the supplier most often named for this recipient so far (the paragraph's dominant pair) */
  dominantSupplier(view: SentenceView, recipient: Ref | undefined): Ref | null;
  /** the recipient most often named for this supplier so far */
  dominantRecipient(view: SentenceView, supplier: Ref): Ref | null;
  /** the last named sanctioning body in the article */
  lastSanctioner(): Ref | null;
}

export type Frame = (view: SentenceView, ctx: FrameContext) => Draft[];
