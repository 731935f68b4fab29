// What a person does with a debugger in the workbench, driven by playwright-core: open a file,
// go to a line, toggle a breakpoint, start a launch configuration, read the paused frame, ask the
// debug console, stop. Used by `npm run test:live` and the breakpoint bench.
/* global document -- the callbacks given to waitForFunction and evaluateAll run in the page */
import { STEP_TIMEOUT_MS, acceptQuickPickRow, runCommandFromPalette } from './workbench-steps.mjs';

/**
 * Opens `file` (a name at the workspace root) and waits for its editor: from the explorer when it
 * shows, else by Quick Open (the palette without its '>'), which works whatever has the focus.
 */
export async function openInEditor(page, file) {
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${file}"]`).first();
  if (await row.isVisible().catch(() => false)) {
    await row.click();
  } else {
    const input = page.locator('.quick-input-widget input[type="text"]');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill(file);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: file }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
  }
  await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor({ state: 'visible' });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

/** Moves the cursor of the active editor to the start of `line` (1-based) with "Go to Line". */
export async function goToLine(page, line) {
  const editor = page.locator('.editor-group-container.active .monaco-editor textarea.inputarea, .editor-group-container.active .monaco-editor .native-edit-context').first();
  await editor.focus();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  const status = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
  await status.filter({ hasText: `Ln ${line},` }).waitFor({ state: 'visible' });
}

/**
 * F9 on the cursor's line, until the breakpoint's glyph shows. The workbench ignores F9 in a
 * language no debugger has claimed yet, and a debugger's contributions may arrive after the
 * editor opens (code-server reads them from the Node host), so an F9 without a glyph is repeated.
 */
export async function toggleBreakpoint(page) {
  // The glyph margin's decorations (.glyph-margin-widgets in recent workbenches).
  const glyphs = page.locator('.editor-group-container.active .monaco-editor .codicon-debug-breakpoint');
  const before = await glyphs.count();
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await page.keyboard.press('F9');
    const shown = await page
      .waitForFunction(([s, n]) => document.querySelectorAll(s).length > n, ['.editor-group-container.active .monaco-editor .codicon-debug-breakpoint', before], { timeout: 3_000 })
      .then(() => true, () => false);
    if (shown) return;
  }
  throw new Error(`F9 set no breakpoint within ${STEP_TIMEOUT_MS / 1000}s`);
}

/** "Debug: Select and Start Debugging", then the launch configuration named `config`. */
export async function startDebugging(page, config) {
  await runCommandFromPalette(page, 'Debug: Select and Start Debugging');
  await acceptQuickPickRow(page, config);
}

/**
 * Waits until the Run and Debug view says a thread is paused on a breakpoint (in the call stack's
 * header with one thread, on the thread's row with several); returns the text of the top stack
 * frame (function, file name and `line:column`).
 */
export async function pausedFrame(page) {
  const sidebar = page.locator('.part.sidebar');
  if (!(await sidebar.locator('.debug-call-stack').isVisible().catch(() => false))) await runCommandFromPalette(page, 'Run and Debug: Focus on Call Stack View');
  await sidebar.getByText(/paused on breakpoint/i).first().waitFor({ state: 'visible', timeout: 2 * STEP_TIMEOUT_MS });
  const frame = sidebar.locator('.debug-call-stack .monaco-list-row .stack-frame').first();
  await frame.waitFor({ state: 'visible' });
  return (await frame.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Types `expression` into the debug console and returns the text of the answer (the console's
 * last row once one more row than before shows).
 */
export async function evaluateInDebugConsole(page, expression) {
  const repl = page.locator('.repl');
  if (!(await repl.isVisible().catch(() => false))) await runCommandFromPalette(page, 'Debug Console: Focus on Debug Console View');
  const rows = page.locator('.repl .monaco-list-row');
  const before = await rows.count();
  const input = page.locator('.repl-input-wrapper .monaco-editor').first();
  await input.click();
  // insertText: typed brackets and quotes would be closed a second time by the input's editor.
  await page.keyboard.insertText(expression);
  await page.keyboard.press('Enter');
  // The console echoes the expression, then its answer.
  await page.waitForFunction(([n]) => document.querySelectorAll('.repl .monaco-list-row').length >= n + 2, [before]);
  const texts = await rows.evaluateAll((els) =>
    els
      .map((el) => ({ index: Number(el.getAttribute('data-index')), text: el.textContent ?? '' }))
      .sort((a, b) => a.index - b.index)
      .map((r) => r.text),
  );
  return texts.at(-1) ?? '';
}

/**
 * Lets the program run to its end (Continue on the debug toolbar) and waits for the session to
 * close: the fixtures finish their training step, so this also shows the program ran on
 * unharmed after the walkthrough read its values. Stops the session if it has not ended in time.
 */
export async function continueToEnd(page) {
  const toolbar = page.locator('.debug-toolbar');
  if (!(await toolbar.isVisible().catch(() => false))) return;
  await toolbar.locator('.action-label.codicon-debug-continue').click();
  const ended = await toolbar.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS }).then(() => true, () => false);
  if (ended) return;
  await toolbar.locator('.action-label.codicon-debug-stop').click();
  throw new Error(`the program did not run to its end within ${STEP_TIMEOUT_MS / 1000}s of Continue; stopped it`);
}

/** "View: Close All Editors" (the walkthrough panel too), so the next case's panel is a new one. */
export async function closeAllEditors(page) {
  await runCommandFromPalette(page, 'View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
}
