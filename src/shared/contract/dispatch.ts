import type { z } from 'zod';
import {
  commands,
  isCommandName,
  type CommandName,
  type CommandReply,
  type ParsedRequest,
} from './commands';
import { fail, type Result } from './result';

/** The host side of StudioApi: one handler per command, each given an already-validated request. */
export type StudioHandlers = {
  [N in CommandName]: (request: ParsedRequest<N>) => Promise<Result<CommandReply<N>>>;
};

/** Describes a schema failure in a line, naming the fields. */
export const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`)
    .join('; ');

/**
 * Validates a command and its request, then runs its handler. Never throws: an unknown command,
 * an invalid request or a handler that throws all come back as a named error.
 */
export async function dispatchCommand(
  handlers: StudioHandlers,
  command: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isCommandName(command)) {
    return fail('E_UNKNOWN_COMMAND', `The app does not know the command "${String(command)}".`);
  }
  const parsed = commands[command].request.safeParse(payload);
  if (!parsed.success) {
    return fail(
      'E_INVALID_MESSAGE',
      `The request "${command}" was not understood: ${describeIssues(parsed.error)}.`,
    );
  }
  try {
    const handler = handlers[command] as (request: unknown) => Promise<Result<unknown>>;
    return await handler(parsed.data);
  } catch (error) {
    return fail('E_INTERNAL', `Something went wrong in "${command}": ${String(error)}`);
  }
}
