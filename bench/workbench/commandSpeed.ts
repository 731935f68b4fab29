// Runs inside the real VS Code web workbench (web worker extension host), loaded by test-web as
// `extensionTestsPath`: times "Explain Binary Cross Entropy" from the call to the panel's HTML
// being set, cold (the first run after activation, so MathJax's lazy load is in it) and warm,
// beside a webview of the same size without our engine. Prints one marker line; bench/workbench.ts
// reads it. One case per workbench start, because only the first run after activation is cold.
// Asserts nothing about time.
import * as vscode from 'vscode';
import { getMathRenderer, renderHtmlFragment } from '../../src/render';
import { readSettings } from '../../src/extension/settings';
import { effectiveOptions, explainSource } from '../../src/extension/walkthrough/explain';
import { renderPanelPage } from '../../src/extension/walkthrough/html';
import type { PanelState } from '../../src/extension/walkthrough/messages';
import { panelExtent, panelTitle } from '../../src/extension/walkthrough/panel';
import type { ExplainResult } from '../../src/extension/walkthrough/explainCommand';
import { COMMAND_SPEED_MARKER, type CommandSpeedCase, type CommandSpeedFigures } from './marker';

/** Set by bench/workbench.ts through esbuild's `define`: the text to explain and its name. */
declare const LW_BENCH_CASE: CommandSpeedCase;

const EXTENSION_ID = 'loss-walkthrough.loss-walkthrough';
const EXPLAIN_COMMAND = 'lossWalkthrough.explainBinaryCrossEntropy';
const WARM_RUNS = 10;
const BASELINE_NEW_PANELS = 5;
/**
 * Pause after each timed run: the workbench lays the page out on other threads after the HTML is
 * set, and on a loaded machine that work would otherwise land inside the next timed run.
 */
const SETTLE_MS = 750;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const settle = (ms = SETTLE_MS) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function explainTimed(text: string): Promise<{ ms: number; result: ExplainResult }> {
  const start = performance.now();
  // The command awaits the panel's render, which ends by setting `webview.html`.
  const result = await vscode.commands.executeCommand<ExplainResult | undefined>(EXPLAIN_COMMAND, text);
  const ms = performance.now() - start;
  if (!result) throw new Error(`the command explained nothing for case '${LW_BENCH_CASE.name}' (input error?)`);
  return { ms, result };
}

/**
 * Length of the page the panel writes for `text`, built the way the panel builds it (same
 * settings, extent, state, renderer) but with this bundle's own copy of the engine, so the
 * extension's copy stays as cold or warm as the timed runs left it.
 */
async function panelPageLength(text: string, webview: vscode.Webview, extensionUri: vscode.Uri): Promise<number> {
  const settings = readSettings();
  const state: PanelState = {
    version: 1,
    source: text,
    documentName: vscode.l10n.t('input'),
    documentUri: null,
    overrides: {},
    renderedLabels: settings.maxRenderedLabels,
  };
  const built = explainSource(text, effectiveOptions(settings, {}), panelExtent(state));
  if (!built.ok) throw new Error(built.error.message);
  const math = await getMathRenderer();
  const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)).toString();
  const page = renderPanelPage(
    { cspSource: webview.cspSource, walkthroughCss: media('walkthrough.css'), panelCss: media('panel.css'), panelJs: media('panel.js') },
    {
      title: panelTitle(state.documentName),
      mathStyleSheet: math.styleSheet(),
      fragment: renderHtmlFragment(built.value, math),
      renderedDerivations: built.value.derivations.length,
      totalDerivations: built.value.elementCount,
      tableRows: built.value.table.length,
      nextBatch: settings.maxRenderedLabels,
      state,
    },
  );
  return page.length;
}

/** A page with no script, style or maths, `length` characters long; `run` makes each one differ (an unchanged `html` is not sent). */
function plainPage(length: number, run: number): string {
  const head = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Plain page ${run}</title></head><body><p>`;
  const tail = '</p></body></html>';
  return head + 'x'.repeat(Math.max(0, length - head.length - tail.length)) + tail;
}

async function measure(benchCase: CommandSpeedCase): Promise<CommandSpeedFigures> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded in the workbench`);
  await extension.activate();
  await settle();

  const cold = await explainTimed(benchCase.text);
  if (cold.result.panelReused) throw new Error('the cold run reused a panel: it was not the first run after activation');
  await settle(2 * SETTLE_MS);

  // The baseline panel opens where ours did (beside), so each warm run of either side brings its
  // own panel to the front of the same group.
  const baselinePanel = vscode.window.createWebviewPanel('lossWalkthroughBench.plainPage', 'Plain page', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false });
  const pageChars = await panelPageLength(benchCase.text, baselinePanel.webview, extension.extensionUri);
  const pages = Array.from({ length: WARM_RUNS + 1 }, (_, run) => plainPage(pageChars, run));
  baselinePanel.dispose();
  await settle();

  // A new panel takes a few milliseconds, so one sample would make the cold ratio noise: median of several.
  const baselineCold: number[] = [];
  for (let sample = 0; sample < BASELINE_NEW_PANELS; sample++) {
    const start = performance.now();
    const fresh = vscode.window.createWebviewPanel('lossWalkthroughBench.plainPage', 'Plain page', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false });
    fresh.webview.html = pages[0] ?? '';
    baselineCold.push(performance.now() - start);
    await settle();
    fresh.dispose();
  }
  const panel = vscode.window.createWebviewPanel('lossWalkthroughBench.plainPage', 'Plain page', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false });
  panel.webview.html = pages[0] ?? '';
  await settle();

  const warm: number[] = [];
  const baselineWarm: number[] = [];
  let elementCount = cold.result.elementCount;
  for (let run = 1; run <= WARM_RUNS; run++) {
    const ours = await explainTimed(benchCase.text);
    warm.push(ours.ms);
    elementCount = ours.result.elementCount;
    await settle();
    const start = performance.now();
    panel.reveal(undefined, true);
    panel.webview.html = pages[run] ?? '';
    baselineWarm.push(performance.now() - start);
    await settle();
  }
  panel.dispose();

  return {
    name: benchCase.name,
    elementCount,
    pageChars,
    coldMs: cold.ms,
    baselineColdMs: median(baselineCold),
    warmMs: median(warm),
    baselineWarmMs: median(baselineWarm),
    warmRuns: WARM_RUNS,
  };
}

/** Called by the workbench's test runner; the figures (or the reason there are none) go out on the marker line. */
export async function run(): Promise<void> {
  try {
    const figures = await measure(LW_BENCH_CASE);
    console.log(`${COMMAND_SPEED_MARKER} ${JSON.stringify({ ok: true, figures })}`);
  } catch (err) {
    console.log(`${COMMAND_SPEED_MARKER} ${JSON.stringify({ ok: false, error: err instanceof Error ? err.message : String(err) })}`);
  }
}
