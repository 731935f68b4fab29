// `npm run test:e2e`: what a person does, in a real VS Code for the web driven by Debian's
// headless chromium: open examples/article.py from the explorer, select everything, run
// "Loss Walkthrough: Explain Binary Cross Entropy" from the command palette, and read the
// panel's DOM. Screenshots in light and dark themes go to test-results/.
// Last line: `N passed, N failed` over the checks below. A harness failure (server, browser,
// timeout) counts as one more failed check.
/* global document -- the callbacks given to waitForFunction and $$eval run in the page */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, REPO_ROOT, findFreePort, requireChromium, startWorkbenchServer } from './vscode-web.mjs';

const COMMAND_TITLE = 'Loss Walkthrough: Explain Binary Cross Entropy';
const EXAMPLE_FILE = 'article.py';
const LABELS = ['car', 'cat', 'dog'];
const EXPECTED_MEAN = '0.228393'; // seed article's example, in nats (loss-semantics.md)
// src/render/html.ts: one `section.lw-card` per derived element, headed `<label> (element n)`.
const CARD_SELECTOR = '.lw-card';
const PANEL_SELECTOR = '.lw-content';
const TIMEOUT_MS = Number(process.env.LW_E2E_TIMEOUT_MS) || 5 * 60_000;
const STEP_TIMEOUT_MS = Number(process.env.LW_E2E_STEP_TIMEOUT_MS) || 60_000;
const RESULTS_DIR = join(REPO_ROOT, 'test-results');
// Only for working on the harness itself: another extension folder to load instead of the repo.
const extensionDevelopmentPath = process.env.LW_EXTENSION_DEVELOPMENT_PATH || REPO_ROOT;

const started = Date.now();
const results = [];
const cleanups = [];
let activePage; // for a screenshot of what a failed check left on screen

