// `npm run test:live`: "Explain Binary Cross Entropy" at a breakpoint, against real debuggers, in
// VS Code's Node extension host (code-server, installed by scripts/code-server-host.mjs). The
// packaged .vsix is installed beside a test-only extension (test/live/debugpy-adapter) that runs
// Debian's debugpy adapter, since the Python extension cannot be installed offline; JavaScript uses
// code-server's built-in js-debug. The workspace is test/live/fixtures: small real training steps
// (PyTorch, NumPy + scikit-learn, TF.js-style typed arrays) with a launch.json.
//
// For each fixture, in Debian's headless chromium, as a person would: open the script, F9 on its
// breakpoint line, "Debug: Select and Start Debugging" its configuration, wait for the pause, ask
// the debug console for the arrays (they must be the values the program wrote to its results
// file), put the cursor on the loss line and run the command from the palette. The walkthrough's
// loss (the panel's `.lw-answer`) must equal the program's own `loss.item()`, which the fixture
// wrote to a file before the breakpoint, to the dtype's precision; the panel must say where the
// numbers came from.
//
// Needs /usr/bin/python3 with debugpy, torch, numpy and sklearn (Debian: python3-debugpy
// python3-torch python3-numpy python3-sklearn); `npm test` skips this suite without them.
// Last line: `N passed, N failed`; a harness failure counts as one more failed check.
// `--screenshot` also writes the README's picture (docs/images/walkthrough-at-a-breakpoint.png).
/* global document -- the callbacks given to evaluate run in the page */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_ID, codeServerProfile, ensureCodeServer, extensionHostLog, openBrowser, outputChannelLog, serveCodeServer } from './code-server-host.mjs';
import { livePythonMissing, packageAdapterExtension } from './live-prerequisites.mjs';
import { formatBytes, packageVsix } from './package-vsix.mjs';
import { REPO_ROOT, requireChromium } from './vscode-web.mjs';
import { COMMAND_TITLE, createChecks, findPanelFrame, runCommandFromPalette, visibleErrors } from './workbench-steps.mjs';
import { FIXTURES_DIR, LIVE_CASES, fixtureLines, lossTolerance, readProgramResult } from './live-cases.mjs';
import { closeAllEditors, continueToEnd, evaluateInDebugConsole, goToLine, openInEditor, pausedFrame, startDebugging, toggleBreakpoint } from './live-steps.mjs';

const TIMEOUT_MS = Number(process.env.LW_LIVE_TIMEOUT_MS) || 10 * 60_000;
const RESULTS_DIR = join(REPO_ROOT, 'test-results');
const README_SCREENSHOT = join(REPO_ROOT, 'docs', 'images', 'walkthrough-at-a-breakpoint.png');
const ADAPTER_ID = 'loss-walkthrough-test.lw-live-debugpy-adapter';

const checks = createChecks({ suite: 'live', resultsDir: RESULTS_DIR });
const { check, finish } = checks;

process.on('unhandledRejection', (err) => {
  if (!checks.isFinished()) finish(`unexpected error: ${err instanceof Error ? err.message : err}`);
});

/** Every number in `text`, as written (no rounding on the way). */
function numbersIn(text) {
  return [...text.matchAll(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi)].map((m) => Number(m[0]));
}

/** Throws unless `actual` and `expected` (arrays of numbers) are equal element by element. */
function assertSameNumbers(actual, expected, what) {
  if (actual.length !== expected.length) throw new Error(`${what}: ${actual.length} numbers, the program wrote ${expected.length}`);
  const at = actual.findIndex((x, i) => x !== expected[i]);
  if (at >= 0) throw new Error(`${what}[${at}] is ${actual[at]}, the program wrote ${expected[at]}`);
}

/** The panel's whole text, once its answer line is there. */
/**
 * The text of the page's content. Not innerText: the cards and the sections after them are laid
 * out only near the view (content-visibility: auto), and innerText leaves out what is not laid out.
 */
async function panelText(frame) {
  await frame.waitForSelector('.lw-answer');
  return frame.evaluate(() => document.querySelector('.lw-content')?.textContent ?? '');
}

