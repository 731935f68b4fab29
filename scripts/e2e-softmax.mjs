// The Softmax CE panel in the real workbench: its page (one button, with text; headings that go
// down one level at a time; tables with captions and scoped headers), and the exports in its
// editor title bar, the same icons as the BCE panel's, acting on its own walkthrough: a click on
// "Open as Markdown Preview" shows the softmax walkthrough in VS Code's preview. The
// example file is written into the test workspace before the workbench starts. Called by
// scripts/test-e2e.mjs after the other steps.
/* global document -- the callbacks given to evaluate run in the page */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STEP_TIMEOUT_MS, runCommandFromPalette } from './workbench-steps.mjs';

export const SOFTMAX_FILE = 'softmax-batch.py';
const SOFTMAX_COMMAND = 'Loss Walkthrough: Explain Softmax Cross Entropy';
// torch.nn.CrossEntropyLoss()(logits, y) = 2.056983709335327 (test/core/softmax/goldens.py, PyTorch 1.13).
const ANSWER = 'Softmax cross entropy (mean) = 2.05698';
/** The title bar's icons (package.json `editor/title`), as on the BCE panel (e2e-teaching.mjs). */
const TITLE_BAR_ACTIONS = [
  ['Copy Walkthrough as LaTeX', 'codicon-copy'],
  ['Save Walkthrough as HTML...', 'codicon-save-as'],
  ['Open Walkthrough as Markdown Preview', 'codicon-open-preview'],
];
const OVERFLOW_ACTIONS = ['Copy Walkthrough as Markdown', 'Save Walkthrough as Markdown...'];

export function writeSoftmaxExample(workspace) {
  const text = ['y = [0, 2, 1, 2]', 'logits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-1.2, 0.3, 3.3], [0.0, 0.0, 0.0]]', ''].join('\n');
  writeFileSync(join(workspace, SOFTMAX_FILE), text);
}

