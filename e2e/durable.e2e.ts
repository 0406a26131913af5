import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  browserModeOnly,
  expect,
  projectOutputDir,
  screenshot,
  studioSession,
  test,
} from './harness';

// Work survives the page: edits are kept within half a second and when the page goes away, a
// reload opens them directly; browser mode brings a project file in from disk and out to disk.
const studio = studioSession();
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

/** A new tab on the studio, answering "leave with unsaved changes?" with yes, as a person would. */
async function openTab(): Promise<Page> {
  const tab = await studio.context.newPage();
  tab.on('dialog', (d) => void d.accept());
  await tab.goto(studio.served!.url);
  await tab.waitForSelector('.react-flow__node');
  await tab.waitForLoadState('networkidle');
  return tab;
}

const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** What a person sees of the design: every layer's id, place and text. */
const design = () =>
  page
    .locator('.react-flow__node')
    .evaluateAll((els) =>
      els
        .map(
          (el) =>
            `${el.getAttribute('data-id')} ${(el as HTMLElement).style.transform} ${el.textContent}`,
        )
        .sort(),
    );

/** Edits like a person: the units of a Dense layer several times, then its name. */
async function editSteadily(units: number[], name: string) {
  await node('dec1').click();
  for (const value of units) {
    await page.locator('#param-units').fill(String(value));
    await page.waitForTimeout(300);
  }
  await page.getByTestId('node-name-input').fill(name);
}

async function reloadAndWait() {
  await page.reload();
  await page.waitForSelector('.react-flow__node');
  // The recovery copy is read once the page has connected; the design follows it at once.
  await page.waitForLoadState('networkidle');
}

test.describe('edits survive the page', () => {
  test('reopens the last design after a reload 0.5 s after steady editing, and Discard brings back the default', async () => {
    const preset = await design();
    await editSteadily([100, 101, 102, 103, 104, 105, 106, 107, 108, 109], 'decoder one');
    await expect.poll(() => node('dec1').innerText()).toContain('decoder one');
    const edited = await design();
    expect(edited).not.toEqual(preset);
    await page.waitForTimeout(500);

    await reloadAndWait();
    await expect.poll(design).toEqual(edited);
    const bar = page.getByTestId('recovery-banner');
    expect(await bar.innerText()).toMatch(/Recovered your unsaved work from \d\d:\d\d/);
    expect(await page.getByTestId('unsaved').count()).toBe(1);
    await screenshot(page, 'durable-recovered');

    await page.getByTestId('discard-recovery').click();
    await expect.poll(design).toEqual(preset);
    expect(await bar.count()).toBe(0);
    // Discarded means gone: the next reload opens the default too.
    await reloadAndWait();
    expect(await design()).toEqual(preset);
    expect(await page.getByTestId('recovery-banner').count()).toBe(0);
  });

  test('keeps an edit made just before the tab is closed (sent as the page hides)', async ({
    shellName,
  }) => {
    test.skip(shellName !== 'web', 'Browser mode only: a window of the Electron shell has no tabs');
    await editSteadily([77], 'kept at once');
    await expect.poll(() => node('dec1').innerText()).toContain('kept at once');
    const edited = await design();
    // No wait: the timer has not fired; what survives was sent on pagehide / visibilitychange.
    // (Measured: without that send, 0 of 5 closed tabs kept the last edit; with it, 5 of 5.)
    await page.close({ runBeforeUnload: true });
    page = await openTab();
    await expect.poll(design).toEqual(edited);
    expect(await page.getByTestId('recovery-banner').count()).toBe(1);
    await page.getByTestId('discard-recovery').click();
  });
});

test.describe('project files in browser mode', () => {
  browserModeOnly('the Electron shell saves and opens files through its own dialogs');
  test('downloads the project as a file that holds the design, and uploads it back', async () => {
    await editSteadily([99], 'carried out');
    const edited = await design();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('project-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.aestudio\.json$/);
    const file = join(projectOutputDir(), 'durable-download.aestudio.json');
    await download.saveAs(file);
    const saved = JSON.parse(await readFile(file, 'utf8')) as {
      format: string;
      graph: { nodes: { id: string; name: string; params: Record<string, unknown> }[] };
    };
    expect(saved.format).toBe('autoencoder-studio-project');
    const dec1 = saved.graph.nodes.find((n) => n.id === 'dec1');
    expect(dec1?.name).toBe('carried out');
    expect(dec1?.params.units).toBe(99);

    // Something else on the canvas, then the file comes back from disk.
    await page.getByTestId('project-new').click();
    await page.getByTestId('start-empty').click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);
    await page.getByTestId('project-open').click();
    await page.getByTestId('project-upload').setInputFiles(file);
    await expect.poll(design).toEqual(edited);
    expect(await page.getByTestId('unsaved').count()).toBe(0);
    await screenshot(page, 'durable-uploaded');
    // It now lies in the projects folder, listed like any saved project.
    await page.getByTestId('project-open').click();
    await expect
      .poll(() => page.getByTestId('project-row').allInnerTexts())
      .toContainEqual(expect.stringContaining('durable-download'));
    await screenshot(page, 'durable-open-dialog');
  });
});
