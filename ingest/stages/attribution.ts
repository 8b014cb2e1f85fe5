import type { FrameContext } from "./context.js";
import { openGates } from "./gates.js";
import { AL, rx } from "./patterns.js";
import { actorsIn, type SentenceView } from "./view.js";

/**
 * Who a sentence's claims come from: "according to X", "X found / reported / said that",
 * "..., X said", "per X", "citing X", "a report by X", "X data shows", an appositive speaker
 * ("Oleh Ivashchenko, head of ..., disclosed"), and "the report stated" / "he said", which refer
 * back to the last named source.
 */

export interface Attribution {
  /** mention indices in the sentence */
  mentions: number[];
  /** "he said", "she says": the source is the last person named */
  personal: boolean;
  /** the sentence refers back to the previous source ("the report stated", "he said") */
  anaphoric: boolean;
}

export function findAttribution(view: SentenceView, ctx: FrameContext): Attribution {
  const m = view.masked;
  const REP = ctx.pats.reportV;
  const found: number[] = [];
  const add = (s: string | undefined) => {
    if (!s) return;
    for (const i of actorsIn(s)) {
      const men = view.mentions[i];
      if (men && !found.includes(i)) found.push(i);
    }
  };
  let x: RegExpExecArray | null;
  // according to (a report by) X
  const acc = /\baccording\s+to\s+([^,;.]*)/gi;
  while ((x = acc.exec(m)) !== null) {
    const first = /«\d+»/.exec(x[1]!);
    if (first) add(first[0]);
  }
  // per X / citing X
  for (const re of [/\bper\s+(?:the\s+)?(«\d+»)/g, /\bciting\s+(?:[a-z]+\s+){0,3}?(«\d+»)/gi]) {
    while ((x = re.exec(m)) !== null) add(x[1]);
  }
  // a report / investigation / assessment by X
  const possessiveReport =
    /(«\d+»)'s?\s+(?:[a-z-]+\s+){0,2}?(?:report|reports|assessment|investigation|analysis|study|data|statement|findings)\b/g;
  while ((x = possessiveReport.exec(m)) !== null) add(x[1]);
  const by =
    /\b(?:report|reports|assessment|investigation|analysis|study|documents|data|statement|review|survey)\s+(?:released\s+|published\s+|issued\s+|compiled\s+)?(?:by|from|of)\s+(?:the\s+)?["]?(«\d+»)/gi;
  while ((x = by.exec(m)) !== null) add(x[1]);
  // X (, appositive,) (also) reported / found / said (that)
  // "«CSIS» found", "«Oleh Ivashchenko», head of ..., disclosed", "«NIS» (NIS) reported", "«Atlantic Council»'s report last November showed",
  // "«Russian customs data» filed as recently as August point to"
  const subj = rx(
    ctx.lex,
    "attribution:subject",
    () =>
      `(${AL})(?:\\s*\\([^)]*\\))?(?:\\s*,[^,]{3,120},)?(?:'s?\\s+(?:[a-z-]+\\s+){0,2}?(?:report|reports|analysis|assessment|data|study|investigation|statement|documents))?(?:\\s+and\\s+(?:[a-z-]+\\s+){0,2}?(?:studies|reports|analyses|analysts|experts|officials|sources|data|documents))?\\s+(?:(?:also|further|has|have|had|previously|later|recently|then|first|publicly|officially|repeatedly|data|report|analysis|intelligence|statement|is|are|was|were|this\\s+\\w+|last\\s+\\w+|on\\s+\\w+|in\\s+\\w+(?:\\s+\\d{4})?)\\s+)*(?:${REP})\\b`,
    "g",
  );
  // sources that are data or documents may have a longer lead: "«Russian customs data» filed as recently as August point to"
  const dataSubj =
    /(«\d+»)(?:\s+[\w,]+){0,6}?\s+(?:point|points|pointed|show|shows|showed|suggest|suggests|indicate|indicates)\b/g;
  while ((x = dataSubj.exec(m)) !== null) {
    const men = view.mentions[Number(x[1]!.slice(1, -1))];
    if (men && /\b(?:data|report|reports|records|documents|analysis|figures|statistics)$/i.test(men.surface)) add(x[1]);
  }
  // the subject pattern needs a reporting verb: most sentences have none
  if (openGates(view, ctx.lex)("reportingVerbs"))
    while ((x = subj.exec(m)) !== null) {
      // "«Iran» was accused", "«Reuters» was told": the one spoken of or to, not the source
      if (/\b(?:is|are|was|were|been|being)\s+(?:\w+\s+)?(?:\w+ed|said|told|known|thought)$/.test(x[0])) continue;
      // "through «Central Asian» states", "«Gulf» states": the noun, unless a statement follows
      if (/\bstates?$/.test(x[0]) && !/^\s*(?:that\b|[:,"“])/.test(m.slice(x.index + x[0].length))) continue;
      let who = x[1]!;
      // "... via «Poland», «German officials» said": the first name belongs to the preposition
      if (
        /\b(?:via|through|to|from|in|into|of|with|by|for|at|on|and)\s+(?:the\s+)?$/i.test(m.slice(0, x.index)) &&
        /,/.test(who)
      )
        who = who.slice(who.indexOf(",") + 1);
      // "Russia attacked ... said" is not a source; require the verb to follow closely
      add(who);
    }
  // inverted: "said Ukraine's President X", "reported Reuters"
  const inv = rx(
    ctx.lex,
    "attribution:1",
    () =>
      `\\b(?:said|says|reported|according\\s+to|wrote|stated|added(?!\\s+to))\\s+(?:the\\s+)?(?:[A-Za-z'-]+\\s+){0,4}?(«\\d+»)`,
    "g",
  );
  while ((x = inv.exec(m)) !== null) {
    const men = view.mentions[Number(x[1]!.slice(1, -1))];
    if (men && (men.type === "Person" || men.type === "Organization")) add(x[1]);
  }
  const anaphoric =
    found.length === 0 &&
    /\b(?:the|this|that)\s+(?:report|study|assessment|analysis|investigation|source|document|statement|agency|newspaper|outlet)\s+(?:also\s+)?(?:said|says|stated|states|found|finds|showed|shows|analy[sz]ed|noted|notes|added|reported|concluded|warned|claimed|revealed|indicated|was\s+cited|was\s+quoted)\b|\b(?:he|she|they|it)\s+(?:also\s+)?(?:said|says|added|wrote|noted|stated|told|found|finds)\b|\b(?:said|says|added|wrote)\s+(?:he|she)\b/i.test(
      m,
    );
  const personal =
    found.length === 0 &&
    /\b(?:he|she)\s+(?:also\s+)?(?:said|says|added|wrote|noted|stated|told|believes|thinks|argues|warned)\b|\b(?:said|says|added|wrote)\s+(?:he|she)\b/i.test(
      m,
    );
  return { mentions: found, anaphoric, personal };
}
