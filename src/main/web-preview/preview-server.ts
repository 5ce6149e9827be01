// Plain Node (web preview): the built renderer as static files plus the API WebSocket, on
// loopback only. The same host as the desktop app, so end-to-end tests drive real behaviour.
// The socket needs the per-launch secret (see preview-access.ts); every page carries the CSP.
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Host } from '../host';
import { securityHeaders } from '../security/csp';
import { allowedHosts, isLaunchSecret, previewSecret, secretCookie, secretFromLaunchPath } from './preview-access';
import { attachWsTransport } from './ws-transport';

export interface PreviewServer {
  /** The preview's origin, e.g. http://127.0.0.1:4517 (no secret). */
  url: string;
  /** The URL to open: it hands the browser the secret, then shows the app. */
  launchUrl: string;
  secret: string;
  close(): Promise<void>;
}

export interface PreviewServerOptions {
  host: Host;
  rendererDir: string;
  port: number;
  /** Defaults to a fresh random secret per launch. */
  secret?: string;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const secret = options.secret ?? previewSecret(undefined);
  const app = Fastify({ logger: false });
  let port = options.port;
  const headers = securityHeaders();
  app.addHook('onRequest', async (request, reply) => {
    // A page reached under a foreign name (DNS rebinding) gets nothing, not even the shell.
    if (!allowedHosts(port).includes(request.headers.host ?? '')) {
      return reply.code(403).type('text/plain').send('Forbidden host.');
    }
    reply.headers(headers);
    const given = secretFromLaunchPath(request.url.split('?')[0] ?? '');
    if (given !== null) {
      if (!isLaunchSecret(given, secret))
        return reply.code(403).type('text/plain').send('This link is from another launch of the preview. Open the URL it printed.');
      return reply.header('Set-Cookie', secretCookie(port, secret)).redirect('/', 302);
    }
    return undefined;
  });
  await app.register(fastifyStatic, { root: options.rendererDir, index: ['index.html'] });
  const wss = attachWsTransport(app.server, options.host, { secret, port: () => port });
  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    launchUrl: `${url}/key/${secret}`,
    secret,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await app.close();
    },
  };
}
