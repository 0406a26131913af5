import { fail, type ErrorCode, type Result } from '../../shared/contract/result';

const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const MISSING = new Set(['ENOENT', 'ENOTDIR']);

/** The errno name of a Node fs error ('EROFS'), or null for anything else. */
export const errnoOf = (error: unknown): string | null =>
  error !== null &&
  typeof error === 'object' &&
  typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : null;

/** The code a Node fs error maps to: read-only, disk full, missing, or a plain project error. */
export function fsErrorCode(error: unknown): ErrorCode {
  const errno = errnoOf(error) ?? '';
  if (READ_ONLY.has(errno)) return 'E_READ_ONLY';
  if (DISK_FULL.has(errno)) return 'E_DISK_FULL';
  if (MISSING.has(errno)) return 'E_NOT_FOUND';
  return 'E_PROJECT';
}

/**
 * A Node fs error as a Result in words. `doing` completes "Could not ..." ("save the project to
 * "/x/p.aestudio.json""); the raw errno stays in details for the curious, never in the message.
 */
export function fsFailure<T = never>(error: unknown, doing: string): Result<T> {
  const code = fsErrorCode(error);
  const errno = errnoOf(error) ?? String(error);
  const why =
    code === 'E_READ_ONLY'
      ? 'the folder is read-only or this app is not allowed to write there'
      : code === 'E_DISK_FULL'
        ? 'the disk is full; free some space and try again'
        : code === 'E_NOT_FOUND'
          ? 'the folder or file does not exist'
          : 'the system refused';
  return fail(code, `Could not ${doing}: ${why}.`, { errno });
}
