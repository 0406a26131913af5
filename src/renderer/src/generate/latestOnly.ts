/**
 * Sends one request at a time and keeps only the newest waiting one: while a decode is in
 * flight, each newer cursor position replaces the waiting one instead of queueing behind it,
 * so the picture follows the cursor rather than replaying its path.
 */
export interface LatestOnly<Req> {
  /** Asks for req; it runs now, or after the request in flight unless a newer one replaces it. */
  request(req: Req): void;
  /** Whether a request is in flight. */
  busy(): boolean;
}

export function latestOnly<Req, Res>(
  send: (req: Req) => Promise<Res>,
  onResult: (res: Res, req: Req) => void,
): LatestOnly<Req> {
  let inFlight = false;
  let waiting: { req: Req } | null = null;
  const run = async (req: Req): Promise<void> => {
    inFlight = true;
    try {
      onResult(await send(req), req);
    } catch {
      // A lost request is not retried: the next cursor position replaces it anyway.
    } finally {
      inFlight = false;
      const next = waiting;
      waiting = null;
      if (next) void run(next.req);
    }
  };
  return {
    request(req) {
      if (inFlight) waiting = { req };
      else void run(req);
    },
    busy: () => inFlight,
  };
}
