// Sync server (Node): the body parser's coded refusals.
import { bodyMayHoldBadText, jsonDepthExceeds, parseJsonBody } from './json-body';
import { SyncHttpError } from './errors';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof SyncHttpError ? err.code : 'not coded';
  }
};

describe('parseJsonBody', () => {
  it('parses ordinary JSON, brackets inside strings not counted as nesting', () => {
    expect(parseJsonBody(Buffer.from('{"a":[1,{"b":"[[[[{{{{\\"]]"}]}'), 3)).toEqual({ a: [1, { b: '[[[[{{{{"]]' }] });
    expect(jsonDepthExceeds(Buffer.from('[[[]]]'), 3)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from('[[[[]]]]'), 3)).toBe(true);
  });
  it('refuses 100,000-deep nesting before parsing, with a code', () => {
    const deep = Buffer.from(
      `{"rows":[{"newDocumentState":{"id":"a"},"assumedMasterState":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`,
    );
    expect(codeOf(() => parseJsonBody(deep, 64))).toBe('DS_SYNC_MALFORMED_JSON');
  });
  it('refuses invalid UTF-8 instead of storing U+FFFD', () => {
    const bad = Buffer.concat([Buffer.from('{"name":"Acme '), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expect(codeOf(() => parseJsonBody(bad, 64))).toBe('DS_SYNC_INVALID_TEXT');
    expect(parseJsonBody(Buffer.from('{"name":"Zoë"}'), 64)).toEqual({ name: 'Zoë' });
  });
  it('refuses empty and malformed bodies and prototype keys', () => {
    expect(codeOf(() => parseJsonBody(Buffer.alloc(0), 64))).toBe('DS_SYNC_MALFORMED_JSON');
    expect(codeOf(() => parseJsonBody(Buffer.from('{"rows": ['), 64))).toBe('DS_SYNC_MALFORMED_JSON');
    expect(codeOf(() => parseJsonBody(Buffer.from('{"a":{"__proto__":{"x":1}}}'), 64))).toBe('DS_SYNC_BAD_REQUEST');
    expect(codeOf(() => parseJsonBody(Buffer.from('{"constructor":{"prototype":{}}}'), 64))).toBe('DS_SYNC_BAD_REQUEST');
    expect(parseJsonBody(Buffer.from('{"note":"the \\"constructor\\" word"}'), 64)).toEqual({ note: 'the "constructor" word' });
  });
});

describe('bodyMayHoldBadText', () => {
  it('flags exactly the bodies whose text has a NUL or surrogate escape', () => {
    expect(bodyMayHoldBadText(parseJsonBody(Buffer.from('{"name":"Zoë 😀 \\n \\u00e9"}'), 64))).toBe(false);
    expect(bodyMayHoldBadText(parseJsonBody(Buffer.from('{"name":"a\\u0000"}'), 64))).toBe(true);
    expect(bodyMayHoldBadText(parseJsonBody(Buffer.from('{"name":"a\\uDC00"}'), 64))).toBe(true);
    expect(bodyMayHoldBadText(parseJsonBody(Buffer.from('["\\ud83d\\ude00"]'), 64))).toBe(true); // a pair: walked, then accepted
  });
});
