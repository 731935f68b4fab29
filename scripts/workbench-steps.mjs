// What a person does in a VS Code workbench, driven by playwright-core, and the little harness
// that turns each step into a named check. Shared by `npm run test:e2e` (VS Code for the web,
// web worker extension host) and `npm run test:vsix` (code-server, Node extension host, the
// packaged .vsix), so both walk the same steps and read the panel the same way.
/* global document -- the callbacks given to waitForFunction and $$eval run in the page */
import { join } from 'node:path';

export const COMMAND_TITLE = 'Loss Walkthrough: Explain Binary Cross Entropy';
export const EXAMPLE_FILE = 'article.py';
export const LABELS = ['car', 'cat', 'dog'];
export const EXPECTED_MEAN = '0.228393'; // seed article's example, in nats (loss-semantics.md)
// src/render/html.ts: one `section.lw-card` per derived element, headed `<label> (element n)`.
const CARD_SELECTOR = '.lw-card';
const PANEL_SELECTOR = '.lw-content';
export const STEP_TIMEOUT_MS = Number(process.env.LW_E2E_STEP_TIMEOUT_MS) || 60_000;

/**
 * Named checks with a `N passed, N failed` last line. `check(name, fn)` runs one step; a throw is
 * a failure with its message (and a screenshot of the page set with `setPage`). `finish()` runs
 * the cleanups in reverse order, prints the counts and exits; a harness error counts as one
 * more failure. `suite` names the run in its timing line and its screenshots.
 */