function record(name, passed, detail = '') {
  results.push({ name, passed });
  console.log(`${passed ? '  ok  ' : '  FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}

/** Runs one check; a throw is a failure with its message. Returns the step's value (true if it has none), or undefined on failure. */
async function check(name, fn) {
  try {
    const value = await fn();
    record(name, true);
    return value ?? true;
  } catch (err) {
    record(name, false, err instanceof Error ? err.message.split('\n')[0] : String(err));
    await activePage?.screenshot({ path: join(RESULTS_DIR, `e2e-failed-${results.length}.png`) }).catch(() => {});
    return undefined;
  }
}

let finished = false;
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
  console.log(`test:e2e took ${((Date.now() - started) / 1000).toFixed(1)}s; screenshots in ${RESULTS_DIR}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

async function runCommandFromPalette(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  // The palette opens with '>' typed; the title follows it.
  await input.fill(`>${title}`);
  await acceptQuickPickRow(page, title);
}

/** Enter on the row whose label is `label` (fuzzy matching may rank another row first; then arrow down to it). */
async function acceptQuickPickRow(page, label) {
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.filter({ hasText: label }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const labels = await rows.evaluateAll((els) => els.map((el) => el.querySelector('.label-name')?.textContent ?? el.textContent ?? ''));
  const index = labels.findIndex((text) => text.trim() === label);
  if (index < 0) throw new Error(`no row labelled '${label}' among: ${labels.join(' | ')}`);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/** The webview's inner frame: the one whose document holds the panel's content. */
async function findPanelFrame(page) {
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

async function visibleErrors(page) {
  const texts = await page.locator(ERROR_UI_SELECTOR).allInnerTexts();
  return texts.map((t) => t.replace(/\s+/g, ' ').trim());
}

async function selectColorTheme(page, themeName, expectLight) {
  // Keys pressed while the webview has focus stay in its frame: give the focus back to the editor.
  // (Its tab, not its text: a click in the text would move the cursor and scroll.)
  await page.locator('.tabs-container .tab', { hasText: EXAMPLE_FILE }).first().click();
  await runCommandFromPalette(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input[type="text"]').fill(themeName);
  await acceptQuickPickRow(page, themeName);
  // The workbench root carries 'vs' (light) or 'vs-dark'; wait until it says what was asked.
  await page.waitForFunction(
    (light) => {
      const root = document.querySelector('.monaco-workbench');
      return !!root && root.classList.contains(light ? 'vs' : 'vs-dark');
    },
    expectLight,
    { timeout: STEP_TIMEOUT_MS },
  );
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

process.on('unhandledRejection', (err) => {
  if (!finished) finish(`unexpected error: ${err instanceof Error ? err.message : err}`);
});

async function main() {
  const executablePath = requireChromium();
  const timer = setTimeout(() => finish(`stopped after ${TIMEOUT_MS / 1000}s (LW_E2E_TIMEOUT_MS changes the limit)`), TIMEOUT_MS);
  timer.unref();

  if (extensionDevelopmentPath === REPO_ROOT) {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) return finish('building the extension (node esbuild.js) failed');
  }

  // The run may write into its workspace; examples/ stays as committed.
  const workspace = mkdtempSync(join(tmpdir(), 'lw-e2e-workspace-'));
  cleanups.push(() => rmSync(workspace, { recursive: true, force: true }));
  cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });

  const server = await startWorkbenchServer({ port: await findFreePort(), folderPath: workspace, extensionDevelopmentPath });
  cleanups.push(() => server.close());

  const profile = mkdtempSync(join(tmpdir(), 'lw-e2e-chromium-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  // A persistent context: in an incognito-like one the webview's service worker is refused.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  cleanups.push(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  mkdirSync(RESULTS_DIR, { recursive: true });
  // Screenshots of an earlier run would pass for this one's.
  for (const name of readdirSync(RESULTS_DIR)) if (/^e2e-.*\.png$/.test(name)) rmSync(join(RESULTS_DIR, name));
  activePage = page;

  const workbenchUp = await check('workbench loads at vscode.localhost', async () => {
    await page.goto(server.url);
    await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible' });
  });
  if (!workbenchUp) return finish();

  const opened = await check(`${EXAMPLE_FILE} opens from the explorer`, async () => {
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${EXAMPLE_FILE}"]`).first();
    if (!(await row.isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+E');
    await row.waitFor({ state: 'visible' });
    await row.click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'predictions' }).first().waitFor({ state: 'visible' });
  });
  if (!opened) return finish();

  const panelFrame = await check(`"${COMMAND_TITLE}" opens the walkthrough panel`, async () => {
    // (Its tab, not its text: a click in the text would move the cursor and scroll.)
  await page.locator('.tabs-container .tab', { hasText: EXAMPLE_FILE }).first().click();
    await page.keyboard.press('Control+A');
    await runCommandFromPalette(page, COMMAND_TITLE);
    return findPanelFrame(page);
  });

  if (panelFrame) {
    await check(`one derivation per label (${LABELS.length})`, async () => {
      // Rendering may still be streaming in: wait for the cards, then count them.
      await panelFrame.waitForFunction((selector) => document.querySelectorAll(selector).length > 0, CARD_SELECTOR);
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
  // A modal dialog left open would block the theme switch below; its failure is recorded above.
  if (await page.locator('.monaco-dialog-box').isVisible().catch(() => false)) await page.keyboard.press('Escape');

  await check('screenshot, light theme', async () => {
    await selectColorTheme(page, 'Light Modern', true);
    await page.waitForTimeout(500); // let the webview repaint with the new theme variables
    await page.screenshot({ path: join(RESULTS_DIR, 'e2e-light.png') });
  });
  await check('screenshot, dark theme', async () => {
    await selectColorTheme(page, 'Dark Modern', false);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(RESULTS_DIR, 'e2e-dark.png') });
  });

  clearTimeout(timer);
  await finish();
}

main().catch((err) => finish(err instanceof Error ? err.message : String(err)));
