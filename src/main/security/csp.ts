// Main process or plain Node (no Electron import): the Content-Security-Policy of the renderer,
// one string for the desktop window (response header via session.webRequest) and the web
// preview (HTTP header). The built index.html has no inline script (Vite emits a module
// <script src> and <link> stylesheets), so nothing here needs 'unsafe-inline' for scripts, and
// nothing needs 'unsafe-eval'. Styles allow 'unsafe-inline' because React's `style` props and
// d3's `.style()` write element style attributes, which CSP counts as inline style; they cannot
// run code.

export interface CspOptions {
  /** Where the API lives in the web preview (its own origin's WebSocket); none in Electron. */
  connect?: string[];
  /** The electron-vite dev server (development only): its origin and HMR socket. */
  devServerUrl?: string;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const self = ["'self'"];
  const connect = [...self, ...(options.connect ?? [])];
  const script = [...self];
  if (options.devServerUrl) {
    const dev = new URL(options.devServerUrl);
    connect.push(dev.origin, `ws://${dev.host}`);
    script.push(dev.origin);
  }
  const directives: [string, string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', script],
    ['style-src', [...self, "'unsafe-inline'"]],
    ['img-src', [...self, 'data:', 'blob:']],
    ['font-src', [...self, 'data:']],
    ['connect-src', connect],
    ['worker-src', [...self, 'blob:']],
    ['manifest-src', self],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** Headers every renderer response carries, in the desktop app and the web preview alike. */
export function securityHeaders(options: CspOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * The same policy for a <meta http-equiv> in the built index.html (the desktop app loads it from
 * a file, whose responses Chromium does not always pass through webRequest). A meta policy cannot
 * carry frame-ancestors (Chromium ignores it there and logs a warning), so it is left out; the
 * window is never framed anyway.
 */
export function metaContentSecurityPolicy(options: CspOptions = {}): string {
  return contentSecurityPolicy(options)
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors '))
    .join('; ');
}
