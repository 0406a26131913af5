/**
 * Browser mode's last line of defence: an exception or rejection that escapes a request handler
 * is logged and the host keeps serving. The handlers catch what they expect (server.ts, attach.ts);
 * this covers what they did not foresee, where ending the process would lose the person's open
 * work and their running training for one bad request. Electron keeps its own crash handling.
 */
export function installProcessGuard(
  log: (line: string) => void = console.error,
  target: Pick<NodeJS.Process, 'on' | 'off'> = process,
): () => void {
  const onException = (error: unknown) =>
    log(
      `[browser mode] An unexpected error was caught and the app keeps running: ${describe(error)}`,
    );
  const onRejection = (reason: unknown) =>
    log(
      `[browser mode] An unexpected failure was caught and the app keeps running: ${describe(reason)}`,
    );
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}

const describe = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);
