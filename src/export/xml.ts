/**
 * XML 1.0 text that any parser accepts: characters XML 1.0 forbids (most C0 controls, U+FFFE,
 * U+FFFF, lone surrogates) are removed, since no escape can represent them; markup characters
 * are escaped; tab, newline and carriage return become character references so that parsers'
 * whitespace normalisation cannot change them.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripXmlForbidden(text: string): string {
  return text.replace(FORBIDDEN, "");
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Safe in element text and in single- or double-quoted attribute values. */
const NEEDS_WORK =
  // eslint-disable-next-line no-control-regex
  /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  // most names need nothing: skip the two replacements for them
  if (!NEEDS_WORK.test(text)) return text;
  return stripXmlForbidden(text).replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]!);
}
