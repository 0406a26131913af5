import type { ClientTransport } from '../../../shared/contract/client';
import { decodeFrame, encodeFrame } from '../../../shared/contract/codec';
import { serverEnvelopeSchema } from '../../../shared/contract/envelope';
import { MAX_REQUEST_FRAME_BYTES } from '../../../shared/contract/limits';
import { fail } from '../../../shared/contract/result';

const tooLarge = (bytes: number) =>
  fail(
    'E_TOO_LARGE',
    `This request is too large to send to the app (${Math.ceil(bytes / 2 ** 20)} MB; at most ` +
      `${MAX_REQUEST_FRAME_BYTES / 2 ** 20} MB). Use smaller samples or fewer of them.`,
  );

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * Browser mode: StudioApi over one WebSocket to the host on 127.0.0.1, binary frames both ways.
 * Reconnects after a drop; requests made while disconnected wait for the connection.
 */
export class WebSocketTransport implements ClientTransport {
  private socket: WebSocket | null = null;
  private opened: Promise<WebSocket> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(name: string, payload: unknown) => void>();
  private statusListener: ((connected: boolean) => void) | null = null;

  constructor(private readonly url: string) {}

  /** Called with true when connected and false when the connection drops. */
  onStatus(listener: (connected: boolean) => void): void {
    this.statusListener = listener;
  }

  async invoke(command: string, payload: unknown): Promise<unknown> {
    const socket = await this.connect();
    const id = this.nextId++;
    const frame = encodeFrame({ type: 'request', id, command, payload });
    // The host closes a connection that sends a frame over its limit (and with it every pending
    // reply and the event stream): answer such a request here instead of sending it.
    if (frame.byteLength > MAX_REQUEST_FRAME_BYTES) return tooLarge(frame.byteLength);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      socket.send(frame);
    });
  }

  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    void this.connect().catch(() => undefined);
    return () => this.listeners.delete(listener);
  }

  private connect(): Promise<WebSocket> {
    if (this.opened) return this.opened;
    this.opened = new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url);
      socket.binaryType = 'arraybuffer';
      socket.onopen = () => {
        this.socket = socket;
        this.statusListener?.(true);
        resolve(socket);
      };
      socket.onmessage = (event) => this.receive(event.data);
      socket.onclose = () => {
        this.socket = null;
        this.opened = null;
        this.statusListener?.(false);
        for (const p of this.pending.values())
          p.reject(new Error('the connection to the host closed'));
        this.pending.clear();
        reject(new Error('could not connect to the host'));
        // Keep listening for events: try again shortly.
        if (this.listeners.size > 0)
          setTimeout(() => void this.connect().catch(() => undefined), 1000);
      };
    });
    return this.opened;
  }

  private receive(data: unknown): void {
    if (!(data instanceof ArrayBuffer)) return;
    let message: unknown;
    try {
      message = decodeFrame(new Uint8Array(data));
    } catch {
      return;
    }
    const parsed = serverEnvelopeSchema.safeParse(message);
    if (!parsed.success) return;
    const envelope = parsed.data;
    if (envelope.type === 'reply') {
      const pending = this.pending.get(envelope.id);
      this.pending.delete(envelope.id);
      pending?.resolve(envelope.result);
    } else {
      for (const listener of this.listeners) listener(envelope.name, envelope.payload);
    }
  }

  close(): void {
    this.socket?.close();
  }
}
