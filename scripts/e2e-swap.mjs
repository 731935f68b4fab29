// Targets and predictions named the wrong way round, in the real panel: the warning is shown
// above the table, and one click on its "Swap targets and predictions" button redraws the panel
// with the two exchanged (the webview's swapRoles message, handled by the extension); "Undo the
// swap" puts them back. The example file is written into the test workspace before the
// workbench starts. Called by scripts/test-e2e.mjs after the other steps.
/* global document -- the callbacks given to evaluate run in the page */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_TITLE, STEP_TIMEOUT_MS, findPanelFrame, runCommandFromPalette } from './workbench-steps.mjs';

export const SWAPPED_FILE = 'swapped-roles.py';
/** By hand: read as written, 0.8 against 1 etc. cost 100·0.2, 100·0.3, 100·0.1 (logs clamped at -100), mean 20; swapped, the article's 0.228393. */
const FORCED = 'Loss L = 20.';
const SWAPPED = 'Loss L = 0.228393.';

export function writeSwappedExample(workspace) {
  const text = ['# The names say targets, the values say predictions.', 'targets = [0.8, 0.3, 0.9]', 'predictions = [1, 0, 1]', ''].join('\n');
  writeFileSync(join(workspace, SWAPPED_FILE), text);
}

/** The panel's frame once it shows `answer` (VS Code swaps the inner frame when the page is rewritten). */
async function frameWithAnswer(page, answer) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.evaluate((a) => document.querySelector('.lw-answer')?.textContent === a, answer)) return frame;
      } catch {
        // A frame being replaced mid-query: look again on the next round.
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no panel frame shows '${answer}' after ${STEP_TIMEOUT_MS / 1000}s`);
}

export async function swapButtonSwaps({ check }, page) {
  const frame = await check(`${SWAPPED_FILE}: the panel warns that the targets and predictions look swapped`, async () => {
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${SWAPPED_FILE}"]`).first();
    if (!(await row.isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+E');
    await row.waitFor({ state: 'visible' });
    await row.click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'predictions' }).first().waitFor({ state: 'visible' });
    await page.locator('.tabs-container .tab', { hasText: SWAPPED_FILE }).first().click();
    await page.keyboard.press('Control+A');
    await runCommandFromPalette(page, COMMAND_TITLE);
    await findPanelFrame(page);
    const shown = await frameWithAnswer(page, FORCED);
    const warning = await shown.evaluate(() => {
      const box = document.querySelector('.lw-summary .lw-warning[role="alert"]');
      return box ? { text: box.textContent ?? '', button: box.querySelector('button.lw-swap')?.textContent ?? null } : null;
    });
    if (!warning) throw new Error('no warning in the summary');
    if (!/look swapped.*0\.228393 instead of 20/.test(warning.text)) throw new Error(`the warning reads '${warning.text}'`);
    if (warning.button !== 'Swap targets and predictions') throw new Error(`the warning's button reads '${warning.button}'`);
    return shown;
  });
  if (!frame) return;

  const swapped = await check('one click on "Swap targets and predictions" redraws the panel with the two exchanged', async () => {
    await frame.locator('.lw-warning button.lw-swap').click();
    const after = await frameWithAnswer(page, SWAPPED);
    const state = await after.evaluate(() => ({
      warning: !!document.querySelector('.lw-warning'),
      firstTarget: document.querySelector('.lw-inputs tbody tr td')?.textContent ?? null,
      undo: document.querySelector('button.lw-swap')?.textContent ?? null,
    }));
    if (state.warning) throw new Error('the swapped walkthrough still warns');
    if (state.firstTarget !== '1') throw new Error(`the first target is '${state.firstTarget}', not the former prediction 1`);
    if (state.undo !== 'Undo the swap') throw new Error(`the button now reads '${state.undo}'`);
    return after;
  });
  if (!swapped) return;

  await check('"Undo the swap" puts the roles back, warning and all', async () => {
    await swapped.locator('button.lw-swap').click();
    const back = await frameWithAnswer(page, FORCED);
    if (!(await back.evaluate(() => !!document.querySelector('.lw-warning button.lw-swap')))) throw new Error('the warning and its button are not back');
  });
}
