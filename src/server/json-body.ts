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

/** Deepest nesting of objects and arrays in JSON text, stopping as soon as it passes `limit`. */
export function jsonDepthExceeds(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

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
    if (Object.prototype.hasOwnProperty.call(v, 'constructor') && ctor !== null && typeof ctor === 'object'
      && Object.prototype.hasOwnProperty.call(ctor, 'prototype')) return true;
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
    throw new SyncHttpError(400, 'DS_SYNC_BAD_REQUEST', 'The request body holds a __proto__ or constructor.prototype key, which is not allowed.');
  }
  return value;
}
