/**
 * Name normalisation shared by ids, entity resolution and matching. Kept deliberately small:
 * it must never merge two names a human would keep apart.
 */

/** Lower-case, accents removed, typographic quotes/dashes folded, whitespace collapsed. */
export function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, "-")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** URL- and id-safe slug: "Foreign Intelligence Service of Ukraine" -> "foreign-intelligence-service-of-ukraine". */
export function slugify(name: string): string {
  const slug = foldName(name)
    .replace(/'s\b/g, "s")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.length > 0 ? slug : "x";
}
