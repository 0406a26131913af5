import { dispatchCommand, type StudioHandlers } from '../../shared/contract/dispatch';
import { fail, type Result } from '../../shared/contract/result';
import { isRendererCommand } from '../../preload/rendererCommands';

/**
 * Runs a command sent by the window: only the commands the renderer uses (the preload checks the
 * same list; main checks again because a compromised page may skip the preload's check).
 */
export function dispatchFromWindow(
  handlers: StudioHandlers,
  command: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isRendererCommand(command)) {
    return Promise.resolve(
      fail('E_UNKNOWN_COMMAND', `The app does not offer the command "${String(command)}".`),
    );
  }
  return dispatchCommand(handlers, command, payload);
}
