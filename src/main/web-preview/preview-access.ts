// Plain Node (web preview): who may open the preview's API socket. A per-launch secret travels
// in the URL the preview prints (`/key/<secret>`); opening that URL sets a same-site, HttpOnly
// cookie and redirects to the app, so the browser presents the secret on every socket it opens.
// Other local processes do not know the secret; other web pages cannot send the cookie
// (SameSite=Strict) and carry a foreign Origin; a rebound DNS name carries a foreign Host.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Set by tests (and anyone scripting the preview) to reuse one secret across restarts. */
export const PREVIEW_SECRET_ENV = 'DS_PREVIEW_SECRET';
const SECRET_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

export function previewSecret(fromEnv: string | undefined): string {
  if (fromEnv !== undefined) {
    if (!SECRET_PATTERN.test(fromEnv)) {
      throw new Error(`DS_PREVIEW_SECRET_INVALID: ${PREVIEW_SECRET_ENV} must be 32 to 128 letters, digits, '-' or '_'.`);
    }
    return fromEnv;
  }
  return randomBytes(32).toString('base64url');
}

/** One cookie per port, so two previews on one machine (tests run several) never clash. */
export function secretCookieName(port: number): string {
  return `ds_preview_${port}`;
}

export function secretCookie(port: number, secret: string): string {
  return `${secretCookieName(port)}=${secret}; Path=/; HttpOnly; SameSite=Strict`;
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export interface UpgradeCheck {
  secret: string;
  port: number;
  path: string;
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: 403 | 404; reason: string };

/** Hosts the preview answers to: loopback by name or number, on its own port, nothing else. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * Decides on a WebSocket upgrade: right path, a loopback Host, an Origin (when a browser sends
 * one) that is the preview's own page, and the launch secret in the cookie or the `key` query.
 */
export function checkUpgrade(rawUrl: string | undefined, headers: IncomingHttpHeaders, check: UpgradeCheck): UpgradeVerdict {
  const url = new URL(rawUrl ?? '/', 'http://placeholder');
  if (url.pathname !== check.path) return { ok: false, status: 404, reason: 'path' };
  const hosts = allowedHosts(check.port);
  if (!headers.host || !hosts.includes(headers.host)) return { ok: false, status: 403, reason: 'host' };
  const origin = headers.origin;
  if (origin !== undefined && !hosts.map((h) => `http://${h}`).includes(origin)) return { ok: false, status: 403, reason: 'origin' };
  const given = url.searchParams.get('key') ?? cookieValue(headers.cookie, secretCookieName(check.port));
  if (!sameSecret(given, check.secret)) return { ok: false, status: 403, reason: 'secret' };
  return { ok: true };
}

/** The secret from a `/key/<secret>` page request, or null when the path is not one. */
export function secretFromLaunchPath(pathname: string): string | null {
  const match = /^\/key\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  return match ? match[1]! : null;
}

export function isLaunchSecret(given: string | null, secret: string): boolean {
  return sameSecret(given ?? undefined, secret);
}
