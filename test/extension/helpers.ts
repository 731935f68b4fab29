// Shared steps of the extension tests: open an example, place the cursor, run the command,
// find the walkthrough's tab, change a setting for the length of one test.
import * as vscode from 'vscode';
import type { ExplainResult } from '../../src/extension/walkthrough/explainCommand';

export const EXPLAIN_COMMAND = 'lossWalkthrough.explainBinaryCrossEntropy';
export const VIEW_TYPE = 'lossWalkthrough.walkthrough';

export function workspaceUri(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The extension tests need the examples folder open as the workspace.');
  return vscode.Uri.joinPath(folder.uri, ...path);
}

/** Opens `name` from the examples workspace with the selection from (line, character) to (toLine, toCharacter). */
export async function openExample(name: string, line = 0, character = 0, toLine = line, toCharacter = character): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(name));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
  editor.selection = new vscode.Selection(line, character, toLine, toCharacter);
  return editor;
}

/**
 * A new untitled document holding `content`. The workbench reuses the lowest free "Untitled-N"
 * name; when an older document of that name is still being closed, `openTextDocument` can hand
 * back the old object, which then closes. So wait for the open document of that name with our text.
 */
export async function openUntitled(content: string, language = 'python'): Promise<vscode.TextDocument> {
  const opened = await vscode.workspace.openTextDocument({ content, language });
  const name = opened.uri.toString();
  return eventually(async () => [opened, ...vscode.workspace.textDocuments].find((d) => !d.isClosed && d.uri.toString() === name && d.getText() === content));
}

export async function openText(content: string, language = 'python'): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await openUntitled(content, language), { viewColumn: vscode.ViewColumn.One });
}

export function explain(...args: unknown[]): Thenable<ExplainResult | undefined> {
  return vscode.commands.executeCommand<ExplainResult | undefined>(EXPLAIN_COMMAND, ...args);
}

/** The tabs that show a walkthrough panel (the workbench may prefix the view type). */
export function walkthroughTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE));
}

/** The tab model reaches the extension host a moment after the workbench changes: wait for it. */
export async function walkthroughTabsSettled(expectedLabel: string): Promise<vscode.Tab[]> {
  return eventually(async () => {
    const tabs = walkthroughTabs();
    return tabs.some((tab) => tab.label === expectedLabel) ? tabs : undefined;
  });
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await eventually(async () => (walkthroughTabs().length === 0 ? true : undefined));
}

/** Runs `body` with `lossWalkthrough.<key>` set to `value`, then puts the setting back. */
export async function withSetting<T>(key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('lossWalkthrough');
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    return await body();
  } finally {
    await vscode.workspace.getConfiguration('lossWalkthrough').update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

/**
 * Replaces `vscode.window.showErrorMessage` while `body` runs and records each call; `answer`
 * plays the user's click on an action button. The extension and the tests share one API object.
 */
export async function captureErrorMessages<T>(
  answer: string | undefined,
  body: (messages: { message: string; items: string[] }[]) => Promise<T>,
): Promise<T> {
  const window = vscode.window as { showErrorMessage: unknown };
  const original = window.showErrorMessage;
  const messages: { message: string; items: string[] }[] = [];
  window.showErrorMessage = (message: string, ...items: unknown[]) => {
    messages.push({ message, items: items.filter((i): i is string => typeof i === 'string') });
    return Promise.resolve(answer);
  };
  try {
    return await body(messages);
  } finally {
    window.showErrorMessage = original;
  }
}

/** Waits (by yielding, up to `attempts` times) until `check` returns a value. */
export async function eventually<T>(check: () => Promise<T | undefined>, attempts = 100): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`condition not met after ${attempts} attempts`);
}

type Listener = (event: unknown) => void;

/** Records unhandled rejections in whichever host runs the tests; returns the records and a remover. */
export function recordUnhandledRejections(): { readonly reasons: unknown[]; readonly stop: () => void } {
  const reasons: unknown[] = [];
  const scope = globalThis as { addEventListener?: (type: string, l: Listener) => void; removeEventListener?: (type: string, l: Listener) => void };
  const nodeProcess = (globalThis as { process?: { on?: (e: string, l: Listener) => void; off?: (e: string, l: Listener) => void } }).process;
  const onBrowser: Listener = (event) => reasons.push((event as { reason?: unknown }).reason);
  const onNode: Listener = (reason) => reasons.push(reason);
  if (typeof scope.addEventListener === 'function') scope.addEventListener('unhandledrejection', onBrowser);
  if (typeof nodeProcess?.on === 'function') nodeProcess.on('unhandledRejection', onNode);
  return {
    reasons,
    stop: () => {
      if (typeof scope.removeEventListener === 'function') scope.removeEventListener('unhandledrejection', onBrowser);
      if (typeof nodeProcess?.off === 'function') nodeProcess.off('unhandledRejection', onNode);
    },
  };
}

