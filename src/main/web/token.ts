import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token for one start of browser mode. */
export const newToken = (): string => randomBytes(24).toString('base64url');

/** Compares in constant time so the token cannot be guessed byte by byte. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}
