import type { Page } from '@playwright/test';
import { downloadExport, openExport } from './downloads';
import { expect, openPreset, screenshot, studioSession, test } from './harness';

// The exported diagrams of three presets against committed pictures (e2e/baselines/): a dense
// network, a convolutional one with transposed convolutions, and a variational one with its
// sampling branch. The baselines are made on purpose with
//   npx playwright test --update-snapshots=all e2e/diagrams.e2e.ts
// and looked at before they are committed; a missing one fails here (updateSnapshots: 'none').
const studio = studioSession({ independent: true });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

const PRESETS = ['default', 'conv-transpose', 'vae'] as const;

test.describe('the exported diagram looks as it did', () => {
  for (const preset of PRESETS) {
    test(`of the ${preset} preset: the PNG file and the dialog's preview`, async () => {
      await openPreset(page, preset);
      await openExport(page);
      // The PNG the host draws (resvg, the machine's fonts): byte-for-byte the same file in either
      // shell, so one baseline serves both.
      const [png] = await downloadExport(page, 'png-1', 1, 'diagrams');
      expect(png.data).toMatchSnapshot(`diagram-${preset}.png`);
      // The SVG as this shell's Chromium draws it in the dialog.
      await page.getByTestId('export-format').selectOption('svg');
      const preview = page.getByTestId('export-preview');
      await expect
        .poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBeGreaterThan(100);
      await expect(preview).toHaveScreenshot(`diagram-${preset}-preview.png`);
      await screenshot(page, `diagram-${preset}-dialog`);
      await page.getByTestId('export-close').click();
      await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
    });
  }
});
