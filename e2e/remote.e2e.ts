import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect as tcpConnect, type AddressInfo, type Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  browserModeOnly,
  expect,
  root,
  screenshot,
  studioSession,
  test,
  type StudioSession,
} from './harness';

// A trainer on another machine: a second host started with `--listen` on another loopback address
// (127.0.0.2 stands in for the GPU box) and a TCP forward from 127.0.0.1 to it standing in for the
// SSH tunnel it prints (`ssh -N -L` forwards the same way). The app on this machine is pointed at
// the tunnel's end through "Connect to a trainer" with the key the trainer printed, and trains
// there. Self-contained: the spec starts and ends its trainer and tunnel itself.

interface Trainer {
  origin: string;
  token: string;
  printed: string;
  child: ChildProcess;
}

/** Starts `out/main/serve.js --listen=127.0.0.2` and reads the address, key and tunnel it prints. */
function startTrainer(): Promise<Trainer> {
  const child = spawn(process.execPath, ['out/main/serve.js', '--listen=127.0.0.2'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, STUDIO_DATA_DIR: mkdtempSync(join(tmpdir(), 'studio-remote-')) },
  });
  return new Promise((resolve, reject) => {
    let printed = '';
    const timer = setTimeout(() => reject(new Error(`no trainer:\n${printed}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const open = /Open: (http:\/\/127\.0\.0\.2:\d+)\/\?token=(\S+)/.exec(printed);
      // The recipe's last line ends what it prints; stdout may arrive in several chunks.
      if (open && /\(or open http:.*\n/.test(printed)) {
        clearTimeout(timer);
        resolve({ origin: open[1], token: open[2], printed, child });
      }
    });
    child.once('exit', (code) => reject(new Error(`the trainer exited with ${code}:\n${printed}`)));
  });
}

/** What `ssh -N -L PORT:127.0.0.2:PORT` does: 127.0.0.1:<a free port> forwarded to the trainer. */
function openTunnel(to: string): Promise<{ origin: string; server: Server }> {
  const target = new URL(to);
  const server = createServer((local) => {
    const remote = tcpConnect(Number(target.port), target.hostname);
    local.pipe(remote).pipe(local);
    local.on('error', () => remote.destroy());
    remote.on('error', () => local.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, server });
    }),
  );
}

const studio: StudioSession = studioSession();
let page: Page;
let trainer: Trainer;
let tunnel: { origin: string; server: Server };

browserModeOnly('the Electron window has its own connect-src policy (see the report)');

test.beforeAll(async () => {
  page = studio.page;
  trainer = await startTrainer();
  tunnel = await openTunnel(trainer.origin);
});
test.afterAll(() => {
  tunnel?.server.close();
  trainer?.child.kill('SIGTERM');
});

async function connect(url: string, token: string) {
  await page.getByTestId('connect-open').click();
  await page.getByTestId('connect-url').fill(url);
  await page.getByTestId('connect-token').fill(token);
  await page.getByTestId('connect-go').click();
}

test('the trainer prints a one-line SSH tunnel and its key, and listens on its own address only', () => {
  const recipe = trainer.printed.split('\n').filter((l) => l.includes('ssh -N -L'));
  expect(recipe).toHaveLength(1);
  expect(recipe[0]).toMatch(/ssh -N -L (\d+):127\.0\.0\.2:\1 /);
  expect(trainer.printed).toContain(`  ${trainer.token}`);
});

test('refuses the page and the app without the key, and the dialog says so in words', async () => {
  const page403 = await page.request.get(`${trainer.origin}/`);
  expect(page403.status()).toBe(403);
  // An address the tunnel does not end at is refused before anything is sent.
  await connect(trainer.origin, trainer.token);
  await expect(page.getByTestId('connect-error')).toContainText('where the tunnel ends', {
    timeout: 20_000,
  });
  await page.getByTestId('connect-dialog').getByRole('button', { name: 'Cancel' }).click();
  await connect(tunnel.origin, 'not-the-key');
  await expect(page.getByTestId('connect-error')).toContainText('No trainer answered', {
    timeout: 20_000,
  });
  await screenshot(page, 'remote-refused-without-key');
  await page.getByTestId('connect-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('connect-open')).toHaveText('Trainer…');
});

test("connects with the key and trains on the other machine, this machine's host gone", async () => {
  await connect(tunnel.origin, trainer.token);
  // Connecting reloads the page onto the other host.
  await expect(page.getByTestId('connect-open')).toHaveText(
    `Trainer: ${new URL(tunnel.origin).host}`,
    { timeout: 30_000 },
  );
  await page.waitForSelector('.react-flow__node');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', /.+/, {
    timeout: 60_000,
  });
  // From here every request goes to the trainer: this machine's own host stops answering.
  studio.served!.stop();
  await page.getByTestId('tab-train').click();
  await page.getByTestId('data-limit').fill('500');
  await page.getByTestId('train-epochs').fill('1');
  await page.getByTestId('train-start').click();
  await page.waitForSelector('[data-testid="loss-chart"] circle.loss-point.train', {
    timeout: 180_000,
  });
  await screenshot(page, 'remote-trained');
});
