import { commands, type CommandName, type CommandReply, type CommandRequest } from './commands';
import { events, isEventName, type EventName, type EventPayload } from './events';
import { describeIssues } from './dispatch';
import { fail, type Result } from './result';

/**
 * The one small transport: invoke a command, listen to events. Electron IPC, the WebSocket and the
 * in-memory transport of the tests each implement it; StudioClient puts the typed calls on top.
 */
export interface ClientTransport {
  invoke(command: string, payload: unknown): Promise<unknown>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

type Listener<N extends EventName> = (payload: EventPayload<N>) => void;

/** Typed StudioApi calls over any transport; replies and events are validated on arrival. */
export class StudioClient {
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  constructor(private readonly transport: ClientTransport) {
    transport.onEvent((name, payload) => this.deliver(name, payload));
  }

  async invoke<N extends CommandName>(
    command: N,
    request: CommandRequest<N>,
  ): Promise<Result<CommandReply<N>>> {
    let raw: unknown;
    try {
      raw = await this.transport.invoke(command, request);
    } catch (error) {
      return fail('E_INTERNAL', `The app's background service did not answer: ${String(error)}`);
    }
    const result = raw as Result<unknown> | null;
    if (result === null || typeof result !== 'object' || typeof result.ok !== 'boolean') {
      return fail('E_INVALID_MESSAGE', `The reply to "${command}" was not understood.`);
    }
    if (!result.ok) return result as Result<CommandReply<N>>;
    const parsed = commands[command].reply.safeParse(result.value);
    if (!parsed.success) {
      return fail(
        'E_INVALID_MESSAGE',
        `The reply to "${command}" was not understood: ${describeIssues(parsed.error)}.`,
      );
    }
    return { ok: true, value: parsed.data as CommandReply<N> };
  }

  /** Listens to one event; returns the function that stops listening. */
  on<N extends EventName>(name: N, listener: Listener<N>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  private deliver(name: string, payload: unknown): void {
    if (!isEventName(name)) return;
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) {
      console.warn(`Ignored an invalid "${name}" event: ${describeIssues(parsed.error)}`);
      return;
    }
    for (const listener of this.listeners.get(name) ?? []) listener(parsed.data);
  }
}