/** What the panel's page reported once it was painted complete (see PaintReport in panel.ts). */
export interface PaintedPage {
  readonly run: number;
  readonly firstPaintAt: number;
  readonly completeAt: number;
  readonly answerAt: number;
  readonly cards: number;
  readonly answer: string;
}

/** The panel's newest page, once painted with all its cards; undefined without a panel. */
export function panelPainted(): Thenable<PaintedPage | undefined> {
  return vscode.commands.executeCommand<PaintedPage | undefined>('lossWalkthrough.panelPainted');
}

/** A stretch without a tick, from its start to its end, in ms since the epoch (`performance.timeOrigin` based, comparable across threads). */
type Stall = readonly [start: number, end: number];

/** Ticks the same 5 ms timer on a thread of its own and reports its own stalls over 20 ms when asked ('stop'). */
const CONTROL_TICKER = `
  const stalls = [];
  const now = () => performance.timeOrigin + performance.now();
  let last = now();
  setInterval(() => { const t = now(); if (t - last > 20) stalls.push([last, t]); last = t; }, 5);
  onmessage = () => { const t = now(); if (t - last > 20) stalls.push([last, t]); postMessage(stalls); };
`;

/**
 * A control thread for `longestBlock`: a web worker started from the extension host's own thread
 * (the web worker host only; undefined elsewhere or where the CSP forbids it). Its stalls are the
 * machine's: when every core is busy with other processes, it loses the CPU as the host does.
 */
function startControlTicker(): { stop(): Promise<Stall[] | undefined> } | undefined {
  const scope = globalThis as { Worker?: new (url: string) => { postMessage(m: unknown): void; terminate(): void; onmessage: ((e: { data: unknown }) => void) | null } };
  if (typeof scope.Worker !== 'function' || typeof Blob !== 'function' || typeof URL.createObjectURL !== 'function') return undefined;
  try {
    const url = URL.createObjectURL(new Blob([CONTROL_TICKER], { type: 'text/javascript' }));
    const worker = new scope.Worker(url);
    let stopped: Promise<Stall[] | undefined> | undefined;
    return {
      stop: () =>
        (stopped ??= new Promise((resolve) => {
          const done = (stalls: Stall[] | undefined) => {
            clearTimeout(timeout);
            worker.terminate();
            URL.revokeObjectURL(url);
            resolve(stalls);
          };
          const timeout = setTimeout(() => done(undefined), 2000);
          worker.onmessage = (event) => done(Array.isArray(event.data) ? (event.data as Stall[]) : undefined);
          worker.postMessage('stop');
        })),
    };
  } catch {
    return undefined;
  }
}

/** How much of `stall` the control thread was not itself stalled. */
function unsharedMs(stall: Stall, control: readonly Stall[]): number {
  let shared = 0;
  for (const [start, end] of control) shared += Math.max(0, Math.min(end, stall[1]) - Math.max(start, stall[0]));
  return stall[1] - stall[0] - shared;
}

/**
 * Measures how long the extension host goes without running a 5 ms timer while `body` runs: the
 * longest such stretch is the longest the host was blocked. Logged by the tests, never asserted.
 *
 * On a loaded machine the host's thread also stops when the OS gives its core to another process;
 * then nothing in the host blocked it. A control thread ticking the same timer tells those apart:
 * `unshared` is, for each stretch, the part during which the control kept ticking, and its
 * longest (`unshared.longestMs`, and the count of those over 50 ms) is an estimate of the host's
 * own blocks. An estimate, reported next to the raw figures, not instead of them: a core taken from
 * the control while the host ran would also be subtracted. `unshared` is undefined without a
 * control thread (the Node host).
 */
export async function longestBlock<T>(
  body: () => Promise<T>,
): Promise<{ value: T; longestMs: number; over50: number; unshared: { longestMs: number; over50: number } | undefined }> {
  const control = startControlTicker();
  const epoch = () => performance.timeOrigin + performance.now();
  let last = epoch();
  let longestMs = 0;
  let over50 = 0;
  const stalls: Stall[] = [];
  const note = (now: number) => {
    const gap = now - last;
    longestMs = Math.max(longestMs, gap);
    if (gap > 50) over50++;
    if (gap > 10) stalls.push([last, now]);
    last = now;
  };
  const ticker = setInterval(() => note(epoch()), 5);
  try {
    const value = await body();
    note(epoch());
    clearInterval(ticker);
    const controlStalls = await control?.stop();
    const unshared = controlStalls && stalls.map((stall) => unsharedMs(stall, controlStalls));
    return {
      value,
      longestMs,
      over50,
      unshared: unshared && { longestMs: Math.max(0, ...unshared), over50: unshared.filter((ms) => ms > 50).length },
    };
  } finally {
    clearInterval(ticker);
    void control?.stop();
  }
}
