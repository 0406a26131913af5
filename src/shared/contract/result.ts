/** Results and diagnostics cross process boundaries; exceptions do not. */
export type ErrorCode =
  | 'E_INVALID_MESSAGE'
  | 'E_UNKNOWN_COMMAND'
  | 'E_INVALID_GRAPH'
  | 'E_BUSY'
  | 'E_NOT_FOUND'
  | 'E_TRAINER_CRASHED'
  | 'E_DATA'
  | 'E_INTERNAL'
  | 'E_UNAUTHORIZED'
  | 'E_TIMEOUT'
  | 'E_UNSUPPORTED'
  | 'E_PROJECT';

export interface StudioError {
  code: ErrorCode;
  /** Words a person who does not write code understands, saying what to change. */
  message: string;
  /** Extra detail for the curious (field paths, node ids). */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: StudioError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  details?: unknown,
): Result<T> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
