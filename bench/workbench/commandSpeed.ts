// Runs inside the real VS Code web workbench (web worker extension host), loaded by test-web as
// `extensionTestsPath`: times "Explain Binary Cross Entropy" from the call to the page painted in
// the webview (first part, and complete), cold (the first run after activation, so MathJax's
// lazy load is in it) and warm, beside a webview page of the same size without our engine. Prints one marker line; bench/workbench.ts
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
const PAINTED_COMMAND = 'lossWalkthrough.panelPainted';
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

interface PaintReport {
  readonly firstPaintAt: number;
  readonly completeAt: number;
  readonly answerAt: number;
}

async function explainTimed(text: string): Promise<{ answerMs: number; firstMs: number; completeMs: number; result: ExplainResult }> {
  const start = performance.now();
  const result = await vscode.commands.executeCommand<ExplainResult | undefined>(EXPLAIN_COMMAND, text);
  if (!result) throw new Error(`the command explained nothing for case '${LW_BENCH_CASE.name}' (input error?)`);
  // The page's own report, with the extension host's clock (the same worker as this one).
  const painted = await withTimeout(vscode.commands.executeCommand<PaintReport | undefined>(PAINTED_COMMAND), 'the page never reported its paint');
  if (!painted) throw new Error('the panel closed before its page was painted');
  return { answerMs: painted.answerAt - start, firstMs: painted.firstPaintAt - start, completeMs: painted.completeAt - start, result };
}

function withTimeout<T>(promise: Thenable<T>, what: string, ms = 60_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(what)), ms);
    promise.then((v) => (clearTimeout(timer), resolve(v)), (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))));
  });
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

/**
 * A page of `length` characters with no style or maths, whose only script reports its paint the
 * way the panel's page does; `run` makes each one differ (an unchanged `html` is not sent).
 */
function plainPage(length: number, run: number, cspSource: string): string {
  const nonce = `bench${run}x${Math.random().toString(36).slice(2)}`;
  const head =
    `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'">` +
    `<title>Plain page ${run}</title></head><body><p>`;
  const tail =
    `</p><script nonce="${nonce}">const api = acquireVsCodeApi(); requestAnimationFrame(() => setTimeout(() => api.postMessage({ painted: ${run} }), 0));</script></body></html>`;
  return head + 'x'.repeat(Math.max(0, length - head.length - tail.length)) + tail;
}

/** Sets `html` on `panel` and resolves with the ms from `started` until its page reports the paint. */
function timePlainPaint(panel: vscode.WebviewPanel, html: string, run: number, started: number): Promise<number> {
  return withTimeout(
    new Promise<number>((resolve) => {
      const listener = panel.webview.onDidReceiveMessage((m: { painted?: number }) => {
        if (m?.painted !== run) return;
        listener.dispose();
        resolve(performance.now() - started);
      });
      panel.webview.html = html;
    }),
    'the plain page never reported its paint',
  );
}

const newPlainPanel = () =>
  vscode.window.createWebviewPanel('lossWalkthroughBench.plainPage', 'Plain page', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });

async function measure(benchCase: CommandSpeedCase): Promise<CommandSpeedFigures> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded in the workbench`);
  await extension.activate();
  await settle();

  const cold = await explainTimed(benchCase.text);
  if (cold.result.panelReused) throw new Error('the cold run reused a panel: it was not the first run after activation');
  await settle(2 * SETTLE_MS);

  const sizing = newPlainPanel();
  const pageChars = await panelPageLength(benchCase.text, sizing.webview, extension.extensionUri);
  const cspSource = sizing.webview.cspSource;
  sizing.dispose();
  await settle();

  // A new panel takes a few milliseconds, so one sample would make the cold ratio noise: median of several.
  const baselineCold: number[] = [];
  for (let sample = 0; sample < BASELINE_NEW_PANELS; sample++) {
    const start = performance.now();
    const fresh = newPlainPanel();
    baselineCold.push(await timePlainPaint(fresh, plainPage(pageChars, 1000 + sample, cspSource), 1000 + sample, start));
    await settle();
    fresh.dispose();
  }
  // Warm means the panel is open and in view when the command runs again, as when a person
  // explains another selection: the baseline panel sits in a group of its own, so neither side
  // hides the other (a hidden webview drops its page and loads it anew when shown).
  const panel = vscode.window.createWebviewPanel('lossWalkthroughBench.plainPage', 'Plain page', { viewColumn: vscode.ViewColumn.Three, preserveFocus: true }, { enableScripts: true });
  await timePlainPaint(panel, plainPage(pageChars, 0, cspSource), 0, performance.now());
  await settle();

  const warm: number[] = [];
  const warmFirst: number[] = [];
  const baselineWarm: number[] = [];
  let elementCount = cold.result.elementCount;
  for (let run = 1; run <= WARM_RUNS; run++) {
    const ours = await explainTimed(benchCase.text);
    warm.push(ours.completeMs);
    warmFirst.push(ours.firstMs);
    elementCount = ours.result.elementCount;
    await settle();
    const start = performance.now();
    baselineWarm.push(await timePlainPaint(panel, plainPage(pageChars, run, cspSource), run, start));
    await settle();
  }
  panel.dispose();

  return {
    name: benchCase.name,
    elementCount,
    pageChars,
    coldAnswerMs: cold.answerMs,
    coldFirstPaintMs: cold.firstMs,
    coldCompleteMs: cold.completeMs,
    baselineColdMs: median(baselineCold),
    warmMs: median(warm),
    warmFirstPaintMs: median(warmFirst),
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
