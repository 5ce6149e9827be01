import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy, securityHeaders } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split('; ').map((d) => {
      const [name, ...values] = d.split(' ');
      return [name!, values];
    }),
  );
}

describe('content security policy', () => {
  it('is strict in production: no inline script, no eval, nothing from elsewhere', () => {
    const csp = directives(contentSecurityPolicy());
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    const all = contentSecurityPolicy();
    expect(all).not.toContain('unsafe-eval');
    expect(all).not.toContain('http:');
    expect(all).not.toContain('https:');
    expect(all).not.toMatch(/(^|; )script-src[^;]*unsafe-inline/);
  });

  it('lets the dev server in only when given one', () => {
    const csp = directives(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }));
    expect(csp.get('script-src')).toEqual(["'self'", 'http://localhost:5173']);
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
  });

  it('as a <meta>, drops only frame-ancestors (ignored there)', () => {
    const meta = directives(metaContentSecurityPolicy());
    const header = directives(contentSecurityPolicy());
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });

  it('comes with the other hardening headers', () => {
    expect(securityHeaders()).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  });
});
