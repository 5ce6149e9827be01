// Sync server (Node): the one JSON body parser. Everything a request body can do wrong is
// answered with a coded 4xx before any deep work: bytes that are not UTF-8 are refused (a
// forgiving decoder would store U+FFFD in their place), nesting deeper than `maxDepth` is
// refused by a linear scan before JSON.parse (a 100k-deep value parses, then overflows the stack
// of whatever walks it recursively — JSON.stringify, zod — as a 500), and __proto__ /
// constructor.prototype keys are refused as Fastify's own parser does. Size is limited before
// this runs (Fastify's bodyLimit, per route), so the scan is bounded too.
import { SyncHttpError } from './errors';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether JSON text nests objects and arrays deeper than `limit` (a scan, no parse). */
export function jsonDepthExceeds(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) {
      // Jump over the string with the native indexOf: a quote ends it unless an odd number of
      // backslashes precede it. Most of a document's bytes are inside strings.
      let j = i;
      for (;;) {
        j = bytes.indexOf(QUOTE, j + 1);
        if (j < 0) return false; // unterminated: JSON.parse refuses it
        let backslashes = 0;
        while (bytes[j - 1 - backslashes] === BACKSLASH) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      i = j;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

// Parsed bodies whose text holds a \u0000 or \uD800–\uDFFF escape: the only ways a NUL or a lone
// surrogate can reach a parsed value (a raw NUL is not valid JSON, and valid UTF-8 cannot encode
// a surrogate). Only these need the text rule's walk, so ordinary pushes skip it.
const mayHoldBadText = new WeakSet<object>();
const BAD_ESCAPE = /\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/;

/** False when the parsed body cannot hold NUL or a lone surrogate anywhere (see parseJsonBody). */
export const bodyMayHoldBadText = (body: unknown): boolean => typeof body === 'object' && body !== null && mayHoldBadText.has(body);

function hasPoisonedKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      stack.push(...v);
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(v, '__proto__')) return true;
    const ctor = (v as Record<string, unknown>).constructor;
    if (
      Object.prototype.hasOwnProperty.call(v, 'constructor') &&
      ctor !== null &&
      typeof ctor === 'object' &&
      Object.prototype.hasOwnProperty.call(ctor, 'prototype')
    )
      return true;
    stack.push(...Object.values(v));
  }
  return false;
}

export function parseJsonBody(bytes: Buffer, maxDepth: number): unknown {
  if (bytes.length === 0) throw new SyncHttpError(400, 'DS_SYNC_MALFORMED_JSON', 'The request body was empty; JSON was expected.');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    // TextDecoder's only failure here is a malformed byte sequence.
    throw new SyncHttpError(400, 'DS_SYNC_INVALID_TEXT', 'The request body is not valid UTF-8. Send text encoded as UTF-8.');
  }
  if (jsonDepthExceeds(bytes, maxDepth)) {
    throw new SyncHttpError(400, 'DS_SYNC_MALFORMED_JSON', `The request body is nested more than ${maxDepth} levels deep.`, { maxDepth });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SyncHttpError(400, 'DS_SYNC_MALFORMED_JSON');
  }
  if ((text.includes('"__proto__"') || text.includes('"constructor"')) && hasPoisonedKey(value)) {
    throw new SyncHttpError(
      400,
      'DS_SYNC_BAD_REQUEST',
      'The request body holds a __proto__ or constructor.prototype key, which is not allowed.',
    );
  }
  if (typeof value === 'object' && value !== null && text.includes('\\u') && BAD_ESCAPE.test(text)) mayHoldBadText.add(value);
  return value;
}
