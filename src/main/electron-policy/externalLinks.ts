/**
 * Hosts whose pages the app may open in the person's browser. The project has no documentation
 * site yet, so none: add a host here (with a test) when the app links to one.
 */
export const EXTERNAL_HOSTS: readonly string[] = [];

/** Whether a link from the page may open in the person's browser: https on a listed host only. */
export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_HOSTS) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    hosts.includes(parsed.hostname)
  );
}

/** What the window does with a navigation or window.open: it never leaves the app's page. */
export function routeNavigation(url: string, hosts: readonly string[] = EXTERNAL_HOSTS) {
  return isAllowedExternalUrl(url, hosts) ? 'open-in-browser' : 'deny';
}