async function runCase(page, liveCase, workspace, resultsDir, screenshot) {
  const { name } = liveCase;
  const lines = fixtureLines(join(workspace, liveCase.file));

  const paused = await check(`${name}: the session pauses at the breakpoint (${liveCase.file}:${lines.breakpoint})`, async () => {
    await openInEditor(page, liveCase.file);
    await goToLine(page, lines.breakpoint);
    await toggleBreakpoint(page);
    await startDebugging(page, liveCase.config);
    const frame = await pausedFrame(page);
    if (!frame.includes(liveCase.file) || !frame.includes(`${lines.breakpoint}:`)) throw new Error(`the top stack frame is '${frame}'`);
  });
  if (!paused) {
    await continueToEnd(page).catch(() => {});
    await closeAllEditors(page).catch(() => {});
    return;
  }

  const program = await check(`${name}: the program wrote its loss before the breakpoint`, () => readProgramResult(resultsDir, liveCase.result));

  if (program) {
    for (const { expression, array } of liveCase.consoleChecks) {
      await check(`${name}: the debug console evaluates ${expression} to the program's values`, async () => {
        const answer = await evaluateInDebugConsole(page, expression);
        assertSameNumbers(numbersIn(answer), program.arrays[array], expression);
      });
    }
  }

  // From here on the checks are the feature's: the command at a breakpoint.
  const frame = await check(`${name}: "${COMMAND_TITLE}" with the cursor on the loss line (${lines.loss}) opens the walkthrough`, async () => {
    await page.locator('.tabs-container .tab', { hasText: liveCase.file }).first().click();
    await goToLine(page, lines.loss);
    await runCommandFromPalette(page, COMMAND_TITLE);
    return findPanelFrame(page);
  });
  if (frame && program) {
    const tolerance = lossTolerance(program);
    await check(`${name}: the walkthrough's loss equals the program's loss.item() ${program.loss} (${program.dtype}, within ${tolerance.describe})`, async () => {
      const answer = await frame.$eval('.lw-answer', (el) => el.textContent ?? '');
      const shown = numbersIn(answer);
      if (shown.length !== 1) throw new Error(`the answer line reads '${answer}'`);
      const diff = Math.abs(shown[0] - Number(program.loss));
      if (!(diff <= tolerance.absolute)) throw new Error(`the walkthrough says ${shown[0]}, the program ${program.loss}: off by ${diff.toExponential(2)} (${(diff / tolerance.ulp).toFixed(1)} ulp of ${program.dtype})`);
      console.log(`       walkthrough ${shown[0]}, program ${program.loss}, off by ${(diff / tolerance.ulp).toFixed(2)} ulp`);
    });
    await check(`${name}: the panel says where the numbers came from (${liveCase.file}, line ${lines.loss}, ${liveCase.expressions.join(', ')}, ${program.dtype})`, async () => {
      const text = await panelText(frame);
      const missing = [liveCase.file, String(lines.loss), ...liveCase.expressions, program.dtype].filter((s) => !text.includes(s));
      if (missing.length) throw new Error(`the panel does not mention ${missing.map((s) => `'${s}'`).join(', ')}`);
    });
    await check(`${name}: the panel puts the program's own loss beside the walkthrough's`, async () => {
      const text = await panelText(frame);
      const said = /your program\W{0,4}\s*(-?[\d.]+(?:e[-+]?\d+)?)/i.exec(text);
      if (!said) {
        const notes = await frame.$$eval('.lw-notes li', (els) => els.slice(0, 8).map((el) => el.textContent ?? ''));
        throw new Error(`the panel has no 'your program: <loss>'; its first notes: ${notes.join(' | ') || '(none)'}`);
      }
      const diff = Math.abs(Number(said[1]) - Number(program.loss));
      // The panel rounds to the precision setting (17 digits in the fixtures' workspace settings).
      if (!(diff <= tolerance.absolute)) throw new Error(`'your program: ${said[1]}', but the program wrote ${program.loss}`);
    });
    await check(`${name}: the panel shows no error`, async () => {
      const errors = await frame.$$eval('.lw-error', (els) => els.map((el) => el.textContent ?? ''));
      if (errors.length) throw new Error(errors.join(' | '));
    });
    if (screenshot) {
      await check(`${name}: screenshot`, async () => {
        await page.screenshot({ path: join(RESULTS_DIR, `live-${liveCase.result}.png`) });
        if (screenshot === 'readme') {
          mkdirSync(join(README_SCREENSHOT, '..'), { recursive: true });
          await page.screenshot({ path: README_SCREENSHOT });
        }
      });
    }
  }
  await check(`${name}: no error notification or dialog`, async () => {
    const errors = await visibleErrors(page);
    if (errors.length) throw new Error(errors.join(' | '));
  });
  await check(`${name}: Continue runs the program to its end`, () => continueToEnd(page));
  await closeAllEditors(page).catch(() => {});
}

