import { describe, expect, it } from "vitest";
import type { Dependency, ParsedSentence } from "../parse/parsed.js";
import { repairParse } from "./repair.js";

/**
 * The repairs on misparses written out by hand, in the shapes CoreNLP gave them for sentences
 * written for these tests: what was wrong is rewritten, what was right is left alone.
 */

const FRAME_VERBS = new Set(["ship", "sell", "supply", "target", "sanction", "provide"]);
const isFrameVerb = (lemma: string) => FRAME_VERBS.has(lemma);

/** "word/POS/lemma" per token (lemma defaults to the lower-cased word), edges as [gov, rel, dep] */
function sentence(tokens: string, deps: Dependency[]): ParsedSentence {
  let at = 0;
  const toks = tokens.split(" ").map((spec) => {
    const [word, pos, lemma] = spec.split("/") as [string, string, string | undefined];
    const t = { word, pos, lemma: lemma ?? word.toLowerCase(), ner: "O", start: at, end: at + word.length, head: -1 };
    at += word.length + 1;
    return t;
  });
  for (const [gov, , dep] of deps) if (toks[dep]!.head === -1 || gov >= 0) toks[dep]!.head = gov;
  return { index: 0, start: 0, end: at, tokens: toks, deps, spans: [] };
}

const edges = (s: ParsedSentence, from: number) =>
  s.deps.filter(([gov]) => gov === from).map(([, rel, dep]) => `${rel}:${s.tokens[dep]!.word}`);

