import type { WebSocket } from 'ws';
import { decodeFrame, encodeFrame } from '../../shared/contract/codec';
import { dispatchCommand } from '../../shared/contract/dispatch';
import { requestEnvelopeSchema } from '../../shared/contract/envelope';
import { fail } from '../../shared/contract/result';
import type { StudioHost } from '../services/host';

/** Where browser mode writes what went wrong on one connection (the console by default). */
export type Log = (line: string) => void;

/**
 * Binds one WebSocket to the host: requests in, replies and events out, all validated. Nothing
 * that happens on one connection may end the host: every path that can throw is caught here.
 */
export function attach(ws: WebSocket, host: StudioHost, log: Log): void {
  // ws reports a protocol violation (a frame over maxPayload, RSV1, an unmasked frame, a reserved
  // opcode, invalid UTF-8, a forbidden close code) as 'error' after it has already started the
  // close with the matching code. With no listener that emit throws and ends the process.
  ws.on('error', (error) =>
    log(`A browser connection broke the WebSocket protocol: ${error.message}`),
  );

  const send = (message: unknown) => {
    if (ws.readyState !== ws.OPEN) return;
    let frame: Uint8Array;
    try {
      frame = encodeFrame(message);
    } catch (error) {
      log(`A message for the browser could not be encoded: ${String(error)}`);
      return;
    }
    // With a callback, a send on a connection that just dropped reports there instead of throwing.
    ws.send(frame, () => undefined);
  };
  const reply = (id: number, result: unknown) => send({ type: 'reply', id, result });

  const unsubscribe = host.onEvent((name, payload) => send({ type: 'event', name, payload }));
  ws.on('close', unsubscribe);
  ws.on('message', (data, isBinary) => {
    try {
      receive(data, isBinary);
    } catch (error) {
      log(`A browser request failed unexpectedly: ${String(error)}`);
      reply(-1, fail('E_INTERNAL', 'The app could not handle a request and ignored it.'));
    }
  });

  function receive(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    let message: unknown;
    try {
      if (!isBinary) throw new Error('text frame');
      message = decodeFrame(toBytes(data));
    } catch {
      reply(-1, fail('E_INVALID_MESSAGE', 'A message to the app was damaged and ignored.'));
      return;
    }
    const envelope = requestEnvelopeSchema.safeParse(message);
    if (!envelope.success) {
      const id =
        typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : -1;
      reply(id, fail('E_INVALID_MESSAGE', 'A message to the app was not a valid request.'));
      return;
    }
    const { id, command, payload } = envelope.data;
    dispatchCommand(host.handlers, command, payload)
      .then((result) => reply(id, result))
      .catch((error: unknown) => {
        log(`The request "${command}" failed unexpectedly: ${String(error)}`);
        reply(id, fail('E_INTERNAL', `Something went wrong in "${command}".`));
      });
  }
}

const toBytes = (data: Buffer | ArrayBuffer | Buffer[]): Uint8Array =>
  Array.isArray(data) ? new Uint8Array(Buffer.concat(data)) : new Uint8Array(data as ArrayBuffer);
