/**
 * Page furniture recognised by its words alone, for the short blocks that Readability keeps inside
 * an article: photo captions and credits, bylines and datelines, labels of link lists ("Related:",
 * "Trending"), calls to subscribe or follow, and copyright lines. Each rule only ever applies to
 * short blocks, since a paragraph of the story can start with the same words ("By contrast, ...").
 * English, like the rest of the extractor.
 */

export type FurnitureKind = "caption" | "byline" | "date" | "label" | "call to action" | "copyright";

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

// Labels and headings that introduce or stand in for furniture, compared without case and
// without trailing punctuation.
const LABELS = new Set(
  [
    "advertisement",
    "advert",
    "ad",
    "sponsored",
    "sponsored content",
    "related",
    "related articles",
    "related stories",
    "related content",
    "related news",
    "related links",
    "related topics",
    "more",
    "more stories",
    "more news",
    "more on this story",
    "more from",
    "read more",
    "read next",
    "see more",
    "see also",
    "also read",
    "read also",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "don't miss",
    "trending",
    "trending now",
    "most popular",
    "most read",
    "popular this week",
    "recent articles",
    "recent posts",
    "latest news",
    "latest stories",
    "breaking news",
    "top stories",
    "comments",
    "comment",
    "post comment",
    "leave a comment",
    "leave a reply",
    "add comment",
    "show comments",
    "tags",
    "topics",
    "filed under",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "subscribe",
    "sign in",
    "sign up",
    "log in",
    "learn more",
    "print",
    "print article",
    "print this article",
    "order reprints",
    "reprints",
    "text size",
    "close",
    "caption",
    "enlarge image",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "view gallery",
    "view author archive",
    "email the author",
    "follow on twitter",
    "skip ad",
    "continue reading",
    "continue reading below",
    "story continues below",
    "article continues below",
    "by",
  ].map((l) => l.replace(/'/g, "’")),
);

const normaliseLabel = (text: string) =>
  text
    .toLowerCase()
    .replace(/'/g, "’")
    .replace(/[\s:.…|»›>+()–—-]+$/u, "")
    .replace(/^[\s|»›•–—-]+/u, "")
    .replace(/\s+/g, " ");

// "Related: ...", "Read more: ...": a label, then the headline of another article.
const LABELLED_LINK =
  /^(related|read more|read next|see more|see also|also read|read also|more from [^:]{1,40}|related [^:]{1,40}|recommended|watch|listen|more|filed under|tags|topics)\s*:/i;
// "More Great Stories", "Related coverage from ...": the heading of a list of other articles
const LIST_HEADING =
  /^(?:more|related|recommended|popular|latest|top|other|further|trending)\b.{0,40}\b(?:stories|articles|news|reads|reading|coverage|posts|videos|links|headlines)\b/i;
// a link written out as the whole block
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;
// "Image 3 of 12": the counter of a picture gallery
const GALLERY_COUNTER = /^(?:image|photo|picture|slide)\s+\d+\s+of\b/i;

// "Image copyright Getty Images", "Photo: A. Name", "(Image: © X)", "Credit...Name", "Courtesy of X"
const CREDIT_START =
  /^\(?\s*(?:(?:image|photo|picture|video|graphic|illustration|photograph)s?\s*(?:copyright|caption|credit|source)?\s*[:.…]|(?:image|photo|picture)\s+(?:copyright|caption|credit)\b|(?:credit|credits|source|courtesy)\s*(?:[:.…]|of\b))/i;
// a caption ends with the credit of its picture: "... (Photo: Getty Images)", "... [File: Reuters]"
const CREDIT_END =
  /(?:[([]\s*(?:image|photo|picture|credit|file|source|pictured)s?\s*(?:credit)?\s*:[^)\]]{1,80}[)\]]|\b(?:photo(?:graph)?\s+by|image\s+by|credit:)\s*[^.]{1,80})\s*$/i;
// "... (NASA/JPL-Caltech/ASU)": capitalised names joined by slashes, in brackets at the end
const SLASH_CREDIT = /\((?:\p{Lu}[\p{L}.-]*\s?)+(?:\/\s?(?:\p{Lu}[\p{L}.-]*\s?)+)+\)\s*$/u;
// "... Kathrin Ziegler/Getty": photographer and agency after the caption
const PHOTOGRAPHER_AGENCY =
  /[\p{L}.]+\s?\/\s?(?:getty(?: images)?|afp|reuters|ap|epa|shutterstock|bloomberg|anadolu)\b[^.]{0,40}$/iu;
// photo agencies: a short block naming one is a credit line
const PHOTO_AGENCY =
  /\b(?:getty(?: images)?|shutterstock|istock(?:photo)?|alamy|ap photo|afp|epa(?:-efe)?|pa images?|©)/i;

// After "By", names (capitalised), separators, dates and the few lower-case words of a credit
// line; any other lower-case word makes it prose ("By March, Russia had received ...").
const BYLINE_START = /^[Bb]y\s+\p{Lu}/u;
const BYLINE_LOWER =
  /^(?:and|at|of|the|for|in|on|with|from|staff|writer|reporter|correspondent|editor|contributor|updated|published|posted|a\.?m\.?|p\.?m\.?)$/;

function isByline(text: string): boolean {
  if (!BYLINE_START.test(text) || /[!?]$/.test(text)) return false;
  if (/\.$/.test(text) && !/\b(?:[ap]\.m|[A-Z])\.$/.test(text)) return false;
  const rest = text.replace(/^by\s+/i, "").match(/\p{L}[\p{L}'’.]*/gu) ?? [];
  return rest.every((w) => /^\p{Lu}/u.test(w) || BYLINE_LOWER.test(w) || DATE_WORD.test(w.replace(/\.$/, "")));
}

const CONTRIBUTED =
  /\bcontributed (?:reporting|to this (?:report|story|article))\b|^write to .{1,60}\bat\b|\bmay be reached at\b/i;

const DATE_WORD =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|yesterday|am|pm|a\.?m|p\.?m|utc|gmt|bst|cet|cest|ist|hst|et|pt|ct|mt|est|edt|pst|pdt|cst|cdt|mst|mdt|at|on|of|the|updated|update|published|posted|original|originally|first|last|modified|created|date|time|hours?|minutes?|mins?|ago|read|reading|a|p|m)$/i;
const DATE_ANCHOR =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday|ago)/i;
const DATE_HEAD = /^(?:(?:first\s+|last\s+|originally\s+)?(?:published|updated|posted|modified|created)|original)\b/i;

function isDateLine(text: string): boolean {
  const tokens = text.toLowerCase().match(/[\p{L}]+\.?|\d+/gu) ?? [];
  if (tokens.length === 0 || tokens.length > 14) return false;
  let numbers = 0;
  for (const t of tokens) {
    if (/^\d+$/.test(t)) numbers++;
    else if (!DATE_WORD.test(t.replace(/\.$/, ""))) return false;
  }
  return numbers > 0 && (DATE_ANCHOR.test(text) || /\d{1,2}[:./-]\d{2}/.test(text));
}

// A sentence that asks the reader to subscribe, sign up or follow: "Sign up for our newsletter.",
// "Follow us on Twitter", "Click here to subscribe".
const CALL =
  /(?:^|[.!?]\s+|\?\s*)(?:sign up|subscribe|click here|tap here|register now|follow (?:us|him|her|them|@\S+|(?:\p{Lu}[\p{L}'’.]*\s?){1,3}) (?:on|at) (?:twitter|facebook|instagram|youtube|linkedin|tiktok|x\b))/iu;
const CALL_WORDS =
  /\b(?:newsletters?|inbox|subscri(?:be|ption)|sign up|podcast|twitter|facebook|instagram|youtube|magazine|click here)\b/i;

// "© 2019 Publisher", "© Photographer", "Copyright 2019 ...", "All rights reserved"; a "©" inside prose
// ("a manifesto™© we wrote") is not one
const COPYRIGHT = /^\s*(?:©|\(c\)\s*\d{4}|copyright\b)|©\s*\d{4}|\ball rights reserved\b/i;

/** The kind of furniture a short block of text is, or null for text that may be the story's. */
export function furnitureText(text: string): FurnitureKind | null {
  const t = text.replace(/\s+/g, " ").trim();
  if (t === "") return null;
  const n = words(t);
  if (n <= 8 && LABELS.has(normaliseLabel(t))) return "label";
  if (n <= 30 && LABELLED_LINK.test(t)) return "label";
  if (n <= 8 && LIST_HEADING.test(t)) return "label";
  if (BARE_URL.test(t)) return "label";
  if (n <= 8 && GALLERY_COUNTER.test(t)) return "caption";
  if (n <= 60 && CREDIT_START.test(t)) return "caption";
  if (n <= 60 && (CREDIT_END.test(t) || SLASH_CREDIT.test(t) || PHOTOGRAPHER_AGENCY.test(t))) return "caption";
  if (n <= 6 && PHOTO_AGENCY.test(t) && !/[.!?]$/.test(t)) return "caption";
  if (n <= 16 && isByline(t)) return "byline";
  if (n <= 40 && CONTRIBUTED.test(t)) return "byline";
  if (isDateLine(t) || (n <= 20 && DATE_HEAD.test(t) && /\d/.test(t))) return "date";
  if (n <= 60 && CALL.test(t) && CALL_WORDS.test(t)) return "call to action";
  if (n <= 40 && COPYRIGHT.test(t)) return "copyright";
  return null;
}
