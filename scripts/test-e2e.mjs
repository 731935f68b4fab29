// `npm run test:e2e`: what a person does, in a real VS Code for the web driven by Debian's
// headless chromium: open examples/article.py from the explorer, select everything, run
// "Loss Walkthrough: Explain Binary Cross Entropy" from the command palette, and read the
// panel's DOM (steps in workbench-steps.mjs); then the teaching checks (e2e-teaching.mjs:
// title bar, exports, Get Started). Screenshots in light, dark and high-contrast themes and of
// the exports go to test-results/; three of them become the README's images in docs/images/.
// Last line: `N passed, N failed` over the checks. A harness failure (server, browser,
// timeout) counts as one more failed check.
/* global document -- the callbacks given to waitForFunction run in the page */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, REPO_ROOT, findFreePort, requireChromium, startWorkbenchServer } from './vscode-web.mjs';
import { STEP_TIMEOUT_MS, acceptQuickPickRow, createChecks, explainTheExample, focusExampleTab, runCommandFromPalette } from './workbench-steps.mjs';
import { getStartedWalkthrough, heatmapCells, htmlExport, markdownPreviewExport, panelByKeyboard } from './e2e-teaching.mjs';
import { hoverOverTheExample } from './e2e-hover.mjs';
import { hostileLabelsShowAsText, writeHostileExample } from './e2e-hostile.mjs';
import { swapButtonSwaps, writeSwappedExample } from './e2e-swap.mjs';
import { softmaxPanelExports, softmaxPanelAfterReload, writeSoftmaxExample } from './e2e-softmax.mjs';

const TIMEOUT_MS = Number(process.env.LW_E2E_TIMEOUT_MS) || 5 * 60_000;
const RESULTS_DIR = join(REPO_ROOT, 'test-results');
// The README's pictures (panel, hover, heatmap) are this run's screenshots, so they show the
// extension as it is; committed, and left out of the .vsix (.vscodeignore, `npm run check:size`).
const README_IMAGES_DIR = join(REPO_ROOT, 'docs', 'images');

/** Copies this run's screenshot `shot` (in test-results/) to the README image `name`, if the step that takes it passed. */
function readmeImage(shot, name) {
  const from = join(RESULTS_DIR, shot);
  if (!existsSync(from)) return;
  mkdirSync(README_IMAGES_DIR, { recursive: true });
  copyFileSync(from, join(README_IMAGES_DIR, name));
}
// Only for working on the harness itself: another extension folder to load instead of the repo.
const extensionDevelopmentPath = process.env.LW_EXTENSION_DEVELOPMENT_PATH || REPO_ROOT;

const checks = createChecks({ suite: 'e2e', resultsDir: RESULTS_DIR });
const { check, finish } = checks;

/** `kind`: the class the workbench root carries for the theme ('vs', 'vs-dark', 'hc-black'); true and false mean 'vs' and 'vs-dark'. */
async function selectColorTheme(page, themeName, kind) {
  const rootClass = kind === true ? 'vs' : kind === false ? 'vs-dark' : kind;
  // Keys pressed while the webview has focus stay in its frame: give the focus back to the editor.
  await focusExampleTab(page);
  await runCommandFromPalette(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input[type="text"]');
  // The palette and the theme picker share one widget: text typed before the picker has replaced
  // the palette's list is lost with it (CI saw this once). Wait for the picker's own placeholder,
  // and type again if the row still does not show.
  await page.waitForFunction(
    () => document.querySelector('.quick-input-widget input[type="text"]')?.getAttribute('placeholder')?.startsWith('Select Color Theme'),
    undefined,
    { timeout: STEP_TIMEOUT_MS },
  );
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: themeName }).first();
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    await input.fill(themeName);
    if (await row.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) break;
    if (Date.now() > deadline) throw new Error(`the theme picker shows no row '${themeName}'`);
  }
  await acceptQuickPickRow(page, themeName);
  // Wait until the workbench root says the theme kind that was asked for.
  await page.waitForFunction(
    (kind) => {
      const root = document.querySelector('.monaco-workbench');
      return !!root && root.classList.contains(kind);
    },
    rootClass,
    { timeout: STEP_TIMEOUT_MS },
  );
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

process.on('unhandledRejection', (err) => {
  if (!checks.isFinished()) finish(`unexpected error: ${err instanceof Error ? err.message : err}`);
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
  checks.addCleanup(() => rmSync(workspace, { recursive: true, force: true }));
  cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  writeHostileExample(workspace);
  writeSwappedExample(workspace);
  writeSoftmaxExample(workspace);

  const server = await startWorkbenchServer({ port: await findFreePort(), folderPath: workspace, extensionDevelopmentPath });
  checks.addCleanup(() => server.close());

  const profile = mkdtempSync(join(tmpdir(), 'lw-e2e-chromium-'));
  checks.addCleanup(() => rmSync(profile, { recursive: true, force: true }));
  // A persistent context: in an incognito-like one the webview's service worker is refused.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  checks.addCleanup(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  mkdirSync(RESULTS_DIR, { recursive: true });
  // Screenshots of an earlier run would pass for this one's.
  for (const name of readdirSync(RESULTS_DIR)) if (/^(e2e|export)-.*\.png$/.test(name)) rmSync(join(RESULTS_DIR, name));
  checks.setPage(page);

  if (!(await explainTheExample(checks, page, server.url))) return finish();
  // The README's picture of the panel: the example and its walkthrough, before later steps add tabs.
  await check('screenshot, the panel beside the example', async () => {
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(RESULTS_DIR, 'e2e-panel.png') });
  });
  readmeImage('e2e-panel.png', 'panel.png');

  // A modal dialog left open would block the theme switch below; its failure is already recorded.
  if (await page.locator('.monaco-dialog-box').isVisible().catch(() => false)) await page.keyboard.press('Escape');

  await panelByKeyboard(checks, page);
  await markdownPreviewExport(checks, page, RESULTS_DIR);
  await htmlExport(checks, page, RESULTS_DIR);
  await getStartedWalkthrough(checks, page, RESULTS_DIR);
  await heatmapCells(checks, page, RESULTS_DIR);
  readmeImage('e2e-heatmap.png', 'heatmap.png');

  await check('screenshot, light theme', async () => {
    await selectColorTheme(page, 'Light Modern', 'vs');
    await page.waitForTimeout(500); // let the webview repaint with the new theme variables
    await page.screenshot({ path: join(RESULTS_DIR, 'e2e-light.png') });
  });
  await check('screenshot, dark theme', async () => {
    await selectColorTheme(page, 'Dark Modern', 'vs-dark');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(RESULTS_DIR, 'e2e-dark.png') });
  });
  await check('screenshot, high contrast theme', async () => {
    await selectColorTheme(page, 'Dark High Contrast', 'hc-black');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(RESULTS_DIR, 'e2e-hc.png') });
  });

  await hoverOverTheExample(checks, page, { resultsDir: RESULTS_DIR, selectColorTheme });
  // Taken after the theme switch, in the light theme as the panel's picture is.
  readmeImage('hover-light.png', 'hover.png');
  await hostileLabelsShowAsText(checks, page);
  await swapButtonSwaps(checks, page);
  await softmaxPanelExports(checks, page);
  await softmaxPanelAfterReload(checks, page);

  clearTimeout(timer);
  await finish();
}

main().catch((err) => finish(err instanceof Error ? err.message : String(err)));
