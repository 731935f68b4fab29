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

export async function openText(content: string, language = 'python'): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content, language });
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
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
  readonly cards: number;
  readonly answer: string;
}

/** The panel's newest page, once painted with all its cards; undefined without a panel. */
export function panelPainted(): Thenable<PaintedPage | undefined> {
  return vscode.commands.executeCommand<PaintedPage | undefined>('lossWalkthrough.panelPainted');
}

/**
 * Measures how long the extension host goes without running a 5 ms timer while `body` runs: the
 * longest such stretch is the longest the host was blocked. Logged by the tests, never asserted.
 */
export async function longestBlock<T>(body: () => Promise<T>): Promise<{ value: T; longestMs: number; over50: number }> {
  let last = performance.now();
  let longestMs = 0;
  let over50 = 0;
  const note = (now: number) => {
    const gap = now - last;
    longestMs = Math.max(longestMs, gap);
    if (gap > 50) over50++;
    last = now;
  };
  const ticker = setInterval(() => note(performance.now()), 5);
  try {
    const value = await body();
    note(performance.now());
    return { value, longestMs, over50 };
  } finally {
    clearInterval(ticker);
  }
}
