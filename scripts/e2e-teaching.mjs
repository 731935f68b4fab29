// The "teaching depth" checks of `npm run test:e2e`, on the workbench that explainTheExample
// (workbench-steps.mjs) left with the article's walkthrough open: the panel's title bar actions
// (by mouse and keyboard),
// the Markdown export in VS Code's Markdown preview, the HTML export saved through the real
// save dialog and opened in Chromium on its own, a Get Started button, and heatmap cells.
// Screenshots: test-results/export-markdown.png, export-html.png, e2e-getstarted.png, e2e-heatmap.png.
/* global document -- the callbacks given to evaluate/waitForFunction run in the page */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, REPO_ROOT, requireChromium } from './vscode-web.mjs';
import { EXAMPLE_FILE, EXPECTED_MEAN, LABELS, STEP_TIMEOUT_MS, acceptQuickPickRow, findPanelFrame, focusExampleTab, runCommandFromPalette } from './workbench-steps.mjs';

const MARKDOWN_PREVIEW_COMMAND = 'Loss Walkthrough: Open Walkthrough as Markdown Preview';
const SAVE_HTML_COMMAND = 'Loss Walkthrough: Save Walkthrough as HTML...';
// src/extension/exports/saveLocation.ts: article.py → article.bce.html, in the document's folder.
const SAVED_HTML_NAME = 'article.bce.html';
const GET_STARTED_TITLE = 'Learn Binary Cross Entropy';
const OPEN_EXAMPLE_COMMAND = 'Loss Walkthrough: Open an Example...';

