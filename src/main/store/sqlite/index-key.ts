// Runs in Node. Turns RxDB's indexable strings into BLOBs whose byte order equals JavaScript's
// string order.
//
// Why not TEXT: RxDB compares index strings with `<` on UTF-16 code units, while SQLite compares
// TEXT as UTF-8 bytes (code point order). The two disagree for characters above U+FFFF versus
// U+E000..U+FFFF — and RxDB's upper bound sentinel is U+FFFF, so a TEXT column would silently drop
// documents containing emoji from range scans. Encoding every UTF-16 code unit on its own with the
// UTF-8 scheme (CESU-8) keeps memcmp order identical to code-unit order; for strings without
// surrogates CESU-8 is byte-identical to UTF-8, so the common path is a plain Buffer.from.

const SURROGATE = /[\uD800-\uDFFF]/;

export function encodeIndexKey(str: string): Buffer {
  if (!SURROGATE.test(str)) {
    return Buffer.from(str, 'utf8');
  }
  return encodeCesu8(str);
}

/**
 * The value to bind where the SQL reads `CAST(? AS BLOB)` (the write path). Without surrogates
 * the string is bound as is: better-sqlite3 hands SQLite its UTF-8 bytes and the CAST turns that
 * TEXT into a BLOB of the very same bytes, so no Buffer is allocated per key per row (measured:
 * ~0.25 s CPU per 100k four-index inserts). With surrogates the CESU-8 Buffer is bound instead,
 * which the CAST leaves untouched. Never bind the plain string without the CAST: a TEXT value in
 * the column would sort below every BLOB and fall out of the range scans.
 */
export function indexKeyParam(str: string): string | Buffer {
  return SURROGATE.test(str) ? encodeCesu8(str) : str;
}

/** The SQL placeholder that goes with indexKeyParam(). */
export const INDEX_KEY_PLACEHOLDER = 'CAST(? AS BLOB)';

function encodeCesu8(str: string): Buffer {
  const out = Buffer.allocUnsafe(str.length * 3);
  let pos = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80) {
      out[pos++] = c;
    } else if (c < 0x800) {
      out[pos++] = 0xc0 | (c >> 6);
      out[pos++] = 0x80 | (c & 0x3f);
    } else {
      out[pos++] = 0xe0 | (c >> 12);
      out[pos++] = 0x80 | ((c >> 6) & 0x3f);
      out[pos++] = 0x80 | (c & 0x3f);
    }
  }
  return out.subarray(0, pos);
}
