// Main process (Electron glue, no Electron import, so a unit test pins it): which page is the
// app's own renderer, decided once at launch, and the one check every guard uses — the IPC
// sender check, navigation, redirects, window.open and permission requests.
//
// 1. Packaged, the renderer is exactly one file: out/renderer/index.html inside the app. Any
//    other file (a downloaded evil.html in some folder that happens to be called renderer/) is
//    not the app, so the match is on the whole file URL, never on a suffix.
// 2. ELECTRON_RENDERER_URL (electron-vite's dev server) is honoured only when the app is not
//    packaged, and only when it points at a loopback http server: an environment variable must
//    not turn an installed app into a browser for someone else's page.
// 3. The hash (the app's routes) and the query may change; the document may not.
import { pathToFileURL } from 'node:url';

export type RendererTarget =
  /** The built renderer file, as a file: URL without hash or query. */
  | { kind: 'file'; url: string }
  /** electron-vite's dev server (development only). */
  | { kind: 'dev'; url: string; origin: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface RendererTargetInput {
  packaged: boolean;
  /** process.env.ELECTRON_RENDERER_URL */
  devServerUrl: string | undefined;
  /** Absolute path of the built index.html. */
  rendererFile: string;
}

/** The app's renderer for this launch (rules 1–2). */
export function rendererTarget(input: RendererTargetInput): RendererTarget {
  const file: RendererTarget = { kind: 'file', url: pathToFileURL(input.rendererFile).href };
  if (input.packaged || !input.devServerUrl) return file;
  let dev: URL;
  try {
    dev = new URL(input.devServerUrl);
  } catch {
    return file;
  }
  if (dev.protocol !== 'http:' || !LOOPBACK.has(dev.hostname) || dev.username || dev.password) return file;
  return { kind: 'dev', url: dev.href, origin: dev.origin };
}

/** The dev server's URL when the target is one (CSP and presentation windows need it). */
export function devServerOf(target: RendererTarget): string | undefined {
  return target.kind === 'dev' ? target.url : undefined;
}

/** Whether `url` is a page of the app's own renderer (rule 3). */
export function isAppUrl(url: string | undefined, target: RendererTarget): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (target.kind === 'dev') return parsed.origin === target.origin;
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  parsed.hash = '';
  parsed.search = '';
  return parsed.href === target.url;
}
