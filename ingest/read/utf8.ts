import { isUtf8 } from "node:buffer";

/**
 * Strict UTF-8 decoding: article offsets are only meaningful if the text we store is the text
 * the file holds, so a Latin-1 or binary file is refused with the offset of its first bad byte
 * rather than silently decoded with replacement characters.
 */
export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
export function firstInvalidUtf8Byte(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** A NUL byte never occurs in text; its presence in the first bytes means a binary file. */
export function looksBinary(buf: Uint8Array, probe = 8192): boolean {
  const end = Math.min(buf.length, probe);
  for (let i = 0; i < end; i++) if (buf[i] === 0) return true;
  return false;
}

export function decodeUtf8(buf: Uint8Array): Decoded {
  if (looksBinary(buf)) return { ok: false, message: "binary file (contains NUL bytes), not text" };
  if (!isUtf8(buf)) {
    return {
      ok: false,
      message: `not valid UTF-8 text (first invalid byte at offset ${firstInvalidUtf8Byte(buf)}); convert it to UTF-8`,
    };
  }
  return { ok: true, text: decoder.decode(buf) };
}
