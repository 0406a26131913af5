import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeFrame, encodeFrame } from '../../shared/contract/codec';
import { dispatchCommand } from '../../shared/contract/dispatch';
import { requestEnvelopeSchema } from '../../shared/contract/envelope';
import { fail } from '../../shared/contract/result';
import type { StudioHost } from '../services/host';
import { readStatic } from './static';
import { newToken, readCookie, tokenMatches } from './token';

const COOKIE = 'studio_token';
const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/** The renderer's content security policy, sent as a header (the page repeats it in a meta tag). */
export const contentSecurityPolicy = (port: number): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ws://127.0.0.1:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface WebServerOptions {
  host: StudioHost;
  rendererRoot: string;
  port?: number;
  token?: string;
}

/**
 * Browser mode: serves the built renderer and StudioApi over a WebSocket, on 127.0.0.1 only.
 * Every HTTP request and WebSocket connection must carry the start token (in the address once,
 * then in an HttpOnly same-site cookie), and WebSockets must come from this origin.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newToken();
  let port = 0;
  const authorized = (req: IncomingMessage, url: URL): boolean =>
    tokenMatches(token, url.searchParams.get('token')) ||
    tokenMatches(token, readCookie(req.headers.cookie, COOKIE));

  const server: Server = createServer((req, res) => void serveHttp(req, res));
  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end('Only GET is served here.');
      return;
    }
    if (!authorized(req, url)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(
        'Autoencoder Studio: this address needs the start token. Open the full address that `npm run serve` printed.',
      );
      return;
    }
    if (url.searchParams.has('token')) {
      res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    const file = await readStatic(options.rendererRoot, url.pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.');
      return;
    }
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Security-Policy': contentSecurityPolicy(port),
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const origin = req.headers.origin;
    const sameOrigin = origin === undefined || origin === `http://127.0.0.1:${port}`;
    if (url.pathname !== '/ws' || !authorized(req, url) || !sameOrigin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws, options.host));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
      }),
  };
}

/** Binds one WebSocket to the host: requests in, replies and events out, all validated. */
function attach(ws: WebSocket, host: StudioHost): void {
  const send = (message: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(encodeFrame(message));
  };
  const unsubscribe = host.onEvent((name, payload) => send({ type: 'event', name, payload }));
  ws.on('close', unsubscribe);
  ws.on('message', (data, isBinary) => {
    let message: unknown;
    try {
      if (!isBinary) throw new Error('text frame');
      message = decodeFrame(toBytes(data));
    } catch {
      send({
        type: 'reply',
        id: -1,
        result: fail('E_INVALID_MESSAGE', 'A message to the app was damaged and ignored.'),
      });
      return;
    }
    const envelope = requestEnvelopeSchema.safeParse(message);
    if (!envelope.success) {
      const id =
        typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : -1;
      send({
        type: 'reply',
        id,
        result: fail('E_INVALID_MESSAGE', 'A message to the app was not a valid request.'),
      });
      return;
    }
    const { id, command, payload } = envelope.data;
    void dispatchCommand(host.handlers, command, payload).then((result) =>
      send({ type: 'reply', id, result }),
    );
  });
}

const toBytes = (data: Buffer | ArrayBuffer | Buffer[]): Uint8Array =>
  Array.isArray(data) ? new Uint8Array(Buffer.concat(data)) : new Uint8Array(data as ArrayBuffer);
