// Plain Node: the web preview's socket admission rules and the frame-id reader.
import { checkUpgrade, previewSecret, secretCookie, secretFromLaunchPath } from './preview-access';
import { leadingId } from './ws-transport';

const secret = previewSecret(undefined);
const check = { secret, port: 4536, path: '/api' };
const host = '127.0.0.1:4536';

describe('preview socket admission', () => {
  it('makes a fresh 256-bit secret per launch and validates one given by env', () => {
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(previewSecret(undefined)).not.toBe(secret);
    expect(() => previewSecret('short')).toThrow(/DS_PREVIEW_SECRET_INVALID/);
    expect(previewSecret('a'.repeat(40))).toBe('a'.repeat(40));
  });

  it('admits the secret by query or by its cookie', () => {
    expect(checkUpgrade(`/api?key=${secret}`, { host }, check)).toEqual({ ok: true });
    const cookie = secretCookie(4536, secret).split(';')[0]!;
    expect(checkUpgrade('/api', { host, origin: 'http://127.0.0.1:4536', cookie: `other=1; ${cookie}` }, check)).toEqual({ ok: true });
    expect(checkUpgrade('/api', { host: 'localhost:4536', origin: 'http://localhost:4536', cookie }, check)).toEqual({ ok: true });
  });

  it("refuses no secret, a wrong one, another port's cookie, a foreign Host or Origin, another path", () => {
    expect(checkUpgrade('/api', { host }, check)).toMatchObject({ ok: false, reason: 'secret' });
    expect(checkUpgrade(`/api?key=${secret}x`, { host }, check)).toMatchObject({ ok: false, reason: 'secret' });
    expect(checkUpgrade('/api', { host, cookie: secretCookie(4537, secret).split(';')[0]! }, check)).toMatchObject({
      ok: false,
      reason: 'secret',
    });
    expect(checkUpgrade(`/api?key=${secret}`, { host: 'evil.example:4536' }, check)).toMatchObject({ ok: false, reason: 'host' });
    expect(checkUpgrade(`/api?key=${secret}`, {}, check)).toMatchObject({ ok: false, reason: 'host' });
    expect(checkUpgrade(`/api?key=${secret}`, { host, origin: 'http://evil.example' }, check)).toMatchObject({
      ok: false,
      reason: 'origin',
    });
    expect(checkUpgrade(`/api?key=${secret}`, { host, origin: 'null' }, check)).toMatchObject({ ok: false, reason: 'origin' });
    expect(checkUpgrade(`/other?key=${secret}`, { host }, check)).toMatchObject({ ok: false, status: 404 });
  });

  it('reads the secret from a launch path only', () => {
    expect(secretFromLaunchPath(`/key/${secret}`)).toBe(secret);
    expect(secretFromLaunchPath(`/key/${secret}/`)).toBe(secret);
    expect(secretFromLaunchPath('/assets/key.js')).toBeNull();
    expect(secretFromLaunchPath('/key/a/b')).toBeNull();
  });
});

describe('frame id of a frame we will not parse', () => {
  it('reads the leading id our clients write, else -1', () => {
    expect(leadingId('{"id":17,"method":"x","input":{"csv":"…')).toBe(17);
    expect(leadingId(' { "id" : 3 }')).toBe(3);
    expect(leadingId('{"method":"x","id":4}')).toBe(-1);
    expect(leadingId('garbage')).toBe(-1);
  });
});
