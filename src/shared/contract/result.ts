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
  | 'E_PROJECT'
  /** A project or autosave nested or sized beyond what the app reads (a damaged or hostile file). */
  | 'E_PROJECT_TOO_LARGE'
  /** A model file (model.json, Keras config, weights) that cannot be read as a model. */
  | 'E_MODEL_FILE'
  /** A design over the budget (parameters, activations per sample, bytes of weights). */
  | 'E_TOO_LARGE'
  /** A path the person did not choose, or outside the folders the app may read. */
  | 'E_PATH_NOT_ALLOWED'
  /** The data folder or the chosen place cannot be written (a read-only disk or folder). */
  | 'E_READ_ONLY'
  /** The disk is full. */
  | 'E_DISK_FULL'
  /** The trainer sent a message that breaks the protocol: the run ends as failed. */
  | 'E_TRAINER_PROTOCOL';

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