async function main() {
  const started = Date.now();
  const missing = livePythonMissing();
  if (missing) throw new Error(missing);
  const executablePath = requireChromium();
  const { nodeBin, entry } = ensureCodeServer();
  const installSeconds = (Date.now() - started) / 1000;
  const timer = setTimeout(() => finish(`stopped after ${TIMEOUT_MS / 1000}s (LW_LIVE_TIMEOUT_MS changes the limit)`), TIMEOUT_MS);
  timer.unref();

  const scratch = mkdtempSync(join(tmpdir(), 'lw-live-'));
  checks.addCleanup(() => rmSync(scratch, { recursive: true, force: true }));
  mkdirSync(RESULTS_DIR, { recursive: true });
  // Screenshots of an earlier run would pass for this one's.
  for (const name of readdirSync(RESULTS_DIR)) if (/^live-.*\.png$/.test(name)) rmSync(join(RESULTS_DIR, name));

  const vsix = await check('npm run package makes the .vsix without warnings', () => {
    const packed = packageVsix(join(scratch, 'loss-walkthrough.vsix'));
    console.log(`       .vsix ${formatBytes(packed.vsixBytes)}`);
    if (packed.warnings.length) throw new Error(packed.warnings.join(' | '));
    return packed.vsixPath;
  });
  const adapter = await check('the test-only debugpy adapter extension packages', () => packageAdapterExtension(join(scratch, 'lw-live-debugpy-adapter.vsix')));
  if (!vsix || !adapter) return finish();

  const profile = codeServerProfile({ nodeBin, entry }, scratch);
  const installed = await check('code-server installs the .vsix and the debugpy adapter extension', () => {
    profile.install(vsix);
    profile.install(adapter);
    const dirs = readdirSync(profile.extensionsDir);
    for (const id of [EXTENSION_ID, ADAPTER_ID]) if (!dirs.some((d) => d.startsWith(`${id}-`))) throw new Error(`no ${id}-* folder in ${profile.extensionsDir}`);
  });
  if (!installed) return finish();

  const workspace = join(scratch, 'workspace');
  cpSync(FIXTURES_DIR, workspace, { recursive: true });
  const resultsDir = join(scratch, 'program-results');
  mkdirSync(resultsDir);
  // The fixtures write their results there (record.py, tfjs_style.js); the debuggees inherit it from the extension host.
  const { url } = await serveCodeServer(profile, workspace, checks.addCleanup, { ...process.env, LW_LIVE_RESULTS: resultsDir });
  const { page } = await openBrowser(executablePath, scratch, checks.addCleanup);
  checks.setPage(page);

  const workbenchUp = await check('workbench loads at vscode.localhost', async () => {
    await page.goto(url);
    await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible' });
  });
  if (!workbenchUp) return finish();

  const only = process.env.LW_LIVE_CASES?.split(',');
  const screenshot = process.argv.includes('--screenshot') ? 'readme' : 'results';
  for (const liveCase of LIVE_CASES) {
    if (only && !only.some((o) => liveCase.result.includes(o))) continue;
    await runCase(page, liveCase, workspace, resultsDir, liveCase === LIVE_CASES[0] ? screenshot : undefined);
  }

  // The extension reports an unexpected failure in its own output channel, not in the host's log.
  const channel = outputChannelLog(profile.userDataDir, 'Loss Walkthrough');
  if (/error|fail/i.test(channel)) console.log(`       the "Loss Walkthrough" output channel:\n${channel.trim().split('\n').slice(-30).map((l) => `       | ${l}`).join('\n')}`);
  await check('the Node extension host logged no error from the extension', () => {
    const errors = extensionHostLog(profile.userDataDir).filter((entry) => entry.includes('[error]') && entry.includes(EXTENSION_ID.split('.')[1]));
    if (errors.length) throw new Error(errors.join(' | ').replace(/\s+/g, ' ').slice(0, 500));
  });

  clearTimeout(timer);
  console.log(`code-server and Node 24 ready in ${installSeconds.toFixed(1)}s (install happens on the first run only)`);
  await finish();
}

main().catch((err) => finish(err instanceof Error ? err.message : String(err)));
