/**
 * What a relation frame produces before qualifiers and output: references to mentions in the
 * sentence (by mask index) or to items parsed from the text, plus the frame's own evidence of
 * polarity and stance.
 */

export type Ref =
  | { kind: "mention"; idx: number }
  | { kind: "item"; name: string; type: "Item" | "Weapon"; anaphoric?: boolean }
  | { kind: "context"; name: string; type: string; id: string };

export interface Draft {
  predicate: string;
  subject: Ref;
  object: Ref;
  recipient?: Ref | undefined;
  recipientInferred?: boolean;
  subjectInferred?: boolean;
  via?: number[];
  /** masked-string span the frame matched (for negation / hedge / amount scope) */
  span: [number, number];
  /** masked position where the predicate starts (negation is looked for before it) */
  verbAt: number;
  rule: string;
  confidence: number;
  negated?: boolean;
  hedged?: boolean;
  /** kept as context for following sentences ("these shipments included ...") but not output */
  contextOnly?: boolean | undefined;
  /** the items' origin or owner, used to infer a missing supplier */
  itemOrigin?: number | undefined;
  itemOwner?: number | undefined;
}
