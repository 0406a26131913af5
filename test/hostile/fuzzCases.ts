import { encodeFrame } from '../../src/shared/contract/codec';
import { buildFrame, upgradeRequest } from './rawSocket';

/**
 * Seeded generators of hostile traffic for browser mode: each case is the raw bytes one connection
 * sends. The same seed always gives the same cases, so the fuzz test never flakes.
 */

// The app's own seeded generator (mulberry32): the same seed gives the same cases.
import { seededRandom } from '../../src/shared/util/random';

export { seededRandom };

export type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)];
const bytes = (rng: Rng, n: number) => Uint8Array.from({ length: n }, () => int(rng, 256));

export const HTTP_KINDS = [
  'random method and path',
  'huge headers',
  'bad Content-Length',
  'random bytes',
  'malformed upgrade',
] as const;
export const WS_KINDS = [
  'random frame (opcode, flags, length, mask)',
  'random binary payload',
  'valid-looking frame with random JSON',
] as const;
export type CaseKind = (typeof HTTP_KINDS)[number] | (typeof WS_KINDS)[number];

export interface FuzzCase {
  kind: CaseKind;
  withToken: boolean;
  /** HTTP cases: the bytes sent on a fresh connection. */
  http?: Buffer[];
  /** WebSocket cases: frames sent after an upgrade to /ws (with or without the token). */
  frames?: Buffer[];
}

const PATH_PIECES = [
  '[',
  ']',
  '%',
  '%zz',
  '%00',
  '\0',
  '//',
  '..',
  '/',
  'é',
  '💥',
  '\u202e',
  '?',
  '#',
  'ws',
  'token=',
  ' ',
  'index.html',
  '%2f..',
  '\t',
];
const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'CONNECT',
  'PATCH',
  'G\0T',
  'get',
  'FOO',
  '',
];

function randomPath(rng: Rng, token: string | null): string {
  let path = pick(rng, ['/', '//', '', '*', 'http://evil.example/', '/ws']);
  for (let i = int(rng, 8); i > 0; i--) path += pick(rng, PATH_PIECES);
  if (token) path += (path.includes('?') ? '&' : '?') + `token=${token}`;
  return path;
}

const cookie = (token: string | null) => (token ? [`Cookie: studio_token=${token}`] : []);

