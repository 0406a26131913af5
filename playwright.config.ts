import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/browserMode.mjs';
import type { ShellName } from './e2e/shells';

/**
 * The end-to-end tests: the same specs against browser mode in Debian's Chromium (`web`) and
 * against the Electron app (`electron`, reported as skipped where no Electron binary is
 * installed). Run `npm run build` first. No browser is ever downloaded: Chromium is
 * /usr/bin/chromium (or CHROMIUM_PATH).
 *
 * Baselines of the diagram comparisons (e2e/baselines/) are made only on purpose, never by the
 * test that reads them: `npx playwright test --update-snapshots=all e2e/diagrams.e2e.ts`.
 * A missing baseline fails the test.
 */
export default defineConfig<object, { shellName: ShellName }>({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  // Playwright's own files (diffs of a failed comparison); screenshots for people are in e2e/output.
  outputDir: 'e2e/output/test-results',
  // One worker: the machine has 2 cores, and training in a spec takes one of them.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  // Training a preset for a few epochs on wasm takes minutes on a busy machine.
  timeout: 300_000,
  reporter: [['list']],
  updateSnapshots: 'none',
  // One baseline per picture: the PNG is drawn by the host (resvg), the same in both shells.
  snapshotPathTemplate: '{testDir}/baselines/{arg}{ext}',
  expect: {
    timeout: 10_000,
    // The same machine draws the same pixels (0 differ between runs here); one changed digit in
    // an 11 px label changes about 25 pixels (measured with resvg), above 0.005 % of every picture.
    toMatchSnapshot: { maxDiffPixelRatio: 0.00005 },
    toHaveScreenshot: {
      maxDiffPixelRatio: 0.00005,
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
      // Each shell's Chromium draws text its own way: a baseline per project.
      pathTemplate: '{testDir}/baselines/{arg}-{projectName}{ext}',
    },
  },
  use: {
    headless: true,
    // An action that waits longer than this is stuck: it fails with what it waited for, instead of
    // using up the whole test's five minutes.
    actionTimeout: 120_000,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    { name: 'web', use: { shellName: 'web' } },
    { name: 'electron', use: { shellName: 'electron' } },
  ],
});