/** The frame for which `predicate(arg)` (evaluated in each frame) holds, within the step timeout. */
async function findFrame(page, predicate, arg, what) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.evaluate(predicate, arg)) return frame;
      } catch {
        // A frame being replaced mid-query: look again on the next round.
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no frame shows ${what} after ${STEP_TIMEOUT_MS / 1000}s`);
}

export async function softmaxPanelExports({ check }, page) {
  const shown = await check(`${SOFTMAX_FILE}: "Explain Softmax Cross Entropy" opens its panel; the page has one button, headings in order, captioned tables`, async () => {
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${SOFTMAX_FILE}"]`).first();
    if (!(await row.isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+E');
    await row.waitFor({ state: 'visible' });
    await row.click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'logits' }).first().waitFor({ state: 'visible' });
    await page.locator('.tabs-container .tab', { hasText: SOFTMAX_FILE }).first().click();
    await page.keyboard.press('Control+A');
    await runCommandFromPalette(page, SOFTMAX_COMMAND);
    const frame = await findFrame(page, (a) => document.querySelector('.lw-answer')?.textContent === a, ANSWER, `'${ANSWER}'`);
    const found = await frame.evaluate(() => ({
      buttons: [...document.querySelectorAll('button')].map((b) => ({ message: b.getAttribute('data-message'), text: (b.textContent ?? '').trim() })),
      levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName.slice(1))),
      tables: [...document.querySelectorAll('table')].map((t) => (t.querySelector(':scope > caption')?.textContent ?? '').trim()),
      unscoped: [...document.querySelectorAll('th')].filter((th) => !['col', 'row'].includes(th.getAttribute('scope') ?? '')).length,
      unnamedSections: [...document.querySelectorAll('section')].filter((s) => !document.getElementById(s.getAttribute('aria-labelledby') ?? '')).length,
    }));
    if (found.buttons.length !== 1 || found.buttons[0].message !== 'explainAsBce' || !found.buttons[0].text.startsWith('Explain as Binary Cross Entropy')) {
      throw new Error(`the page's buttons: ${JSON.stringify(found.buttons)}`);
    }
    if (found.levels[0] !== 2) throw new Error(`the first heading is h${found.levels[0]}`);
    for (let i = 1; i < found.levels.length; i++) if (found.levels[i] > found.levels[i - 1] + 1) throw new Error(`h${found.levels[i - 1]} then h${found.levels[i]}`);
    if (found.tables.length < 2 || found.tables.some((c) => c === '')) throw new Error(`table captions: ${JSON.stringify(found.tables)}`);
    if (found.unscoped > 0) throw new Error(`${found.unscoped} header cells without a scope`);
    if (found.unnamedSections > 0) throw new Error(`${found.unnamedSections} sections not named by a heading`);
    return frame;
  });
  if (!shown) return;

  const bar = page.locator('.editor-group-container.active .editor-actions');
  const titleBar = await check('with the BCE panel closed, the Softmax CE panel has the exports in its title bar, enabled, icons and "…" menu items', async () => {
    // Closing one loss's panel leaves the other's exports enabled (the panelOpen context key).
    const bceTab = page.locator('.tabs-container .tab', { hasText: 'BCE: ' });
    // A middle click on its tab, as a person closes a tab: keys pressed while a webview has the focus stay in its frame.
    for (let tries = 0; (await bceTab.count()) > 0; tries++) {
      if (tries > 10) throw new Error('the BCE panel does not close');
      await bceTab.first().click({ button: 'middle' });
      await page.waitForTimeout(500);
    }
    await page.locator('.tabs-container .tab', { hasText: `Softmax CE: ${SOFTMAX_FILE}` }).first().click();
    for (const [title, icon] of TITLE_BAR_ACTIONS) {
      const action = bar.locator(`.action-label[aria-label^="${title}"]`).first();
      await action.waitFor({ state: 'visible' });
      const cls = (await action.getAttribute('class')) ?? '';
      if (!cls.includes(icon)) throw new Error(`'${title}' is drawn as '${cls}', expected ${icon}`);
      if (cls.includes('disabled')) throw new Error(`'${title}' is disabled`);
    }
    await bar.locator('.action-label.codicon-toolbar-more').first().click();
    const menu = page.locator('.monaco-menu');
    await menu.waitFor({ state: 'visible' });
    const items = (await menu.locator('.action-label').allInnerTexts()).map((t) => t.trim());
    for (const title of OVERFLOW_ACTIONS) if (!items.includes(title)) throw new Error(`the "…" menu lacks '${title}': ${items.join(' | ')}`);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
  });
  if (!titleBar) return;

  await check('its title bar\'s "Open as Markdown Preview" shows the softmax walkthrough in VS Code\'s preview', async () => {
    await page.locator('.tabs-container .tab', { hasText: `Softmax CE: ${SOFTMAX_FILE}` }).first().click();
    await bar.locator(`.action-label[aria-label^="${TITLE_BAR_ACTIONS[2][0]}"]`).first().click();
    const frame = await findFrame(
      page,
      (a) => !!document.querySelector('.vscode-body') && (document.body.textContent ?? '').includes('Softmax cross entropy walkthrough') && (document.body.textContent ?? '').includes(a),
      ANSWER,
      'the softmax walkthrough in the Markdown preview',
    );
    await frame.waitForFunction(() => document.querySelectorAll('.katex').length > 0);
    const headings = await frame.$$eval('h3', (els) => els.map((el) => (el.textContent ?? '').trim()));
    for (const n of [0, 1, 2, 3]) if (!headings.some((h) => h.startsWith(`Sample ${n} `))) throw new Error(`no heading for sample ${n} among: ${headings.join(' | ')}`);
    const errors = await frame.$$eval('.katex-error', (els) => els.map((el) => el.getAttribute('title') ?? el.textContent ?? ''));
    if (errors.length) throw new Error(`KaTeX could not render: ${errors.join(' | ')}`);
  });
}

/**
 * After a window reload the Softmax CE panel comes back with its walkthrough: VS Code restores
 * its tab and hands the state its page saved to the extension's serializer. Run last: it reloads.
 */
export async function softmaxPanelAfterReload({ check }, page) {
  await check('after the window reloads, the Softmax CE panel comes back with its walkthrough', async () => {
    const tab = page.locator('.tabs-container .tab', { hasText: `Softmax CE: ${SOFTMAX_FILE}` }).first();
    await tab.waitFor({ state: 'visible' });
    await tab.click();
    await findFrame(page, (a) => document.querySelector('.lw-answer')?.textContent === a, ANSWER, `'${ANSWER}' before the reload`);
    // As a person reloads: VS Code stores the editors and the webviews' states, then loads again.
    // (Reloading the browser page would not wait for that store.) A text editor has the focus
    // first: keys pressed while a webview has it stay in its frame.
    await page.locator('.tabs-container .tab', { hasText: SOFTMAX_FILE }).filter({ hasNotText: 'Softmax CE' }).first().click();
    const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: STEP_TIMEOUT_MS });
    await runCommandFromPalette(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible' });
    const restored = page.locator('.tabs-container .tab', { hasText: `Softmax CE: ${SOFTMAX_FILE}` }).first();
    await restored.waitFor({ state: 'visible' });
    await restored.click();
    await findFrame(page, (a) => document.querySelector('.lw-answer')?.textContent === a, ANSWER, `'${ANSWER}' after the reload`);
  });
}