describe("repairs of misparses", () => {
  it("a to/through phrase inside the clause describing the goods goes back to the verb of giving", () => {
    // Firms shipped rifles that could be used for combat to buyers through Armenia .
    const s = sentence(
      "Firms/NNS shipped/VBD/ship rifles/NNS that/WDT could/MD be/VB used/VBN/use for/IN combat/NN to/IN buyers/NNS through/IN Armenia/NNP ./.",
      [
        [-1, "root", 1],
        [1, "nsubj", 0],
        [1, "obj", 2],
        [2, "acl:relcl", 6],
        [6, "nsubj:pass", 3],
        [6, "aux", 4],
        [6, "aux:pass", 5],
        [6, "obl:for", 8],
        [8, "case", 7],
        [8, "nmod:to", 10],
        [10, "case", 9],
        [8, "nmod:through", 12],
        [12, "case", 11],
        [1, "punct", 13],
      ],
    );
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 1)).toEqual(expect.arrayContaining(["obl:to:buyers", "obl:through:Armenia"]));
    expect(edges(r, 8)).not.toContain("nmod:to:buyers");
    expect(r.tokens[10]!.head).toBe(1);
  });

  it("leaves the phrase where it is when the verb of giving has its own destination", () => {
    const s = sentence("Firms/NNS shipped/VBD/ship rifles/NNS that/WDT went/VBD/go to/IN war/NN to/IN Iran/NNP", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
      [2, "acl:relcl", 4],
      [4, "nsubj", 3],
      [4, "obl:to", 6],
      [6, "case", 5],
      [1, "obl:to", 8],
      [8, "case", 7],
    ]);
    expect(repairParse(s, isFrameVerb).deps).toEqual(s.deps);
  });

  it("a list item whose first noun was read as taking the second as its object becomes one phrase", () => {
    // Belarus supplies engines , and ammunition components
    const s = sentence("Belarus/NNP supplies/VBZ/supply engines/NNS ,/, and/CC ammunition/NN components/NNS", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
      [2, "punct", 3],
      [2, "conj:and", 5],
      [5, "cc", 4],
      [5, "obj", 6],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 2)).toContain("conj:and:components");
    expect(edges(r, 6)).toEqual(expect.arrayContaining(["compound:ammunition", "cc:and"]));
    expect(edges(r, 5)).toEqual([]);
  });

  it("a gerund clause after a comma that is no list item stays a clause, a free adjunct of the verb", () => {
    // Israel sold radars , using ships  — "using" hangs on the verb, not on a noun of a list
    const s = sentence("Israel/NNP sold/VBD/sell radars/NNS ,/, using/VBG/use ships/NNS", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
      [1, "punct", 3],
      [1, "dep", 4],
      [4, "obj", 5],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 1)).toEqual(["nsubj:Israel", "obj:radars", "punct:,", "advcl:using"]);
    expect(edges(r, 2)).toEqual([]);
  });

  it("leaves a participle after a comma, or a gerund with its own subject, hanging as it was", () => {
    // Turkey sold drones , backed by loans  /  Turkey sold drones , officials saying so
    const passive = sentence("Turkey/NNP sold/VBD/sell drones/NNS ,/, backed/VBN/back by/IN loans/NNS", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
      [1, "punct", 3],
      [1, "dep", 4],
      [4, "obl:by", 6],
      [6, "case", 5],
    ]);
    expect(repairParse(passive, isFrameVerb).deps).toEqual(passive.deps);
    const own = sentence("Turkey/NNP sold/VBD/sell drones/NNS ,/, officials/NNS saying/VBG/say so/RB", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
      [1, "punct", 3],
      [1, "dep", 5],
      [5, "nsubj", 4],
      [5, "advmod", 6],
    ]);
    expect(repairParse(own, isFrameVerb).deps).toEqual(own.deps);
  });

  it("a noun read as a bare verb after a possessive becomes a modifier of the noun after it", () => {
    // Iran 's drone deliveries to Russia continued
    const s = sentence("Iran/NNP 's/POS drone/VB deliveries/NNS to/IN Russia/NNP continued/VBD/continue", [
      [-1, "root", 6],
      [6, "nsubj", 0],
      [0, "case", 1],
      [0, "acl", 2],
      [2, "obj", 3],
      [2, "obl:to", 5],
      [5, "case", 4],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 6)).toEqual(["nsubj:deliveries"]);
    expect(edges(r, 3).sort()).toEqual(["compound:drone", "nmod:poss:Iran", "nmod:to:Russia"]);
    expect(r.tokens[2]!.pos).toBe("NN");
    expect(r.tokens[0]!.head).toBe(3);
    expect(r.tokens[3]!.head).toBe(6);
  });

  it("a noun read as a bare verb after a finite verb gives the verb its object and its phrases", () => {
    // Serbia buys drone engines from Turkey
    const s = sentence("Serbia/NNP buys/VBZ/buy drone/VB engines/NNS from/IN Turkey/NNP", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "dep", 2],
      [2, "obj", 3],
      [2, "obl:from", 5],
      [5, "case", 4],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 1)).toEqual(["nsubj:Serbia", "obj:engines", "obl:from:Turkey"]);
    expect(edges(r, 3)).toEqual(["compound:drone"]);
  });

  it("leaves a bare infinitive after 'help' and a verb after its auxiliary alone", () => {
    // Iran helped build factories  /  Iran does supply drones
    const help = sentence("Iran/NNP helped/VBD/help build/VB factories/NNS", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "xcomp", 2],
      [2, "obj", 3],
    ]);
    expect(repairParse(help, isFrameVerb).deps).toEqual(help.deps);
    const does = sentence("Iran/NNP does/VBZ/do supply/VB drones/NNS", [
      [-1, "root", 2],
      [2, "nsubj", 0],
      [2, "aux", 1],
      [2, "obj", 3],
    ]);
    expect(repairParse(does, isFrameVerb).deps).toEqual(does.deps);
  });

  it("a 'with' phrase after a gerund clause goes to the gerund, a frame verb with its own object", () => {
    // Britain sanctioned Zeta for supplying Iran with parts
    const s = sentence(
      "Britain/NNP sanctioned/VBD/sanction Zeta/NNP for/IN supplying/VBG/supply Iran/NNP with/IN parts/NNS",
      [
        [-1, "root", 1],
        [1, "nsubj", 0],
        [1, "obj", 2],
        [1, "advcl:for", 4],
        [4, "mark", 3],
        [4, "obj", 5],
        [1, "obl:with", 7],
        [7, "case", 6],
      ],
    );
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 4)).toEqual(["mark:for", "obj:Iran", "obl:with:parts"]);
    expect(edges(r, 1)).not.toContain("obl:with:parts");
    expect(r.tokens[7]!.head).toBe(4);
  });

  it("leaves a phrase with the outer verb when the gerund has its own or comes after the phrase", () => {
    // Britain sanctioned Zeta with Canada for supplying Iran
    const before = sentence(
      "Britain/NNP sanctioned/VBD/sanction Zeta/NNP with/IN Canada/NNP for/IN supplying/VBG/supply Iran/NNP",
      [
        [-1, "root", 1],
        [1, "nsubj", 0],
        [1, "obj", 2],
        [1, "obl:with", 4],
        [4, "case", 3],
        [1, "advcl:for", 6],
        [6, "mark", 5],
        [6, "obj", 7],
      ],
    );
    expect(repairParse(before, isFrameVerb).deps).toEqual(before.deps);
    // Britain sanctioned Zeta for supplying Iran with parts with Canada
    const own = sentence(
      "Britain/NNP sanctioned/VBD/sanction Zeta/NNP for/IN supplying/VBG/supply Iran/NNP with/IN parts/NNS with/IN Canada/NNP",
      [
        [-1, "root", 1],
        [1, "nsubj", 0],
        [1, "obj", 2],
        [1, "advcl:for", 4],
        [4, "mark", 3],
        [4, "obj", 5],
        [4, "obl:with", 7],
        [7, "case", 6],
        [1, "obl:with", 9],
        [9, "case", 8],
      ],
    );
    expect(repairParse(own, isFrameVerb).deps).toEqual(own.deps);
  });

  it("a destination hung on a participle describing the goods goes to the verb of sending", () => {
    // Syria flew rifles captured in Iraq to Lebanon
    const s = sentence("Syria/NNP flew/VBD/fly rifles/NNS captured/VBN/capture in/IN Iraq/NNP to/IN Lebanon/NNP", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
      [2, "acl", 3],
      [3, "obl:in", 5],
      [5, "case", 4],
      [3, "obl:to", 7],
      [7, "case", 6],
    ]);
    const r = repairParse(s, (l) => l === "fly" || isFrameVerb(l));
    expect(edges(r, 1)).toContain("obl:to:Lebanon");
    expect(edges(r, 3)).toEqual(["obl:in:Iraq"]);
    // "rifles sold to Lebanon": a participle of sending keeps its own destination
    const sold = sentence("Syria/NNP flew/VBD/fly rifles/NNS sold/VBN/sell to/IN Lebanon/NNP", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
      [2, "acl", 3],
      [3, "obl:to", 5],
      [5, "case", 4],
    ]);
    expect(repairParse(sold, (l) => l === "fly" || isFrameVerb(l)).deps).toEqual(sold.deps);
  });

  it("a gerund clause hung on a date, its list read as the date's appositions, modifies the verb", () => {
    // planes landed on May 3 carrying cash , a radar and a gun
    const s = sentence(
      "planes/NNS landed/VBD/land on/IN May/NNP 3/CD carrying/VBG/carry cash/NN ,/, a/DT radar/NN and/CC a/DT gun/NN",
      [
        [-1, "root", 1],
        [1, "nsubj", 0],
        [1, "obl:on", 3],
        [3, "case", 2],
        [3, "nummod", 4],
        [3, "acl", 5],
        [5, "obj", 6],
        [3, "appos", 9],
        [9, "det", 8],
        [3, "appos", 12],
        [12, "det", 11],
        [9, "conj:and", 12],
      ],
    );
    s.tokens[3]!.ner = "DATE";
    s.tokens[4]!.ner = "DATE";
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 1)).toContain("advcl:carrying");
    expect(edges(r, 5).sort()).toEqual(["obj:cash", "obj:gun", "obj:radar"]);
    expect(edges(r, 3)).not.toContain("appos:radar");
  });

  it("a gerund clause after a comma on a noun inside a phrase, closing the sentence, modifies the verb above", () => {
    // Cuba became a hub for Russia in its war , quietly supplying Moscow with fuel
    const s = sentence(
      "Cuba/NNP became/VBD/become a/DT hub/NN for/IN Russia/NNP ,/, quietly/RB supplying/VBG/supply Moscow/NNP with/IN fuel/NN ./.",
      [
        [-1, "root", 1],
        [1, "nsubj", 0],
        [1, "xcomp", 3],
        [3, "det", 2],
        [3, "nmod:for", 5],
        [5, "case", 4],
        [5, "punct", 6],
        [5, "acl", 8],
        [8, "advmod", 7],
        [8, "obj", 9],
        [8, "obl:with", 11],
        [11, "case", 10],
        [1, "punct", 12],
      ],
    );
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 1)).toContain("advcl:supplying");
    expect(edges(r, 5)).not.toContain("acl:supplying");
    // without the comma the clause describes the noun: "firms supplying Moscow"
    const bare = sentence("Cuba/NNP paid/VBD/pay for/IN firms/NNS supplying/VBG/supply Moscow/NNP", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obl:for", 3],
      [3, "case", 2],
      [3, "acl", 4],
      [4, "obj", 5],
    ]);
    expect(repairParse(bare, isFrameVerb).deps).toEqual(bare.deps);
  });

  it("a gerund read as the adjective of a noun that hangs as dep heads a clause of the verb above", () => {
    // planes landed on May 3 carrying rifles and a radar
    const s = sentence(
      "planes/NNS landed/VBD/land on/IN May/NNP 3/CD carrying/VBG/carry rifles/NNS and/CC a/DT radar/NN",
      [
        [-1, "root", 1],
        [1, "nsubj", 0],
        [1, "obl:on", 3],
        [3, "case", 2],
        [3, "nummod", 4],
        [6, "amod", 5],
        [3, "dep", 6],
        [9, "det", 8],
        [3, "dep", 9],
        [6, "conj:and", 9],
      ],
    );
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 1)).toContain("advcl:carrying");
    expect(edges(r, 5).sort()).toEqual(["obj:radar", "obj:rifles"]);
    // "Russia launched exploding drones": a real adjective of the verb's object
    const real = sentence("Russia/NNP launched/VBD/launch exploding/VBG/explode drones/NNS", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [3, "amod", 2],
      [1, "obj", 3],
    ]);
    expect(repairParse(real, isFrameVerb).deps).toEqual(real.deps);
  });

  it("a main verb after the subject's relative clause, read as a plural noun, becomes the main verb", () => {
    // Sigma , which was sanctioned , ships chips to Iran
    const s = sentence(
      "Sigma/NNP ,/, which/WDT was/VBD sanctioned/VBN/sanction ,/, ships/NNS/ship chips/NNS to/IN Iran/NNP ./.",
      [
        [-1, "root", 0],
        [0, "punct", 1],
        [0, "ref", 2],
        [4, "aux:pass", 3],
        [0, "acl:relcl", 4],
        [4, "nsubj:pass", 0],
        [0, "punct", 5],
        [7, "compound", 6],
        [0, "appos", 7],
        [7, "nmod:to", 9],
        [9, "case", 8],
        [0, "punct", 10],
      ],
    );
    const r = repairParse(s, isFrameVerb);
    expect(r.deps).toContainEqual([-1, "root", 6]);
    expect(edges(r, 6)).toEqual(["nsubj:Sigma", "obj:chips", "obl:to:Iran", "punct:."]);
    expect(r.tokens[6]!.pos).toBe("VBZ");
  });

  it("leaves a plural noun alone when the sentence has its verb", () => {
    // Sigma , which was sanctioned , builds ships
    const s = sentence("Sigma/NNP ,/, which/WDT was/VBD sanctioned/VBN/sanction ,/, builds/VBZ/build ships/NNS/ship", [
      [-1, "root", 6],
      [6, "nsubj", 0],
      [0, "ref", 2],
      [4, "aux:pass", 3],
      [0, "acl:relcl", 4],
      [6, "obj", 7],
    ]);
    expect(repairParse(s, isFrameVerb).deps).toEqual(s.deps);
  });

  it("a closing reporting verb that took the verb's object as a second subject gives it back", () => {
    // Nova supplied firms with tools , the Treasury said
    const s = sentence(
      "Nova/NNP supplied/VBD/supply firms/NNS with/IN tools/NNS ,/, the/DT Treasury/NNP said/VBD/say",
      [
        [-1, "root", 1],
        [1, "nsubj", 0],
        [8, "nsubj", 2],
        [2, "nmod:with", 4],
        [4, "case", 3],
        [8, "punct", 5],
        [7, "det", 6],
        [8, "nsubj", 7],
        [1, "ccomp", 8],
      ],
    );
    const r = repairParse(s, isFrameVerb, (l) => l === "say");
    expect(edges(r, 1)).toEqual(["nsubj:Nova", "obj:firms", "parataxis:said"]);
    expect(edges(r, 8)).toEqual(["punct:,", "nsubj:Treasury"]);
  });

  it("a 'with' phrase on the recipient of a verb of giving goes to the verb, not one on goods", () => {
    // Acme supplied Russian firms with parts
    const s = sentence("Acme/NNP supplied/VBD/supply Russian/JJ firms/NNS with/IN parts/NNS", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [3, "amod", 2],
      [1, "obj", 3],
      [3, "nmod:with", 5],
      [5, "case", 4],
    ]);
    s.tokens[2]!.ner = "MISC";
    expect(edges(repairParse(s, isFrameVerb), 1)).toEqual(["nsubj:Acme", "obj:firms", "obl:with:parts"]);
    // Acme sold frigates with radars
    const goods = sentence("Acme/NNP sold/VBD/sell frigates/NNS with/IN radars/NNS", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
      [2, "nmod:with", 4],
      [4, "case", 3],
    ]);
    expect(repairParse(goods, isFrameVerb).deps).toEqual(goods.deps);
  });

  it("a destination hung on the noun a gerund clause describes goes to the gerund", () => {
    // for its role in selling engines to Iran
    const s = sentence("role/NN in/IN selling/VBG/sell engines/NNS to/IN Iran/NNP", [
      [-1, "root", 0],
      [2, "mark", 1],
      [0, "acl:in", 2],
      [2, "obj", 3],
      [0, "nmod:to", 5],
      [5, "case", 4],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 2)).toEqual(["mark:in", "obj:engines", "obl:to:Iran"]);
    expect(edges(r, 0)).toEqual(["acl:in:selling"]);
  });

  it("a name whose first word was read as a verb taking the rest of the name is one name", () => {
    // the US named Ascend Aviation Limited
    const s = sentence("the/DT US/NNP named/VBD/name Ascend/VBP/ascend Aviation/NNP Limited/NNP", [
      [-1, "root", 2],
      [1, "det", 0],
      [2, "nsubj", 1],
      [2, "xcomp", 3],
      [5, "compound", 4],
      [3, "obj", 5],
    ]);
    s.spans.push({ begin: 3, end: 6, ner: "ORGANIZATION" });
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 2)).toEqual(["nsubj:US", "obj:Limited"]);
    expect(edges(r, 5).sort()).toEqual(["compound:Ascend", "compound:Aviation"]);
    expect(r.tokens[3]!.pos).toBe("NNP");
    // a verb before a name it takes as object, outside the name, stays a verb
    const verb = sentence("Iran/NNP supplies/VBZ/supply Aviation/NNP Limited/NNP", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [3, "compound", 2],
      [1, "obj", 3],
    ]);
    verb.spans.push({ begin: 2, end: 4, ner: "ORGANIZATION" });
    expect(repairParse(verb, isFrameVerb).deps).toEqual(verb.deps);
  });

  it("a relative clause whose verb is reported becomes the clause of that verb, the report beside it", () => {
    // Acme , which it said sent shipments to Iran
    const s = sentence("Acme/NNP ,/, which/WDT it/PRP said/VBD/say sent/VBD/send shipments/NNS to/IN Iran/NNP", [
      [-1, "root", 0],
      [0, "punct", 1],
      [0, "ref", 2],
      [4, "nsubj", 3],
      [0, "acl:relcl", 4],
      [4, "obj", 0],
      [4, "dep", 5],
      [5, "obj", 6],
      [5, "obl:to", 8],
      [8, "case", 7],
    ]);
    const r = repairParse(s, isFrameVerb, (l) => l === "say");
    expect(edges(r, 0)).toContain("acl:relcl:sent");
    expect(edges(r, 5).sort()).toEqual(["nsubj:Acme", "obj:shipments", "obl:to:Iran", "parataxis:said"]);
    // a relative clause that reports something else keeps its verb
    const said = sentence("Acme/NNP ,/, which/WDT said/VBD/say it/PRP sent/VBD/send shipments/NNS", [
      [-1, "root", 0],
      [0, "ref", 2],
      [3, "nsubj", 0],
      [0, "acl:relcl", 3],
      [5, "nsubj", 4],
      [3, "ccomp", 5],
      [5, "obj", 6],
    ]);
    expect(repairParse(said, isFrameVerb, (l) => l === "say").deps).toEqual(said.deps);
  });

  it("'over' before an amount read as a preposition makes the amount the verb's object", () => {
    // shipments included over $ 200 worth of parts
    const s = sentence("shipments/NNS included/VBD/include over/IN $/$ 200/CD worth/NN of/IN parts/NNS", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [5, "case", 2],
      [5, "dep", 3],
      [5, "nummod", 4],
      [1, "obl:over", 5],
      [7, "case", 6],
      [5, "nmod:of", 7],
    ]);
    s.tokens[3]!.ner = "MONEY";
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 1)).toEqual(["nsubj:shipments", "obj:worth"]);
    expect(edges(r, 5)).toContain("advmod:over");
    // "flew over Syria": no amount
    const place = sentence("jets/NNS flew/VBD/fly over/IN Syria/NNP", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [3, "case", 2],
      [1, "obl:over", 3],
    ]);
    expect(repairParse(place, isFrameVerb).deps).toEqual(place.deps);
  });

  it("a reduced relative on the subject read as a clausal subject modifies the subject", () => {
    // drones used in attacks were made in Iran
    const s = sentence("drones/NNS used/VBN/use in/IN attacks/NNS were/VBD made/VBN/make in/IN Iran/NNP", [
      [-1, "root", 5],
      [1, "nsubj", 0],
      [5, "csubj:pass", 1],
      [1, "obl:in", 3],
      [3, "case", 2],
      [5, "aux:pass", 4],
      [5, "obl:in", 7],
      [7, "case", 6],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 5)).toEqual(["nsubj:pass:drones", "aux:pass:were", "obl:in:Iran"]);
    expect(edges(r, 0)).toEqual(["acl:used"]);
    // "Buying drones was illegal": a real clausal subject with its object
    const real = sentence("buying/VBG/buy drones/NNS was/VBD illegal/JJ", [
      [-1, "root", 3],
      [3, "csubj", 0],
      [0, "obj", 1],
      [3, "cop", 2],
    ]);
    expect(repairParse(real, isFrameVerb).deps).toEqual(real.deps);
  });

  it("a plural noun the parser built with a subject and an object is a present-tense verb", () => {
    // China supplies optics
    const s = sentence("China/NNP supplies/NNS/supply optics/NNS", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
    ]);
    expect(repairParse(s, isFrameVerb).tokens[1]!.pos).toBe("VBZ");
    // China is a supplier of optics: a predicate noun with its copula
    const cop = sentence("China/NNP is/VBZ/be supplier/NN optics/NNS", [
      [-1, "root", 2],
      [2, "nsubj", 0],
      [2, "cop", 1],
      [2, "obj", 3],
    ]);
    expect(repairParse(cop, isFrameVerb).tokens[2]!.pos).toBe("NN");
  });

  it("a present-tense verb read as the middle of a compound noun heads its verbless clause", () => {
    // Iran ships drones to Russia
    const s = sentence("Iran/NNP ships/NNS/ship drones/NNS to/IN Russia/NNP", [
      [-1, "root", 2],
      [2, "compound", 0],
      [2, "compound", 1],
      [2, "nmod:to", 4],
      [4, "case", 3],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(r.deps).toContainEqual([-1, "root", 1]);
    expect(edges(r, 1).sort()).toEqual(["nsubj:Iran", "obj:drones", "obl:to:Russia"]);
    expect(r.tokens[1]!.pos).toBe("VBZ");
    // China exports data showed a rise: the clause has its verb
    const real = sentence("China/NNP exports/NNS/export data/NNS showed/VBD/show rise/NN", [
      [-1, "root", 3],
      [2, "compound", 0],
      [2, "compound", 1],
      [3, "nsubj", 2],
      [3, "obj", 4],
    ]);
    expect(repairParse(real, (l) => l === "export").deps).toEqual(real.deps);
  });

  it("a verbless sentence rooted on a present-tense verb tagged as a noun gets its subject and object", () => {
    // The EU targets Chinese firms
    const s = sentence("The/DT EU/NNP targets/NNS/target Chinese/JJ firms/NNS", [
      [-1, "root", 2],
      [2, "det", 0],
      [2, "compound", 1],
      [4, "amod", 3],
      [2, "dep", 4],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 2)).toEqual(["nsubj:EU", "obj:firms"]);
    expect(edges(r, 1)).toEqual(["det:The"]);
    // with a finite verb elsewhere the noun stays: "The EU targets list grew"
    const real = sentence("The/DT EU/NNP targets/NNS/target list/NN grew/VBD/grow", [
      [-1, "root", 4],
      [3, "det", 0],
      [3, "compound", 1],
      [3, "compound", 2],
      [4, "nsubj", 3],
    ]);
    expect(repairParse(real, isFrameVerb).deps).toEqual(real.deps);
  });

  it("a preposition read as the head of a clause hands it to the gerund after it", () => {
    // OFAC designated Acme for supplying engines
    const s = sentence("OFAC/NNP designated/VBD/designate Acme/NNP for/IN supplying/VBG/supply engines/NNS", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
      [1, "advcl", 3],
      [3, "dep", 4],
      [4, "obj", 5],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 1)).toEqual(["nsubj:OFAC", "obj:Acme", "advcl:for:supplying"]);
    expect(edges(r, 4)).toEqual(["mark:for", "obj:engines"]);
  });

  it("the 'by' phrase of a participle modifying a noun is its agent, not a date's 'by'", () => {
    // a firm sanctioned by Japan / a firm sanctioned by 2023
    const s = sentence("a/DT firm/NN sanctioned/VBN/sanction by/IN Japan/NNP", [
      [-1, "root", 1],
      [1, "det", 0],
      [1, "acl", 2],
      [2, "obl:by", 4],
      [4, "case", 3],
    ]);
    expect(edges(repairParse(s, isFrameVerb), 2)).toEqual(["obl:agent:Japan"]);
    const date = sentence("a/DT firm/NN sanctioned/VBN/sanction by/IN 2023/CD", [
      [-1, "root", 1],
      [1, "det", 0],
      [1, "acl", 2],
      [2, "obl:by", 4],
      [4, "case", 3],
    ]);
    expect(repairParse(date, isFrameVerb).deps).toEqual(date.deps);
  });

  it("a capitalised word inside the sentence tagged as a participle but used as a noun is a name", () => {
    // Iran sent Shahed - 136 and Shahed - 131 drones
    const s = sentence("Iran/NNP sent/VBD/send Shahed/VBN -/HYPH 136/CD and/CC Shahed/VBN -/HYPH 131/CD drones/NNS", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
      [2, "nummod", 4],
      [1, "obj", 6],
      [2, "conj:and", 6],
      [6, "obj", 9],
      [9, "nummod", 8],
    ]);
    // the tokens are glued as written: "Shahed-136", "Shahed-131"
    for (const k of [3, 7]) {
      s.tokens[k]!.start = s.tokens[k - 1]!.end;
      s.tokens[k]!.end = s.tokens[k]!.start + 1;
      s.tokens[k + 1]!.start = s.tokens[k]!.end;
      s.tokens[k + 1]!.end = s.tokens[k + 1]!.start + 3;
    }
    const r = repairParse(s, isFrameVerb);
    expect(r.tokens[2]!.pos).toBe("NNP");
    expect(edges(r, 1)).toContain("obj:drones");
    expect(edges(r, 9)).toContain("compound:Shahed");
    // "Iran Armed the rebels": a capitalised verb with its own object stays a verb
    const verb = sentence("Iran/NNP Armed/VBD/arm rebels/NNS", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
    ]);
    expect(repairParse(verb, isFrameVerb).tokens[1]!.pos).toBe("VBD");
  });

  it("a participle read as a preposition of a place modifies the noun before it", () => {
    // Canada sanctioned companies based in Armenia
    const s = sentence("Canada/NNP sanctioned/VBD/sanction companies/NNS based/VBN/base in/IN Armenia/NNP", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
      [5, "case", 3],
      [5, "case", 4],
      [1, "advcl:in", 5],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 2)).toEqual(["acl:based"]);
    expect(edges(r, 3)).toEqual(["obl:in:Armenia"]);
    expect(edges(r, 1)).toEqual(["nsubj:Canada", "obj:companies"]);
  });

  it("a gerund after 'in' read as a modifier of the name after it heads its clause", () => {
    // Poland struggled in supplying Ukraine
    const s = sentence("Poland/NNP struggled/VBD/struggle in/IN supplying/VBG/supply Ukraine/NNP", [
      [-1, "root", 1],
      [1, "nsubj", 0],
      [1, "obl:in", 4],
      [4, "case", 2],
      [4, "amod", 3],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 1)).toEqual(["nsubj:Poland", "advcl:in:supplying"]);
    expect(edges(r, 3).sort()).toEqual(["mark:in", "obj:Ukraine"]);
  });

  it("a verb after 'and' read as the first word of a compound becomes the coordinated verb", () => {
    // designations aim to disrupt evasion and target entities in Serbia
    const s = sentence(
      "designations/NNS/designation aim/VBP to/TO disrupt/VB evasion/NN and/CC target/NN entities/NNS/entity in/IN Serbia/NNP",
      [
        [-1, "root", 1],
        [1, "nsubj", 0],
        [1, "xcomp", 3],
        [3, "mark", 2],
        [3, "nsubj:xsubj", 0],
        [3, "obj", 4],
        [3, "obj", 7],
        [4, "conj:and", 7],
        [7, "cc", 5],
        [7, "compound", 6],
        [3, "obl:in", 9],
        [9, "case", 8],
      ],
    );
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 3)).toEqual(expect.arrayContaining(["obj:evasion", "conj:and:target"]));
    expect(edges(r, 3)).not.toContain("obj:entities");
    expect(edges(r, 6)).toEqual(expect.arrayContaining(["obj:entities", "cc:and"]));
    expect(edges(r, 7)).toContain("nmod:in:Serbia");
    expect(r.tokens[6]!.pos).toBe("VB");
  });

  it("a participle read as the main verb gives its subject back to the verb after it", () => {
    // A study released by the institute showed that ...
    const s = sentence(
      "A/DT study/NN released/VBN/release by/IN institute/NN showed/VBD/show that/IN Turkey/NNP sold/VBD/sell drones/NNS",
      [
        [1, "det", 0],
        [-1, "root", 2],
        [2, "nsubj", 1],
        [2, "obl:by", 4],
        [4, "case", 3],
        [2, "dep", 5],
        [5, "ccomp", 8],
        [8, "mark", 6],
        [8, "nsubj", 7],
        [8, "obj", 9],
      ],
    );
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 5)).toEqual(expect.arrayContaining(["nsubj:study", "ccomp:sold"]));
    expect(edges(r, 1)).toContain("acl:released");
    expect(r.deps).toContainEqual([-1, "root", 5]);
  });

  it("a sentence left without a verb gets its main verb back from the participle", () => {
    // Several firms , including Acme , supplied drones to Peru .  (read as one noun phrase)
    const s = sentence(
      "Several/JJ firms/NNS ,/, including/VBG Acme/NNP ,/, supplied/VBN/supply drones/NNS to/IN Peru/NNP ./.",
      [
        [-1, "ROOT", 1],
        [1, "amod", 0],
        [1, "punct", 2],
        [1, "nmod:including", 4],
        [4, "case", 3],
        [1, "punct", 5],
        [7, "amod", 6],
        [1, "appos", 7],
        [7, "nmod:to", 9],
        [9, "case", 8],
        [1, "punct", 10],
      ],
    );
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 6)).toEqual(expect.arrayContaining(["nsubj:firms", "obj:drones", "obl:to:Peru", "punct:."]));
    expect(edges(r, 1)).toEqual(expect.arrayContaining(["nmod:including:Acme"]));
    expect(r.tokens[6]!.head).toBe(-1);
    expect(r.tokens[1]!.head).toBe(6);
  });

  it("leaves a participle alone when the sentence has its own verb", () => {
    // Firms , including Acme , supplied by Peru , were fined .
    const s = sentence(
      "Firms/NNS ,/, including/VBG Acme/NNP ,/, supplied/VBN/supply by/IN Peru/NNP ,/, were/VBD/be fined/VBN/fine ./.",
      [
        [-1, "ROOT", 10],
        [10, "nsubj:pass", 0],
        [0, "punct", 1],
        [0, "nmod:including", 3],
        [3, "case", 2],
        [0, "punct", 4],
        [0, "acl", 5],
        [5, "obl:agent", 7],
        [7, "case", 6],
        [0, "punct", 8],
        [10, "aux:pass", 9],
        [10, "punct", 11],
      ],
    );
    expect(repairParse(s, isFrameVerb).deps).toEqual(s.deps);
  });

  it("a noun phrase that is a whole sentence gets its verb: subject, object and obliques", () => {
    // The Ministry sanctioned Acme Trading in May .
    const s = sentence("The/DT Ministry/NNP sanctioned/VBN/sanction Acme/NNP Trading/NNP in/IN May/NNP ./.", [
      [-1, "ROOT", 4],
      [4, "det", 0],
      [4, "compound", 1],
      [4, "amod", 2],
      [4, "compound", 3],
      [4, "nmod:in", 6],
      [6, "case", 5],
      [4, "punct", 7],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 2)).toEqual(expect.arrayContaining(["nsubj:Ministry", "obj:Trading", "obl:in:May"]));
    expect(edges(r, 1)).toEqual(["det:The"]);
    expect(edges(r, 4)).toEqual(["compound:Acme"]);
    expect(r.tokens[2]!.head).toBe(-1);
  });

  it("a relative clause read as a noun phrase in apposition becomes the clause of the noun before it", () => {
    // Peru sanctioned Acme Ltd , which shipped rifles to Chad .  (all one noun phrase)
    const s = sentence(
      "Peru/NNP sanctioned/VBN/sanction Acme/NNP Ltd/NNP ,/, which/WDT shipped/VBD/ship rifles/NNS to/IN Chad/NNP ./.",
      [
        [-1, "ROOT", 3],
        [3, "compound", 0],
        [3, "amod", 1],
        [3, "compound", 2],
        [3, "punct", 4],
        [3, "appos", 7],
        [7, "det", 5],
        [7, "amod", 6],
        [7, "nmod:to", 9],
        [9, "case", 8],
        [3, "punct", 10],
      ],
    );
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 6)).toEqual(expect.arrayContaining(["obj:rifles", "obl:to:Chad"]));
    expect(edges(r, 3)).toEqual(expect.arrayContaining(["acl:relcl:shipped", "ref:which"]));
    // and the sentence's own verb is then found too
    expect(edges(r, 1)).toEqual(expect.arrayContaining(["nsubj:Peru", "obj:Ltd"]));
    expect(r.tokens[1]!.head).toBe(-1);
  });

  it("leaves a real determiner 'which' alone", () => {
    // They asked which armed groups crossed .
    const s = sentence("They/PRP asked/VBD/ask which/WDT armed/VBN/arm groups/NNS crossed/VBD/cross ./.", [
      [-1, "ROOT", 1],
      [1, "nsubj", 0],
      [1, "ccomp", 5],
      [5, "nsubj", 4],
      [4, "det", 2],
      [4, "amod", 3],
      [1, "punct", 6],
    ]);
    expect(repairParse(s, isFrameVerb).deps).toEqual(s.deps);
  });

  it("a participle after the object read as a clause of its own becomes the object's modifier", () => {
    // Inspectors found rifles made by Acme .
    const s = sentence("Inspectors/NNS found/VBD/find rifles/NNS made/VBN/make by/IN Acme/NNP ./.", [
      [-1, "ROOT", 1],
      [1, "nsubj", 0],
      [1, "dep", 3],
      [3, "nsubj", 2],
      [3, "obl:by", 5],
      [5, "case", 4],
      [1, "punct", 6],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 1)).toEqual(expect.arrayContaining(["obj:rifles"]));
    expect(edges(r, 2)).toEqual(["acl:made"]);
    expect(edges(r, 3)).toEqual(["obl:agent:Acme"]);
    expect(r.tokens[2]!.head).toBe(1);
    expect(r.tokens[3]!.head).toBe(2);
  });

  it("leaves a clause with its own auxiliary alone", () => {
    // Inspectors said rifles were made by Acme .
    const s = sentence("Inspectors/NNS said/VBD/say rifles/NNS were/VBD/be made/VBN/make by/IN Acme/NNP ./.", [
      [-1, "ROOT", 1],
      [1, "nsubj", 0],
      [1, "dep", 4],
      [4, "nsubj", 2],
      [4, "aux", 3],
      [4, "obl:by", 6],
      [6, "case", 5],
      [1, "punct", 7],
    ]);
    expect(repairParse(s, isFrameVerb).deps).toEqual(s.deps);
  });

  it("the main verb read as the relative clause gives the clause back to the verb after 'which'", () => {
    // Acme , which ships rifles , is based in Oslo .
    const s = sentence(
      "Acme/NNP ,/, which/WDT ships/VBZ/ship rifles/NNS ,/, is/VBZ/be based/VBN/base in/IN Oslo/NNP ./.",
      [
        [-1, "ROOT", 0],
        [7, "obj", 0],
        [0, "punct", 1],
        [0, "ref", 2],
        [7, "dep", 3],
        [3, "obj", 4],
        [7, "punct", 5],
        [7, "aux:pass", 6],
        [0, "acl:relcl", 7],
        [9, "case", 8],
        [7, "obl:in", 9],
        [0, "punct", 10],
      ],
    );
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 0)).toEqual(expect.arrayContaining(["acl:relcl:ships", "ref:which"]));
    expect(edges(r, 0)).not.toContain("acl:relcl:based");
    expect(edges(r, 7)).toEqual(expect.arrayContaining(["nsubj:pass:Acme", "obl:in:Oslo"]));
    expect(edges(r, 7)).not.toContain("obj:Acme");
    expect(r.tokens[7]!.head).toBe(-1);
    expect(r.tokens[3]!.head).toBe(0);
  });

  it("an apposition that defines a company, read as a clause, becomes the apposition with its relative clause", () => {
    // Acme , a firm registered in Oslo that shipped rifles , was fined .
    const s = sentence(
      "Acme/NNP ,/, a/DT firm/NN registered/VBD/register in/IN Oslo/NNP that/WDT shipped/VBD/ship rifles/NNS ,/, was/VBD/be fined/VBN/fine ./.",
      [
        [-1, "ROOT", 12],
        [12, "nsubj:pass", 0],
        [0, "punct", 1],
        [3, "det", 2],
        [4, "nsubj", 3],
        [0, "dep", 4],
        [6, "case", 5],
        [4, "obl:in", 6],
        [8, "nsubj", 7],
        [4, "ccomp", 8],
        [8, "obj", 9],
        [0, "punct", 10],
        [12, "aux:pass", 11],
        [12, "punct", 13],
      ],
    );
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 0)).toEqual(expect.arrayContaining(["appos:firm"]));
    expect(edges(r, 3)).toEqual(expect.arrayContaining(["acl:registered", "acl:relcl:shipped", "ref:that"]));
    expect(edges(r, 8)).toEqual(expect.arrayContaining(["nsubj:firm", "obj:rifles"]));
    expect(r.tokens[3]!.head).toBe(0);
  });

  it("a restrictive relative clause on a place name goes to the noun whose phrase holds the name", () => {
    // a firm in Oslo that shipped rifles
    const s = sentence("a/DT firm/NN in/IN Oslo/NNP that/WDT shipped/VBD/ship rifles/NNS", [
      [-1, "ROOT", 1],
      [1, "det", 0],
      [1, "nmod:in", 3],
      [3, "case", 2],
      [3, "ref", 4],
      [3, "acl:relcl", 5],
      [5, "nsubj", 3],
      [5, "obj", 6],
    ]);
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 1)).toEqual(expect.arrayContaining(["acl:relcl:shipped", "ref:that"]));
    expect(edges(r, 5)).toEqual(expect.arrayContaining(["nsubj:firm"]));
    expect(r.tokens[5]!.head).toBe(1);
  });

  it("leaves a non-restrictive relative clause on a name alone", () => {
    // a firm in Oslo , which shipped rifles
    const s = sentence("a/DT firm/NN in/IN Oslo/NNP ,/, which/WDT shipped/VBD/ship rifles/NNS", [
      [-1, "ROOT", 1],
      [1, "det", 0],
      [1, "nmod:in", 3],
      [3, "case", 2],
      [3, "punct", 4],
      [3, "ref", 5],
      [3, "acl:relcl", 6],
      [6, "nsubj", 3],
      [6, "obj", 7],
    ]);
    expect(repairParse(s, isFrameVerb).deps).toEqual(s.deps);
  });

  it("a closing reporting verb gets back its speaker, read as an apposition", () => {
    // Iran shipped drones to Peru , Chile 's ministry said .
    const s = sentence(
      "Iran/NNP shipped/VBD/ship drones/NNS to/IN Peru/NNP ,/, Chile/NNP 's/POS ministry/NN said/VBD/say ./.",
      [
        [-1, "ROOT", 1],
        [1, "nsubj", 0],
        [1, "obj", 2],
        [1, "obl:to", 4],
        [4, "case", 3],
        [4, "punct", 5],
        [4, "appos", 8],
        [8, "nmod:poss", 6],
        [6, "case", 7],
        [1, "dep", 9],
        [1, "punct", 10],
      ],
    );
    const r = repairParse(s, isFrameVerb, (lemma) => lemma === "say");
    expect(edges(r, 9)).toEqual(["nsubj:ministry"]);
    expect(edges(r, 1)).toEqual(expect.arrayContaining(["parataxis:said"]));
    expect(edges(r, 4)).not.toContain("appos:ministry");
    // without a reporting verb there, the apposition stays
    expect(repairParse(s, isFrameVerb).deps).toEqual(s.deps);
  });

  it("a reporting clause read as an apposition reports on the clause of its noun", () => {
    // Iran shipped drones to Peru , an official said .
    const s = sentence("Iran/NNP shipped/VBD/ship drones/NNS to/IN Peru/NNP ,/, an/DT official/NN said/VBD/say ./.", [
      [-1, "ROOT", 1],
      [1, "nsubj", 0],
      [1, "obj", 2],
      [1, "obl:to", 4],
      [4, "case", 3],
      [4, "punct", 5],
      [4, "appos", 8],
      [8, "nsubj", 7],
      [7, "det", 6],
      [1, "punct", 9],
    ]);
    const r = repairParse(s, isFrameVerb, (lemma) => lemma === "say");
    expect(edges(r, 1)).toEqual(expect.arrayContaining(["parataxis:said"]));
    expect(edges(r, 4)).not.toContain("appos:said");
    expect(r.tokens[8]!.head).toBe(1);
  });

  it("a main clause read as part of a fronted 'when' clause gets its subject and the root back", () => {
    // When stocks fell in May , other firms , notably Acme , have sold rifles .
    const s = sentence(
      "When/WRB stocks/NNS fell/VBD/fall in/IN May/NNP ,/, other/JJ firms/NNS ,/, notably/RB Acme/NNP ,/, have/VBP/have sold/VBN/sell rifles/NNS ./.",
      [
        [-1, "ROOT", 2],
        [2, "advmod", 0],
        [2, "nsubj", 1],
        [2, "obl:in", 4],
        [4, "case", 3],
        [4, "punct", 5],
        [4, "conj", 7],
        [7, "amod", 6],
        [4, "punct", 8],
        [4, "appos", 10],
        [10, "advmod", 9],
        [2, "punct", 11],
        [2, "dep", 13],
        [13, "aux", 12],
        [13, "obj", 14],
        [2, "punct", 15],
      ],
    );
    const r = repairParse(s, isFrameVerb);
    expect(edges(r, 13)).toEqual(expect.arrayContaining(["nsubj:firms", "advcl:fell", "obj:rifles", "punct:."]));
    expect(edges(r, 7)).toEqual(expect.arrayContaining(["appos:Acme"]));
    expect(edges(r, 4)).not.toContain("conj:firms");
    expect(r.tokens[13]!.head).toBe(-1);
    expect(r.tokens[2]!.head).toBe(13);
  });
});
