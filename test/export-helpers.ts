/**
 * A minimal RFC 4180 reader for the export tests (quoted fields with doubled quotes and line
 * breaks, CRLF or LF record ends), written independently of the exporter's writer.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  let fieldStarted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === ",") {
      record.push(field);
      field = "";
      fieldStarted = false;
      i++;
    } else if (c === "\r" || c === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      fieldStarted = false;
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (fieldStarted || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Records as objects keyed by the header row. */
export function csvObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => {
    if (r.length !== header.length) throw new Error(`record has ${r.length} fields, header ${header.length}`);
    return Object.fromEntries(header.map((h, i) => [h, r[i]!]));
  });
}

/** Decodes one single-quoted Cypher string literal at the start of `text`; returns it and its length. */
export function readCypherString(text: string): { value: string; length: number } {
  if (text[0] !== "'") throw new Error("not a string literal");
  let value = "";
  let i = 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") return { value, length: i + 1 };
    if (c === "\\") {
      const n = text[i + 1];
      if (n === "u") {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      const simple: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', n: "\n", r: "\r", t: "\t" };
      if (n === undefined || !(n in simple)) throw new Error(`unknown escape \\${n}`);
      value += simple[n];
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw new Error("unterminated string literal");
}

const BAD_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TAG = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^<"]*"|'[^<']*'))*)\s*(\/?)>/;

/**
 * A strict XML 1.0 well-formedness check for the subset the exporters write (declaration,
 * elements, attributes, text, references), because the DOM parser the graph readers use accepts
 * a bare "&" or a control character that Gephi, yEd or NetworkX would reject.
 */
export function assertWellFormedXml(xml: string): void {
  const forbidden = XML_FORBIDDEN.exec(xml);
  if (forbidden)
    throw new Error(`forbidden character U+${forbidden[0].charCodeAt(0).toString(16)} at ${forbidden.index}`);
  let rest = xml.replace(/^<\?xml[^?]*\?>/, "");
  const stack: string[] = [];
  let offset = xml.length - rest.length;
  let sawRoot = false;
  while (rest.length > 0) {
    const lt = rest.indexOf("<");
    const text = lt < 0 ? rest : rest.slice(0, lt);
    if (BAD_REFERENCE.test(text)) throw new Error(`bad reference in text at ${offset}: ${text.slice(0, 60)}`);
    if (stack.length === 0 && text.trim() !== "") throw new Error(`text outside the root element at ${offset}`);
    if (lt < 0) break;
    rest = rest.slice(lt);
    offset += lt;
    const m = TAG.exec(rest);
    if (!m) throw new Error(`malformed tag at ${offset}: ${rest.slice(0, 80)}`);
    const [all, closing, name, attrs, selfClosing] = m;
    if (BAD_REFERENCE.test(attrs!)) throw new Error(`bad reference in attribute at ${offset}: ${all.slice(0, 80)}`);
    if (closing) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}> at ${offset}`);
    } else {
      if (stack.length === 0 && sawRoot) throw new Error(`second root element at ${offset}`);
      sawRoot = true;
      if (!selfClosing) stack.push(name!);
    }
    rest = rest.slice(all.length);
    offset += all.length;
  }
  if (stack.length > 0 || !sawRoot) throw new Error(`unclosed elements: ${stack.join(", ")}`);
}
