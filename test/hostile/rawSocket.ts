import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * Raw TCP clients for the hostile tests: they send bytes no well-behaved client library would,
 * and never hang (a short socket timeout ends every exchange) nor reject (a reset is an outcome).
 */

/** What one raw exchange ended with: the bytes the server sent back and how the socket ended. */
export interface Exchange {
  received: Buffer;
  ended: 'closed' | 'timeout' | 'error';
}

/**
 * Collects what the server sends on a socket until it closes, errs or falls silent for the
 * timeout, then destroys it; `write` runs once the socket can be written to.
 */
function collect(socket: Socket, timeoutMs: number, write: () => void): Promise<Exchange> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let settled = false;
    const finish = (ended: Exchange['ended']) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ received: Buffer.concat(parts), ended });
    };
    socket.setTimeout(timeoutMs, () => finish('timeout'));
    socket.on('data', (d) => parts.push(d));
    socket.on('error', () => finish('error'));
    socket.on('close', () => finish('closed'));
    write();
  });
}

const writeAll = (socket: Socket, chunks: readonly Uint8Array[]) => {
  for (const chunk of chunks) if (!socket.destroyed) socket.write(chunk);
};

/** Opens a connection, writes the chunks in order, and collects the answer until close or timeout. */
export function rawExchange(
  port: number,
  chunks: readonly Uint8Array[],
  timeoutMs = 1500,
): Promise<Exchange> {
  const socket = connect(port, '127.0.0.1');
  return collect(socket, timeoutMs, () => socket.on('connect', () => writeAll(socket, chunks)));
}

/** The status code of an HTTP answer, or null when none came. */
export const statusOf = (answer: Buffer): number | null => {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(answer.toString('latin1'));
  return match ? Number(match[1]) : null;
};

/** A WebSocket upgrade request for `path`, from the app's own origin unless told otherwise. */
export function upgradeRequest(port: number, path: string, extra: string[] = []): Buffer {
  return Buffer.from(
    [
      `GET ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      ...extra,
      '',
      '',
    ].join('\r\n'),
    'latin1',
  );
}

/** Upgrades a raw socket to a WebSocket with the token; resolves once the 101 answer arrived. */
export function openRawWebSocket(port: number, token: string, timeoutMs = 1500): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = Buffer.alloc(0);
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error('the upgrade timed out'));
    });
    socket.on('error', reject);
    socket.on('connect', () => socket.write(upgradeRequest(port, `/ws?token=${token}`)));
    const onData = (d: Buffer) => {
      answer = Buffer.concat([answer, d]);
      if (!answer.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (statusOf(answer) !== 101) {
        socket.destroy();
        reject(new Error(`upgrade refused: ${answer.toString('latin1').split('\r\n')[0]}`));
        return;
      }
      resolve(socket);
    };
    socket.on('data', onData);
  });
}

export interface FrameSpec {
  fin?: boolean;
  /** The three reserved bits, 0-7 (RSV1 is 4). */
  rsv?: number;
  opcode: number;
  payload?: Uint8Array;
  /** Mask the payload as a client must; false sends it unmasked (a protocol violation). */
  masked?: boolean;
  /** Announce this payload length instead of the real one (for oversize or short frames). */
  declaredLength?: number;
  maskKey?: Uint8Array;
}

/** Builds one WebSocket frame byte by byte, including frames the protocol forbids. */
export function buildFrame(spec: FrameSpec): Buffer {
  const payload = Buffer.from(spec.payload ?? new Uint8Array());
  const length = spec.declaredLength ?? payload.length;
  const masked = spec.masked ?? true;
  const first = ((spec.fin ?? true) ? 0x80 : 0) | (((spec.rsv ?? 0) & 7) << 4) | (spec.opcode & 15);
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([first, (masked ? 0x80 : 0) | length]);
  } else if (length < 65536) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = (masked ? 0x80 : 0) | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = (masked ? 0x80 : 0) | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const key = Buffer.from(spec.maskKey ?? randomBytes(4));
  const body = Buffer.from(payload.map((b, i) => b ^ key[i % 4]));
  return Buffer.concat([header, key, body]);
}

/** Writes frames on an upgraded socket and waits for the server to close it (or the timeout). */
export function sendFramesAndWait(
  socket: Socket,
  frames: readonly Uint8Array[],
  timeoutMs = 1500,
): Promise<Exchange> {
  return collect(socket, timeoutMs, () => writeAll(socket, frames));
}

/** The close code in the first close frame the server sent, or null when it sent none. */
export function closeCodeOf(received: Buffer): number | null {
  let at = 0;
  while (at + 2 <= received.length) {
    const opcode = received[at] & 15;
    let length = received[at + 1] & 127;
    let start = at + 2;
    if (length === 126) {
      length = received.readUInt16BE(at + 2);
      start = at + 4;
    } else if (length === 127) {
      length = Number(received.readBigUInt64BE(at + 2));
      start = at + 10;
    }
    if (opcode === 8) return length >= 2 ? received.readUInt16BE(start) : null;
    at = start + length;
  }
  return null;
}
