// Plain Node (web preview): the built renderer as static files plus the API WebSocket, on
// loopback only. The same host as the desktop app, so end-to-end tests drive real behaviour.
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Host } from '../host';
import { attachWsTransport } from './ws-transport';

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export async function startPreviewServer(options: { host: Host; rendererDir: string; port: number }): Promise<PreviewServer> {
  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, { root: options.rendererDir, index: ['index.html'] });
  let url = '';
  const wss = attachWsTransport(app.server, options.host, {
    allowedOrigins: () => [url, url.replace('127.0.0.1', 'localhost')],
  });
  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  url = `http://127.0.0.1:${port}`;
  return {
    url,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await app.close();
    },
  };
}