function httpCase(
  rng: Rng,
  kind: (typeof HTTP_KINDS)[number],
  port: number,
  token: string | null,
): Buffer[] {
  const head = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
  switch (kind) {
    case 'random method and path':
      return [
        head([
          `${pick(rng, METHODS)} ${randomPath(rng, rng() < 0.5 ? token : null)} HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          'Connection: close',
          ...cookie(rng() < 0.5 ? token : null),
          '',
          '',
        ]),
      ];
    case 'huge headers':
      return [
        head([
          `GET / HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          'Connection: close',
          ...cookie(token),
          `X-Big: ${'a'.repeat(1000 + int(rng, 100_000))}`,
          '',
          '',
        ]),
      ];
    case 'bad Content-Length': {
      const length = pick(rng, ['-1', 'abc', '99999999999999999999', '10', '1, 2', '0x10', '']);
      const extra =
        rng() < 0.3 ? ['Transfer-Encoding: chunked'] : rng() < 0.3 ? ['Content-Length: 3'] : [];
      return [
        head([
          `${pick(rng, ['GET', 'POST'])} / HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          'Connection: close',
          ...cookie(token),
          `Content-Length: ${length}`,
          ...extra,
          '',
          '',
        ]),
        Buffer.from(bytes(rng, int(rng, 64))),
      ];
    }
    case 'random bytes':
      return [Buffer.from(bytes(rng, 1 + int(rng, 2048)))];
    case 'malformed upgrade': {
      const extra = [
        ...cookie(token),
        ...(rng() < 0.3
          ? [`Origin: ${pick(rng, ['http://evil.example', 'null', `http://127.0.0.1:${port}`])}`]
          : []),
        ...(rng() < 0.3 ? ['Sec-WebSocket-Version: 8'] : []),
        ...(rng() < 0.3
          ? ['Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=99']
          : []),
      ];
      const request = upgradeRequest(port, randomPath(rng, rng() < 0.5 ? token : null), extra);
      // Sometimes cut the request short or append random frame bytes before the answer.
      return rng() < 0.3
        ? [request.subarray(0, int(rng, request.length))]
        : [request, Buffer.from(bytes(rng, int(rng, 64)))];
    }
  }
}

function randomFrame(rng: Rng): Buffer {
  const payload = bytes(rng, int(rng, 300));
  return buildFrame({
    fin: rng() < 0.7,
    rsv: rng() < 0.8 ? 0 : int(rng, 8),
    opcode: int(rng, 16),
    payload,
    masked: rng() < 0.85,
    declaredLength:
      rng() < 0.2 ? pick(rng, [0, 125, 126, 65535, 65536, 2 ** 26 + 1, 2 ** 40]) : undefined,
  });
}

const COMMANDS = [
  'app.info',
  'train.stop',
  'train.pause',
  'train.resume',
  'model.decode',
  'model.encode',
  'no.such',
  '__proto__',
  'constructor',
  '',
];

function randomJson(rng: Rng, depth = 0): unknown {
  const roll = int(rng, depth > 2 ? 5 : 8);
  if (roll === 0) return null;
  if (roll === 1) return rng() * 1e6 - 5e5;
  if (roll === 2) return pick(rng, ['', 'x', '💥', '\0', 'a'.repeat(int(rng, 500)), '__proto__']);
  if (roll === 3) return rng() < 0.5;
  if (roll === 4) return new Float32Array(int(rng, 64)).map(() => rng());
  if (roll === 5) return Array.from({ length: int(rng, 5) }, () => randomJson(rng, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = int(rng, 5); i > 0; i--)
    object[pick(rng, ['runId', 'points', 'count', 'images', 'id', 'type', '$buf', '$type', 'k'])] =
      randomJson(rng, depth + 1);
  return object;
}

function jsonFrame(rng: Rng): Buffer {
  const message =
    rng() < 0.7
      ? {
          type: 'request',
          id: int(rng, 1000) - (rng() < 0.1 ? 5000 : 0),
          command: pick(rng, COMMANDS),
          payload: randomJson(rng),
        }
      : randomJson(rng);
  return buildFrame({ opcode: rng() < 0.9 ? 2 : 1, payload: encodeFrame(message) });
}

/** A clean close at the end, so the host answers it and the connection ends without a timeout. */
const closeFrame = () => buildFrame({ opcode: 8, payload: new Uint8Array([0x03, 0xe8]) });

function wsCase(rng: Rng, kind: (typeof WS_KINDS)[number]): Buffer[] {
  const frames: Buffer[] = [];
  for (let i = 1 + int(rng, 4); i > 0; i--) {
    if (kind === 'random frame (opcode, flags, length, mask)') frames.push(randomFrame(rng));
    else if (kind === 'random binary payload')
      frames.push(buildFrame({ opcode: 2, payload: bytes(rng, int(rng, 4096)) }));
    else frames.push(jsonFrame(rng));
  }
  if (rng() < 0.8) frames.push(closeFrame());
  return frames;
}

/** `count` cases: half HTTP-level, half WebSocket frames; about half of each carry the token. */
export function makeCases(seed: number, count: number, port: number, token: string): FuzzCase[] {
  const rng = seededRandom(seed);
  return Array.from({ length: count }, (): FuzzCase => {
    const withToken = rng() < 0.5;
    if (rng() < 0.5) {
      const kind = pick(rng, HTTP_KINDS);
      return { kind, withToken, http: httpCase(rng, kind, port, withToken ? token : null) };
    }
    const kind = pick(rng, WS_KINDS);
    return { kind, withToken, frames: wsCase(rng, kind) };
  });
}