export function createChecks({ suite, resultsDir }) {
  const started = Date.now();
  const results = [];
  const cleanups = [];
  let activePage;
  let finished = false;

  function record(name, passed, detail = '') {
    results.push({ name, passed });
    console.log(`${passed ? '  ok  ' : '  FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
  }

  /** Returns the step's value (true if it has none), or undefined on failure. */
  async function check(name, fn) {
    try {
      const value = await fn();
      record(name, true);
      return value ?? true;
    } catch (err) {
      record(name, false, err instanceof Error ? err.message.split('\n')[0] : String(err));
      await activePage?.screenshot({ path: join(resultsDir, `${suite}-failed-${results.length}.png`) }).catch(() => {});
      return undefined;
    }
  }

  async function finish(harnessError) {
    if (finished) return;
    finished = true;
    if (harnessError) record('harness', false, harnessError);
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // Cleanup must not hide the result.
      }
    }
    const passed = results.filter((r) => r.passed).length;
    const failed = results.length - passed;
    console.log(`test:${suite} took ${((Date.now() - started) / 1000).toFixed(1)}s; screenshots in ${resultsDir}`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  }

  return {
    check,
    record,
    finish,
    isFinished: () => finished,
    addCleanup: (fn) => cleanups.push(fn),
    setPage: (page) => {
      activePage = page;
    },
  };
}

export async function runCommandFromPalette(page, title) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  const input = page.locator('.quick-input-widget input[type="text"]');
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first();
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    // The palette opens with '>' typed; the title follows it.
    await input.fill(`>${title}`);
    // The palette lists what is registered when it opens and does not refresh: an extension the
    // workbench is still loading (code-server on a busy machine) shows up on a later try.
    const listed = await row.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (listed || Date.now() > deadline) break;
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
  }
  await acceptQuickPickRow(page, title);
}

/** Enter on the row whose label is `label` (fuzzy matching may rank another row first; then arrow down to it). */
export async function acceptQuickPickRow(page, label) {
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.filter({ hasText: label }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const labels = await rows.evaluateAll((els) => els.map((el) => el.querySelector('.label-name')?.textContent ?? el.textContent ?? ''));
  const index = labels.findIndex((text) => text.trim() === label);
  if (index < 0) throw new Error(`no row labelled '${label}' among: ${labels.join(' | ')}`);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/** The webview's inner frame: the one whose document holds the panel's content. */
export async function findPanelFrame(page) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    // A command that fails says so at once; no need to wait out the timeout.
    const errors = await visibleErrors(page);
    if (errors.length) throw new Error(`error shown instead of the panel: ${errors.join(' | ')}`);
    for (const frame of page.frames()) {
      try {
        if (await frame.$(PANEL_SELECTOR)) return frame;
      } catch {
        // A frame being replaced mid-query: look again on the next round.
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no frame shows ${PANEL_SELECTOR} after ${STEP_TIMEOUT_MS / 1000}s`);
}

// Error toasts, and the modal dialog VS Code shows when a command throws.
const ERROR_UI_SELECTOR = [
  '.notifications-toasts .notification-toast:has(.codicon-error)',
  '.notifications-toasts .notification-toast:has(.codicon-notifications-error)',
  '.monaco-dialog-box:has(.codicon-dialog-error)',
].join(', ');

export async function visibleErrors(page) {
  const texts = await page.locator(ERROR_UI_SELECTOR).allInnerTexts();
  return texts.map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Gives the keyboard back to the example's editor (its tab, not its text: a click in the text would move the cursor and scroll). */
export async function focusExampleTab(page) {
  await page.locator('.tabs-container .tab', { hasText: EXAMPLE_FILE }).first().click();
}

/**
 * The steps a person takes, each a check: the workbench loads, the example opens from the
 * explorer, select all + the command opens the panel, then the panel is read. Returns false
 * when a step failed that the later ones need.
 */
export async function explainTheExample({ check }, page, url) {
  const workbenchUp = await check('workbench loads at vscode.localhost', async () => {
    await page.goto(url);
    await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible' });
  });
  if (!workbenchUp) return false;

  const opened = await check(`${EXAMPLE_FILE} opens from the explorer`, async () => {
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${EXAMPLE_FILE}"]`).first();
    if (!(await row.isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+E');
    await row.waitFor({ state: 'visible' });
    await row.click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'predictions' }).first().waitFor({ state: 'visible' });
  });
  if (!opened) return false;

  const panelFrame = await check(`"${COMMAND_TITLE}" opens the walkthrough panel`, async () => {
    await focusExampleTab(page);
    await page.keyboard.press('Control+A');
    await runCommandFromPalette(page, COMMAND_TITLE);
    return findPanelFrame(page);
  });

  if (panelFrame) {
    await check(`one derivation per label (${LABELS.length})`, async () => {
      // The first card comes with the page and the others follow by message: wait until the
      // page says none is pending (or the step times out), then count them.
      await panelFrame
        .waitForFunction(
          (selector) => document.querySelectorAll(selector).length > 0 && !document.querySelector('.lw-derivations[aria-busy="true"]'),
          CARD_SELECTOR,
        )
        .catch(() => undefined);
      const cards = await panelFrame.$$eval(CARD_SELECTOR, (els) =>
        els.map((el) => ({ heading: (el.querySelector('h1, h2, h3, h4')?.textContent ?? '').trim(), svgs: el.querySelectorAll('svg').length })),
      );
      if (cards.length !== LABELS.length) throw new Error(`${cards.length} cards, expected ${LABELS.length}`);
      cards.forEach((card, i) => {
        if (card.svgs === 0) throw new Error(`card ${i + 1} holds no rendered formula (svg)`);
        if (!card.heading.startsWith(`${LABELS[i]} `)) throw new Error(`card ${i + 1} is headed '${card.heading}', expected label '${LABELS[i]}'`);
      });
    });
    await check(`the mean ${EXPECTED_MEAN} is shown`, async () => {
      await panelFrame.waitForFunction((mean) => (document.body.textContent ?? '').includes(mean), EXPECTED_MEAN);
    });
    await check('the panel shows no error', async () => {
      const errors = await panelFrame.$$eval('.lw-error', (els) => els.map((el) => el.textContent ?? ''));
      if (errors.length) throw new Error(errors.join(' | '));
    });
  }

  await check('no error notification or dialog', async () => {
    const errors = await visibleErrors(page);
    if (errors.length) throw new Error(errors.join(' | '));
  });
  return true;
}