/** The frame whose document matches `predicate` (evaluated in each frame), within the step timeout. */
async function findFrame(page, predicate, what) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.evaluate(predicate)) return frame;
      } catch {
        // A frame being replaced mid-query: look again on the next round.
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no frame shows ${what} after ${STEP_TIMEOUT_MS / 1000}s`);
}

/** The title bar actions of the walkthrough panel: command title → codicon (package.json, `editor/title`). */
const TITLE_BAR_ACTIONS = [
  ['Copy Walkthrough as LaTeX', 'codicon-copy'],
  ['Save Walkthrough as HTML...', 'codicon-save-as'],
  ['Open Walkthrough as Markdown Preview', 'codicon-open-preview'],
];
/** In the title bar's "…" menu. */
const OVERFLOW_ACTIONS = ['Copy Walkthrough as Markdown', 'Save Walkthrough as Markdown...'];

/**
 * The panel's exports are in the editor's title bar, as the Markdown preview's are: icons for
 * the most used, the rest in the "…" menu; the page starts with the result. An icon is operated
 * by keyboard (focus, Enter) as by mouse.
 */
export async function panelByKeyboard({ check }, page) {
  await check('the panel\'s exports are title bar icons and "…" menu items; the page starts with the result', async () => {
    const frame = await findPanelFrame(page);
    const first = await frame.evaluate(() => {
      const content = document.querySelector('.lw-content');
      return { nav: document.querySelectorAll('nav, .lw-toolbar').length, first: content?.firstElementChild?.firstElementChild?.className ?? '' };
    });
    if (first.nav > 0) throw new Error('the page still has a toolbar');
    if (!first.first.includes('lw-summary')) throw new Error(`the page starts with '${first.first}', not the summary`);
    await page.locator('.tabs-container .tab', { hasText: `BCE: ${EXAMPLE_FILE}` }).first().click();
    const bar = page.locator('.editor-group-container.active .editor-actions');
    for (const [title, icon] of TITLE_BAR_ACTIONS) {
      const action = bar.locator(`.action-label[aria-label^="${title}"]`).first();
      await action.waitFor({ state: 'visible' });
      const cls = (await action.getAttribute('class')) ?? '';
      if (!cls.includes(icon)) throw new Error(`'${title}' is drawn as '${cls}', expected ${icon}`);
    }
    await bar.locator('.action-label.codicon-toolbar-more').first().click();
    const menu = page.locator('.monaco-menu');
    await menu.waitFor({ state: 'visible' });
    const items = (await menu.locator('.action-label').allInnerTexts()).map((t) => t.trim());
    for (const title of OVERFLOW_ACTIONS) if (!items.includes(title)) throw new Error(`the "…" menu lacks '${title}': ${items.join(' | ')}`);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
  });
  await check('a title bar icon works from the keyboard: Enter on "Save as HTML…" opens the save dialog', async () => {
    await page.locator('.tabs-container .tab', { hasText: `BCE: ${EXAMPLE_FILE}` }).first().click();
    const action = page.locator(`.editor-group-container.active .editor-actions .action-label[aria-label^="${TITLE_BAR_ACTIONS[1][0]}"]`).first();
    await action.focus();
    const focused = await action.evaluate((el) => el === document.activeElement);
    if (!focused) throw new Error('the icon does not take the keyboard focus');
    await page.keyboard.press('Enter');
    // The web workbench's save dialog is a quick input proposing the file name.
    const input = page.locator('.quick-input-widget input[type="text"]');
    await input.waitFor({ state: 'visible' });
    await page.waitForFunction(() => (document.querySelector('.quick-input-widget input[type="text"]')?.value ?? '').endsWith('.html'));
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden' });
  });
}

export async function markdownPreviewExport({ check }, page, resultsDir) {
  await check('"Open as Markdown Preview" renders the export, math included, in VS Code\'s preview', async () => {
    await focusExampleTab(page);
    await runCommandFromPalette(page, MARKDOWN_PREVIEW_COMMAND);
    const frame = await findFrame(
      page,
      () => !!document.querySelector('.vscode-body') && (document.body.textContent ?? '').includes('Binary cross entropy, step by step'),
      'the Markdown preview',
    );
    await frame.waitForFunction((mean) => (document.body.textContent ?? '').includes(mean) && document.querySelectorAll('.katex').length > 0, EXPECTED_MEAN);
    const headings = await frame.$$eval('h3', (els) => els.map((el) => (el.textContent ?? '').trim()));
    for (const label of LABELS) if (!headings.some((h) => h.startsWith(`${label} `))) throw new Error(`no heading for '${label}' among: ${headings.join(' | ')}`);
    const errors = await frame.$$eval('.katex-error', (els) => els.map((el) => el.getAttribute('title') ?? el.textContent ?? ''));
    if (errors.length) throw new Error(`KaTeX could not render: ${errors.join(' | ')}`);
    await page.screenshot({ path: join(resultsDir, 'export-markdown.png') });
  });
}

/**
 * Save as HTML through the save dialog, with the name and folder it proposes; the file appears
 * in the explorer. The workbench keeps what the web saves in memory, so the page opened in
 * Chromium is the same export (the same renderer and stylesheet) written by the CLI.
 */
export async function htmlExport({ check }, page, resultsDir) {
  await check('"Save as HTML…" saves the page under the name and in the folder the dialog proposes', async () => {
    await focusExampleTab(page);
    await runCommandFromPalette(page, SAVE_HTML_COMMAND);
    const input = page.locator('.quick-input-widget input[type="text"]');
    await input.waitFor({ state: 'visible' });
    // The dialog fills in its proposal a moment after it opens.
    const proposed = await input
      .evaluate((el, name) => new Promise((resolve) => {
        const started = Date.now();
        const poll = () => (el.value.endsWith(`/${name}`) || Date.now() - started > 10_000 ? resolve(el.value) : setTimeout(poll, 100));
        poll();
      }), SAVED_HTML_NAME);
    if (!proposed.endsWith(`/${SAVED_HTML_NAME}`)) throw new Error(`the dialog proposes '${proposed}'`);
    await page.keyboard.press('Enter');
    await page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${SAVED_HTML_NAME}"]`).first().waitFor({ state: 'visible' });
  });
  await check('the HTML export opens on its own in Chromium, equations drawn', async () => {
    const file = join(resultsDir, 'export.html');
    // Relative paths: the page is titled with the file name as given.
    const cli = spawnSync(process.execPath, ['dist/cli.js', 'examples/article.py', '--format', 'html'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (cli.status !== 0) throw new Error(`the CLI failed: ${cli.stderr}`);
    writeFileSync(file, cli.stdout);
    // Its own browser: a second tab in the workbench's browser would send the workbench to the
    // background, where Chromium holds back animation frames and later webviews stay blank.
    const browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS });
    try {
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(file).href);
      await tab.waitForFunction((mean) => (document.body.textContent ?? '').includes(mean), EXPECTED_MEAN);
      const cards = await tab.$$eval('.lw-card', (els) => els.map((el) => el.querySelectorAll('svg').length));
      if (cards.length !== LABELS.length || cards.some((n) => n === 0)) throw new Error(`cards with their svg counts: ${JSON.stringify(cards)}`);
      await tab.screenshot({ path: join(resultsDir, 'export-html.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
}

/** Opens the Get Started walkthrough, presses the logits step's button, and sees the panel and the step ticked. */
export async function getStartedWalkthrough({ check }, page, resultsDir) {
  await check(`Get Started "${GET_STARTED_TITLE}": a step's button explains its example and ticks the step`, async () => {
    await focusExampleTab(page);
    // Opened from the explorer, the example is a preview tab, which the Welcome page would replace.
    await page.locator('.tabs-container .tab', { hasText: EXAMPLE_FILE }).first().dblclick();
    await runCommandFromPalette(page, 'Welcome: Open Walkthrough...');
    await page.locator('.quick-input-widget input[type="text"]').fill(GET_STARTED_TITLE);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: GET_STARTED_TITLE }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    const step = page.locator('button.getting-started-step[data-step-id$="logits"]');
    await step.waitFor({ state: 'visible' });
    if ((await step.getAttribute('aria-checked')) === 'true') throw new Error('the logits step is ticked before it was done');
    await step.click();
    await page.locator('.getting-started-step .monaco-button', { hasText: 'Explain the logits example' }).first().click();
    // loss-semantics.md: logits [2, -1, 3], targets [1, 0, 1], mean 0.162926. The panel's page is
    // replaced for the new text: wait for the frame that shows it.
    await findFrame(page, () => !!document.querySelector('.lw-content') && (document.body.textContent ?? '').includes('0.162926'), 'the logits walkthrough');
    // The example opened over the Welcome page: bring it back to see the tick.
    await page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first().click();
    await page.waitForFunction(() => document.querySelector('button.getting-started-step[data-step-id$="logits"]')?.getAttribute('aria-checked') === 'true');
    await page.screenshot({ path: join(resultsDir, 'e2e-getstarted.png') });
  });
}

/** batch.py through "Open an Example...", then heatmap cells chosen by keyboard and by mouse, each showing its derivation. */
export async function heatmapCells({ check }, page, resultsDir) {
  await check('a heatmap cell chosen by keyboard (Enter) or mouse shows that element\'s derivation', async () => {
    await focusExampleTab(page);
    await runCommandFromPalette(page, OPEN_EXAMPLE_COMMAND);
    await acceptQuickPickRow(page, 'batch.py');
    const frame = await findFrame(page, () => !!document.querySelector('.lw-content .lw-heat-cell[data-index="1,2"]'), 'the batch heatmap');
    // By hand: sample 2, dog, y = 0, ŷ = 0.1 gives −ln 0.9 = 0.105361; sample 3, cat, y = 1, ŷ = 0.55 gives −ln 0.55 = 0.597837.
    const chosen = [
      { index: '1,2', label: 'dog', loss: '0.105361', how: 'keyboard' },
      { index: '2,1', label: 'cat', loss: '0.597837', how: 'mouse' },
    ];
    for (const { index, label, loss, how } of chosen) {
      const cell = frame.locator(`.lw-heat-cell[data-index="${index}"]`);
      if (how === 'keyboard') {
        await cell.focus();
        await page.keyboard.press('Enter');
      } else {
        await cell.click();
      }
      await frame.waitForFunction(
        ({ label, loss }) => {
          const card = document.querySelector('#lw-chosen .lw-card');
          const heading = card?.querySelector('h3')?.textContent ?? '';
          return !!card && heading.startsWith(`${label} `) && (card.textContent ?? '').includes(loss) && card.querySelectorAll('svg').length > 0;
        },
        { label, loss },
      );
      if ((await cell.getAttribute('aria-current')) !== 'true') throw new Error(`cell ${index} is not marked as the chosen one`);
    }
    await page.screenshot({ path: join(resultsDir, 'e2e-heatmap.png') });
  });
}
