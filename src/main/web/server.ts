import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_REQUEST_FRAME_BYTES } from '../../shared/contract/limits';
import type { StudioHost } from '../services/host';
import { attach, type Log } from './attach';
import { isLoopback } from './listen';
import { parseRequestUrl, tokenInUrl } from './requestUrl';
import { readStatic } from './static';
import { newToken, readCookie, tokenMatches } from './token';

const COOKIE = 'studio_token';
/** A frame may carry the largest request the app itself sends, and nothing larger. */
const MAX_FRAME_BYTES = MAX_REQUEST_FRAME_BYTES;

/** The renderer's content security policy, sent as a header (the page repeats it in a meta tag). */
export const contentSecurityPolicy = (port: number): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // Loopback only beyond 'self': "Connect to a trainer" reaches a trainer on another machine
    // through the SSH tunnel it prints, which ends on this machine's loopback (and that trainer
    // still refuses anyone without its token). No other host can be reached from the page.
    `connect-src 'self' ws://127.0.0.1:${port} ws://127.0.0.1:* ws://localhost:*`,
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
  /** The address to bind: 127.0.0.1 unless `remote` allows another (`--listen=ADDRESS`). */
  address?: string;
  /** `--listen`: a UI from another origin may connect when its address carries the token. */
  remote?: boolean;
  /** Where problems with single requests are written; the console unless a test listens. */
  log?: Log;
}

/**
 * Browser mode: serves the built renderer and StudioApi over a WebSocket, on 127.0.0.1 only.
 * Every HTTP request and WebSocket connection must carry the start token (in the address once,
 * then in an HttpOnly same-site cookie), and WebSockets must come from this origin.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newToken();
  const address = options.address ?? '127.0.0.1';
  if (!options.remote && !isLoopback(address))
    throw new Error(`Browser mode listens on ${address} only with --listen (and its token).`);
  const log = options.log ?? ((line: string) => console.warn(`[browser mode] ${line}`));
  let port = 0;
  // The address a browser uses: a wildcard bind is reached through 127.0.0.1 (the tunnel's end).
  const urlHost = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address;
  // Reads only what cannot throw, so the token is checked before anything that could.
  const authorized = (req: IncomingMessage, url: URL | null): boolean =>
    tokenMatches(token, tokenInUrl(url)) ||
    tokenMatches(token, readCookie(req.headers.cookie, COOKIE));

  const server: Server = createServer((req, res) => {
    serveHttp(req, res).catch((error: unknown) => {
      log(`A page request failed unexpectedly: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The app could not answer this request.');
    });
  });
  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end('Only GET is served here.');
      return;
    }
    const url = parseRequestUrl(req.url, port);
    if (!authorized(req, url)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(
        'Autoencoder Studio: this address is missing its key, so it is refused.\n\n' +
          'The working address (it ends in ?token=...) was printed in the terminal where the studio ' +
          'was started: copy it from there, whole. If that terminal is gone, start the studio again ' +
          '(npm start) and it prints a new address; an address from an earlier start no longer works.\n',
      );
      return;
    }
    if (!url) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Malformed address.');
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

  // A request Node cannot parse (huge headers, a bad Content-Length, random bytes) or a socket
  // reset mid-request: answer 400 when the socket can still take it, otherwise just drop it.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code !== 'ECONNRESET' && socket.writable && !(socket as Socket).writableEnded) {
      const status =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? '431 Request Header Fields Too Large'
          : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    }
    socket.destroy();
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Until ws takes the socket over, a reset on it would otherwise be an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head);
    } catch (error) {
      log(`A WebSocket upgrade failed unexpectedly: ${String(error)}`);
      socket.destroy();
    }
  });
  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = parseRequestUrl(req.url, port);
    const origin = req.headers.origin;
    const sameOrigin = origin === undefined || origin === `http://${urlHost}:${port}`;
    // Another origin (the app on the person's machine) must carry the token in the address: its
    // page can have no cookie of this host's, and a web page it visits cannot know the token.
    const remoteWithToken = options.remote === true && tokenMatches(token, tokenInUrl(url));
    if (!authorized(req, url) || !(sameOrigin || remoteWithToken)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!url) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    if (url.pathname !== '/ws') {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws, options.host, log));
  }
  sockets.on('error', (error) => log(`The WebSocket server reported: ${error.message}`));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, address, () => resolve());
  });
  server.on('error', (error) => log(`The page server reported: ${error.message}`));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        // Keep-alive and half-open sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
