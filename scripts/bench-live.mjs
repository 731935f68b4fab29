// `npm run bench:live` (and the end of `npm run bench`). LW_BENCH_LIVE_RUNS sets the runs per
// side (3); LW_BENCH_LIVE_DUMP=<dir> keeps each timed page's HTML there.
//
// How long "Explain Binary Cross Entropy" takes at a breakpoint, from the
// Enter that runs it in the palette to the panel's page showing the loss, with 10,000 and with
// 1,000,000 numbers; beside the same walkthrough from a selection of the same numbers in an editor,
// timed the same way in the same run (the baseline: everything but reading through the debugger).
// The packaged .vsix in code-server with Debian's debugpy (the set-up of test:live). Asserts
// nothing; prints a table, each page's creation and first paint on the way, the extension's own
// log of where each live explanation's time went, and writes bench/results-live.json.
/* global document, performance -- the callbacks given to evaluate run in the page */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerProfile, ensureCodeServer, openBrowser, outputChannelLog, serveCodeServer } from './code-server-host.mjs';
import { livePythonMissing, packageAdapterExtension } from './live-prerequisites.mjs';
import { continueToEnd, goToLine, pausedFrame, startDebugging, toggleBreakpoint } from './live-steps.mjs';
import { packageVsix } from './package-vsix.mjs';
import { REPO_ROOT, requireChromium } from './vscode-web.mjs';
import { COMMAND_TITLE, STEP_TIMEOUT_MS } from './workbench-steps.mjs';

const RUNS = Number(process.env.LW_BENCH_LIVE_RUNS) || 3;
const GOAL_10K_MS = 1000;
const SIZES = [
  { name: '10,000 numbers', half: 5_000, tag: '10k' },
  { name: '1,000,000 numbers', half: 500_000, tag: '1m' },
];

// One program holds both sizes. The numbers are made here and written twice before the workbench
// starts: as JSON the program loads into float32 tensors, and as the selection the baseline
// explains (the same float32 values, so both sides compute the same loss).
const PROGRAM = `"""Bench: BCELoss on 10,000 and on 1,000,000 float32 numbers (half targets, half probabilities)."""
import json
import torch
from torch import nn

criterion = nn.BCELoss()
${SIZES.map(
  ({ tag }) => `with open("data_${tag}.json") as f:
    data_${tag} = json.load(f)
labels_${tag} = torch.tensor(data_${tag}["targets"], dtype=torch.float32)
probabilities_${tag} = torch.tensor(data_${tag}["predictions"], dtype=torch.float32)
loss_${tag} = criterion(probabilities_${tag}, labels_${tag})`,
).join('\n')}
print("done")  # live: breakpoint
`;

/** Deterministic numbers in [0, 1). */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `data_<tag>.json` for the program and `selection_<tag>.py` for the baseline. */
function writeNumbers(workspace) {
  const rand = random(7);
  for (const { half, tag } of SIZES) {
    const targets = Array.from({ length: half }, () => (rand() < 0.5 ? 0 : 1));
    const predictions = Array.from({ length: half }, () => Math.fround(0.01 + 0.98 * rand()));
    writeFileSync(join(workspace, `data_${tag}.json`), JSON.stringify({ targets, predictions }));
    const rows = (xs) => Array.from({ length: Math.ceil(xs.length / 10) }, (_, i) => xs.slice(i * 10, i * 10 + 10).join(', ')).join(',\n');
    writeFileSync(join(workspace, `selection_${tag}.py`), `targets = [\n${rows(targets)}\n]\npredictions = [\n${rows(predictions)}\n]\n`);
  }
}

const LAUNCH = {
  version: '0.2.0',
  configurations: [{ name: 'bench', type: 'lw-python', request: 'launch', program: '${workspaceFolder}/bench_program.py', python: '/usr/bin/python3', console: 'internalConsole', justMyCode: true, cwd: '${workspaceFolder}' }],
};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The newest render number among the panel pages shown (`data-lw-run` on their body), or -1. */
async function newestRun(page) {
  let newest = -1;
  for (const frame of page.frames()) {
    const run = await frame.evaluate(() => (document.querySelector('.lw-answer') ? Number(document.body.getAttribute('data-lw-run')) : -1)).catch(() => -1);
    if (run > newest) newest = run;
  }
  return newest;
}

