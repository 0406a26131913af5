/**
 * A file name part from an untrusted title: only [A-Za-z0-9._-], never `.` or `..`, never
 * starting with a dot (hidden, or a path step up when joined), never a Windows device name.
 */

const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A safe base for exported file names, `fallback` when nothing usable is left. */
export function safeFileBase(title: string, fallback = 'autoencoder', max = 80): string {
  const base = title
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, max)
    // A trailing dash too: "Default (784-32)" is "Default-784-32", as the renderer names it.
    .replace(/[.\s-]+$/, '');
  if (base === '' || WINDOWS_DEVICES.test(base)) return fallback;
  return base;
}
