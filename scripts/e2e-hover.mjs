// The hover, as a person meets it: the real mouse rests on the targets of the example, the
// editor's hover widget opens with the loss, the table and the formula image, and a theme change
// redraws the image in the new colour; its link opens the panel. Screenshots: test-results/hover.png,
// and hover-light.png or hover-dark.png after the switch.
// Called by scripts/test-e2e.mjs after the walkthrough steps; the example is already open.
/* global document, NodeFilter -- the callbacks given to evaluate and waitForFunction run in the page */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_FILE, EXPECTED_MEAN, STEP_TIMEOUT_MS, findPanelFrame, focusExampleTab, runCommandFromPalette } from './workbench-steps.mjs';

const TARGETS_LINE = 'targets = [1, 0, 1]';
const HOVER_SELECTOR = '.monaco-hover:not(.hidden)';
const FORMULA_IMAGE = 'img[src^="data:image/svg+xml"]';

/** Screen coordinates of the character at `column` of the editor line whose text is `lineText`. */
async function characterPoint(page, lineText, column) {
  const point = await page.evaluate(
    ({ lineText, column }) => {
      const line = [...document.querySelectorAll('.monaco-editor .view-lines .view-line')].find((el) => (el.textContent ?? '').replace(/\u00a0/g, ' ').startsWith(lineText));
      if (!line) return null;
      // Walk the line's text nodes to the character, and measure that one character.
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let left = column;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (left < length) {
          const range = document.createRange();
          range.setStart(node, left);
          range.setEnd(node, left + 1);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        left -= length;
      }
      return null;
    },
    { lineText, column },
  );
  if (!point) throw new Error(`line '${lineText}' is not on screen`);
  return point;
}

/** Brings the example's editor to the front, whatever earlier steps left open over it. */
async function showTheExample(page) {
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${EXAMPLE_FILE}"]`).first();
  if (await row.isVisible().catch(() => false)) await row.click();
  else await focusExampleTab(page);
  await page.locator('.monaco-editor .view-lines', { hasText: 'targets' }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/** Rests the mouse on the targets and returns the hover widget's formula image source. */
async function hoverTheTargets(page) {
  await showTheExample(page);
  // Away first, so the next rest opens a fresh hover.
  await page.mouse.move(5, 5);
  await page.locator(HOVER_SELECTOR).first().waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS }).catch(() => {});
  const { x, y } = await characterPoint(page, TARGETS_LINE, TARGETS_LINE.indexOf('0'));
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y, { steps: 3 });
  const hover = page.locator(HOVER_SELECTOR, { hasText: EXPECTED_MEAN }).first();
  await hover.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const image = hover.locator(FORMULA_IMAGE).first();
  await image.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  // Loaded and drawn, not a broken-image icon.
  await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await image.elementHandle(), { timeout: STEP_TIMEOUT_MS });
  return { hover, src: await image.getAttribute('src') };
}

/** Checks, each named: the hover shows the loss, the table and the image; a theme change redraws the image. */
export async function hoverOverTheExample({ check }, page, { resultsDir, selectColorTheme }) {
  for (const name of ['hover.png', 'hover-light.png', 'hover-dark.png']) if (existsSync(join(resultsDir, name))) rmSync(join(resultsDir, name));
  const dark = await check(`a mouse rest on the targets of ${EXAMPLE_FILE} shows the loss ${EXPECTED_MEAN}, its table and the formula image`, async () => {
    const shown = await hoverTheTargets(page);
    const text = (await shown.hover.innerText()).replace(/\s+/g, ' ');
    for (const expected of ['car', 'cat', 'dog', '0.223144', 'Open walkthrough']) {
      if (!text.includes(expected)) throw new Error(`the hover does not show '${expected}': ${text.slice(0, 300)}`);
    }
    await page.screenshot({ path: join(resultsDir, 'hover.png') });
    return shown.src;
  });
  if (!dark) return;
  await check('the hover\'s "Open walkthrough" link opens the panel with the same loss', async () => {
    // Close the panel the earlier steps opened, so the one that shows up is the link's.
    const panelTab = page.locator('.tabs-container .tab', { hasText: `BCE: ${EXAMPLE_FILE}` }).first();
    if (await panelTab.isVisible().catch(() => false)) {
      // Its tab, not its content: keys pressed in a webview stay in its frame.
      await panelTab.click();
      await runCommandFromPalette(page, 'View: Close Editor');
      await panelTab.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
    }
    const shown = await hoverTheTargets(page);
    await shown.hover.locator('a', { hasText: 'Open walkthrough' }).first().click();
    const frame = await findPanelFrame(page);
    await frame.waitForFunction((mean) => (document.body.textContent ?? '').includes(mean), EXPECTED_MEAN, { timeout: STEP_TIMEOUT_MS });
  });
  if (!selectColorTheme) return;
  await check('after a theme switch (light ↔ dark), the hover draws the formula again, in another colour', async () => {
    const light = await page.evaluate(() => document.querySelector('.monaco-workbench')?.classList.contains('vs') ?? false);
    await selectColorTheme(page, light ? 'Dark Modern' : 'Light Modern', !light);
    const shown = await hoverTheTargets(page);
    if (shown.src === dark) throw new Error('the same image as in the dark theme');
    await page.screenshot({ path: join(resultsDir, light ? 'hover-dark.png' : 'hover-light.png') });
  });
}