/**
 * Opens `file` by its absolute path in Quick Open, which finds a path without the workspace's file
 * index (a workspace with 30 MB of data in it may not be indexed yet when the bench starts).
 */
async function openByPath(page, workspace, file) {
  const input = page.locator('.quick-input-widget input[type="text"]');
  await page.keyboard.press('Control+P');
  await input.waitFor({ state: 'visible' });
  await input.fill(join(workspace, file));
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: file }).first().waitFor({ state: 'visible', timeout: 2 * STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: file }).first().waitFor({ state: 'visible', timeout: 2 * STEP_TIMEOUT_MS });
}

/** Brings `file`'s tab forward (both files stay open in the first group; the panel opens beside them). */
async function showTab(page, file) {
  await page.locator('.tabs-container .tab', { hasText: file }).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: file }).first().waitFor({ state: 'visible' });
}

/**
 * Palette open with the command's row showing; then times Enter → a panel page of a newer render
 * than any shown before showing `.lw-answer` (the panel is reused, so an older page never counts).
 */
async function timeCommand(page) {
  const before = await newestRun(page);
  const input = page.locator('.quick-input-widget input[type="text"]');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${COMMAND_TITLE}`);
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: COMMAND_TITLE }).first().waitFor({ state: 'visible' });
  const started = Date.now();
  await page.keyboard.press('Enter');
  const deadline = started + 4 * STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const shown = await frame.evaluate((older) => !!document.querySelector('.lw-answer') && Number(document.body.getAttribute('data-lw-run')) > older, before).catch(() => false);
      if (shown) {
        const ms = Date.now() - started;
        // Where the time went on the page's side: when its document was created (the extension set
        // the html) and when it first painted, both on the clock of this process. A loaded page
        // takes the next run by message: its document is then older than the command.
        const pageTimes = await frame
          .evaluate(() => ({ origin: performance.timeOrigin, paint: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null, html: document.documentElement.outerHTML }))
          .catch(() => null);
        if (pageTimes && pageTimes.origin < started) console.log(`  the run went by message to the page loaded ${Math.round(started - pageTimes.origin)} ms before Enter, ${Math.round(pageTimes.html.length / 1024)} KB`);
        else if (pageTimes) console.log(`  page created ${Math.round(pageTimes.origin - started)} ms after Enter, first paint ${pageTimes.paint === null ? '?' : Math.round(pageTimes.origin + pageTimes.paint - started)} ms, ${Math.round(pageTimes.html.length / 1024)} KB`);
        if (process.env.LW_BENCH_LIVE_DUMP) writeFileSync(join(process.env.LW_BENCH_LIVE_DUMP, `page-${started}.html`), pageTimes.html);
        return ms;
      }
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const shot = join(REPO_ROOT, 'bench', 'bench-live-failure.png');
  await page.screenshot({ path: shot }).catch(() => {});
  throw new Error(`no panel with a loss ${(4 * STEP_TIMEOUT_MS) / 1000}s after the command (newest run before: ${before}; screenshot: ${shot})`);
}

async function main() {
  const missing = livePythonMissing();
  if (missing) {
    console.log(`bench:live skipped: ${missing}`);
    return;
  }
  const executablePath = requireChromium();
  const cleanups = [];
  const addCleanup = (fn) => cleanups.push(fn);
  const scratch = mkdtempSync(join(tmpdir(), 'lw-bench-live-'));
  addCleanup(() => rmSync(scratch, { recursive: true, force: true }));
  try {
    const profile = codeServerProfile(ensureCodeServer(), scratch);
    profile.install(packageVsix(join(scratch, 'loss-walkthrough.vsix')).vsixPath);
    profile.install(packageAdapterExtension(join(scratch, 'adapter.vsix')));
    const workspace = join(scratch, 'workspace');
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, 'bench_program.py'), PROGRAM);
    writeNumbers(workspace);
    writeFileSync(join(workspace, '.vscode', 'launch.json'), JSON.stringify(LAUNCH, null, 2));
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'chat.disableAIFeatures': true, 'workbench.startupEditor': 'none', 'debug.internalConsoleOptions': 'neverOpen', 'workbench.editor.enablePreview': false, 'workbench.editorLargeFileConfirmation': 1024 }));
    const { url } = await serveCodeServer(profile, workspace, addCleanup, process.env);
    const { page } = await openBrowser(executablePath, scratch, addCleanup);
    await page.goto(url);
    await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible' });

    const lines = PROGRAM.split('\n');
    const lossLine = (tag) => lines.findIndex((l) => l.startsWith(`loss_${tag} = `)) + 1;
    await openByPath(page, workspace, 'bench_program.py');
    await goToLine(page, lines.findIndex((l) => l.includes('live: breakpoint')) + 1);
    await toggleBreakpoint(page);
    await startDebugging(page, 'bench');
    await pausedFrame(page);
    for (const size of SIZES) await openByPath(page, workspace, `selection_${size.tag}.py`);

    // The first explanation in a window loads MathJax and creates the panel; it is printed, not
    // counted, so that both sides are timed warm.
    await showTab(page, 'bench_program.py');
    await goToLine(page, lossLine(SIZES[0].tag));
    const coldMs = await timeCommand(page);
    console.log(`first explanation in the window (cold, not counted): ${coldMs} ms`);

    const rows = [];
    for (const size of SIZES) {
      const atBreakpoint = [];
      const fromSelection = [];
      for (let run = 0; run < RUNS; run++) {
        // Taking turns, so that a busy spell on the machine does not fall on one side only.
        await showTab(page, 'bench_program.py');
        await goToLine(page, lossLine(size.tag));
        atBreakpoint.push(await timeCommand(page));
        console.log(`${size.tag} at a breakpoint: ${atBreakpoint.at(-1)} ms`);
        await showTab(page, `selection_${size.tag}.py`);
        await page.keyboard.press('Control+A');
        fromSelection.push(await timeCommand(page));
        console.log(`${size.tag} from a selection: ${fromSelection.at(-1)} ms`);
      }
      const ms = median(atBreakpoint);
      const baselineMs = median(fromSelection);
      rows.push({ name: `command at a breakpoint → panel page, ${size.name}`, ms, baseline: `the same numbers selected in an editor`, baselineMs, ratio: ms / baselineMs, goal: size.tag === '10k' ? `≤ ${GOAL_10K_MS} ms` : 'report', met: size.tag === '10k' ? ms <= GOAL_10K_MS : null, runs: { atBreakpoint, fromSelection } });
    }
    await continueToEnd(page).catch(() => {});
    // The extension logs where each live explanation's time went.
    const breakdown = outputChannelLog(profile.userDataDir, 'Loss Walkthrough').split('\n').filter((l) => l.includes('] live: '));
    if (breakdown.length) console.log(`\nthe extension's log, each explanation at a breakpoint:\n${breakdown.join('\n')}`);

    console.log(`\n| figure (median of ${RUNS}) | ours | baseline | baseline is | ratio | goal |`);
    console.log('|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.name} | ${r.ms} ms | ${r.baselineMs} ms | ${r.baseline} | ${r.ratio.toFixed(2)}× | ${r.goal}${r.met === null ? '' : r.met ? ' (met)' : ' (not met)'} |`);
    writeFileSync(join(REPO_ROOT, 'bench', 'results-live.json'), JSON.stringify({ date: new Date().toISOString(), rows }, null, 2) + '\n');
    console.log('\nwritten: bench/results-live.json');
  } finally {
    for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => {});
  }
}

// `--print-program` shows the program the bench debugs, to run it by hand.
if (process.argv.includes('--print-program')) {
  console.log(PROGRAM);
  process.exit(0);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench:live: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  },
);
