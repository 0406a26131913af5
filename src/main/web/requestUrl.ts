/**
 * The address of a request, read without ever throwing. Node hands over the raw request target
 * (`//[x`, `*`, `http://other/`, bytes no browser would send); `new URL(target, base)` throws on
 * some of them, and a throw before the token check ended the whole host (issue 10, item 1).
 */
export function parseRequestUrl(target: string | undefined, port: number): URL | null {
  // Only origin-form targets ("/path?query") are served; anything else is a malformed request,
  // and so is a path starting "//", which a browser would read as the name of another host.
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    // Prefixing the origin (rather than resolving against a base) keeps `//host/x` a path, so the
    // request can never name another host.
    return new URL(`http://127.0.0.1:${port}${target}`);
  } catch {
    return null;
  }
}

/** The token in the query string, read with the same care: a malformed target has none. */
export const tokenInUrl = (url: URL | null): string | null =>
  url?.searchParams.get('token') ?? null;
