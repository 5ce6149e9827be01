// Main process (Electron glue, no Electron import, so a unit test pins it): what a window may do
// beyond showing the app — the decisions behind will-navigate, will-redirect, the window-open
// handler and the session's permission handlers. index.ts only wires them.
//
// 1. The window never leaves the app: a navigation or redirect to any other document is
//    cancelled. A link to an https page opens in the user's browser instead; nothing else
//    (file:, http:, javascript:, custom schemes that launch programs) is ever handed to the OS.
// 2. window.open opens only the workshop's presentation route as a second app window
//    (presentation-window-options.ts); everything else is denied (https goes to the browser).
// 3. Permissions are denied unless listed here with the reason the app needs them, and then
//    only for the app's own pages. Fullscreen: the workshop's presentation (requestFullscreen).
import { isAppUrl, type RendererTarget } from './renderer-target';

/** Permissions the app uses, each with its reason (rule 3). */
export const NEEDED_PERMISSIONS: Readonly<Record<string, string>> = {
  fullscreen: 'The workshop presents a journey full screen (PresentPage, WorkshopView).',
};

/**
 * The URL to hand to the user's browser, or null when the link must not leave the app: only
 * https, with a host, without credentials in it (rule 1).
 */
export function externalLink(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname || parsed.username || parsed.password) return null;
  return parsed.href;
}

export type NavigationDecision =
  | { action: 'allow' }
  /** Cancel; `openExternally` is the https URL to show in the browser, if it is one. */
  | { action: 'deny'; openExternally: string | null };

/** will-navigate / will-redirect / will-frame-navigate (rule 1). */
export function navigationDecision(url: string, target: RendererTarget): NavigationDecision {
  if (isAppUrl(url, target)) return { action: 'allow' };
  return { action: 'deny', openExternally: externalLink(url) };
}

/**
 * A redirect is never to another document of the app (the app is one file or one dev server),
 * so any redirect away from the target is refused, and nothing is opened outside.
 */
export function redirectAllowed(url: string, target: RendererTarget): boolean {
  return isAppUrl(url, target);
}

/** A permission request or check: granted only when needed and asked by the app's own page (rule 3). */
export function permissionGranted(permission: string, requestingUrl: string | undefined, target: RendererTarget): boolean {
  return Object.hasOwn(NEEDED_PERMISSIONS, permission) && isAppUrl(requestingUrl, target);
}
