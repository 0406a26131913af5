// `npm start`: the Electron app where an Electron binary exists, browser mode where none does.
// Browser mode opens the default browser at its address (and still prints it), so nobody has to
// copy a tokenized URL by hand.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

function electronBinary() {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const pathFile = join(dir, 'path.txt');
    const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
    const full = override ? join(override, name) : join(dir, 'dist', name);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

/** The platform's "open this address" command: xdg-open, open (macOS), or start (Windows). */
function openerFor(url) {
  if (process.platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the "".
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

/**
 * Opens the address in the default browser, detached so the studio does not wait on it. A machine
 * without a browser or without the opener (a server, a container) just keeps the printed address.
 */
function openBrowser(url) {
  if (process.env.STUDIO_NO_BROWSER) return;
  const [command, args] = openerFor(url);
  try {
    const opener = spawn(command, args, { detached: true, stdio: 'ignore' });
    opener.on('error', () => undefined);
    opener.unref();
  } catch {
    // No opener: the address is printed above.
  }
}

const binary = electronBinary();
const [command, args] = binary
  ? [binary, ['.']]
  : [process.execPath, ['out/main/serve.js', ...process.argv.slice(2)]];
if (!binary) console.log('No Electron binary on this machine: starting browser mode instead.');
// Browser mode's output is read for its address, and passed on as it comes.
const child = spawn(command, args, { stdio: ['inherit', binary ? 'inherit' : 'pipe', 'inherit'] });
if (!binary) {
  let seen = '';
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (opened) return;
    seen += chunk.toString();
    const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(seen);
    if (!match) return;
    opened = true;
    console.log('Opening it in your browser…');
    openBrowser(match[1]);
  });
}
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
