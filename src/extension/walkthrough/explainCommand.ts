// "Explain Binary Cross Entropy": find the arrays (the selection, the notebook cell, or the
// paragraph around the cursor), build the walkthrough, show it in the panel. Bad input gets the
// engine's message with a "Show" action that selects the offending text, and opens no panel.
// The command returns a plain summary so that callers (tests, the hover) can check the result.
import * as vscode from 'vscode';
import type { InputError, InputKind, LogBase, ParsedInput, Preset, Reduction, Result, TextRange } from '../../core/types';
import { softmaxCrossEntropyLoss } from '../../core/losses';
import { CommandId } from '../commands';
import { summaryLosses } from '../commandSummary';
import { elementLossAt } from '../../core/loss';
import { logInputError } from '../log';
import { yieldToHost } from '../schedule';
import { readSettings, type WalkthroughSettings } from '../settings';
import { effectiveOptions, parseSource, walkthroughFromParsed, type EffectiveOptions } from './explain';
import { explainAtBreakpoint, lossCallAtCursor, notPausedMessage } from '../debugger/liveExplain';
import { locateAroundCursor, type LineSpan } from './locateInput';
import { cellOutputText, hasLiteralArrays, notebookCellOf } from './notebookOutputs';
import { parseOverrides, type PanelState } from './messages';
import { displayName, type WalkthroughOrigin } from './origin';
import { panelExtent, WalkthroughPanel } from './panel';

/** What the command did, as plain data. */
export interface ExplainResult {
  /** The reduced loss in the chosen base; NaN for reduction 'none' (see `elementLosses`). */
  readonly loss: number;
  /** Each element's loss, the first SUMMARY_LOSSES of them (commandSummary.ts). */
  readonly elementLosses: readonly number[];
  /** How many element losses `elementLosses` leaves out. */
  readonly elementLossesOmitted: number;
  readonly preset: Preset;
  readonly reduction: Reduction;
  readonly logBase: LogBase;
  readonly inputKind: InputKind;
  readonly elementCount: number;
  readonly derivationCount: number;
  readonly labels: readonly string[] | null;
  readonly documentName: string;
  readonly panelReused: boolean;
  /** The warning shown when the targets and predictions look swapped, or null. */
  readonly roleWarning: string | null;
  /** Whether the targets and predictions were swapped on request (`swapRoles`). */
  readonly rolesSwapped: boolean;
}

/** Text found for the command, and how to point at a range of it in the editor. */
interface FoundInput {
  readonly source: string;
  readonly parsed: Result<ParsedInput>;
  readonly origin: WalkthroughOrigin;
  /** Maps a range of `source` to the document, when the text came from an editor. */
  readonly locate?: (range: TextRange) => { editor: vscode.TextEditor; range: vscode.Range };
}

const NOTEBOOK_CELL_SCHEME = 'vscode-notebook-cell';

function findInEditor(editor: vscode.TextEditor, options: EffectiveOptions): FoundInput {
  const document = editor.document;
  const origin: WalkthroughOrigin = { documentName: displayName(document.uri), documentUri: document.uri };
  const mapFrom = (base: number) => (range: TextRange) => ({
    editor,
    range: new vscode.Range(document.positionAt(base + range.start), document.positionAt(base + range.end)),
  });

  const selection = editor.selection;
  if (!selection.isEmpty) {
    const source = document.getText(selection);
    return { source, parsed: parseSource(source, options), origin, locate: mapFrom(document.offsetAt(selection.start)) };
  }
  // A cell is the unit a notebook user thinks in: take all of it.
  if (document.uri.scheme === NOTEBOOK_CELL_SCHEME) {
    const source = document.getText();
    // A cell that computes its arrays shows them in its outputs: read those instead.
    const cell = hasLiteralArrays(source) ? undefined : notebookCellOf(document);
    const outputs = cell ? cellOutputText(cell) : '';
    if (cell && outputs.trim() !== '') {
      const outputsOrigin = { ...origin, documentName: vscode.l10n.t('{0}, outputs of cell {1}', origin.documentName, cell.index + 1) };
      return { source: outputs, parsed: parseSource(outputs, options), origin: outputsOrigin };
    }
    return { source, parsed: parseSource(source, options), origin, locate: mapFrom(0) };
  }
  const spanRange = (span: LineSpan) => new vscode.Range(span.startLine, 0, span.endLine, document.lineAt(span.endLine).text.length);
  const found = locateAroundCursor(
    { lineCount: document.lineCount, lineText: (line) => document.lineAt(line).text },
    selection.active.line,
    (span) => parseSource(document.getText(spanRange(span)), options),
  );
  const range = spanRange(found.span);
  return { source: document.getText(range), parsed: found.result, origin, locate: mapFrom(document.offsetAt(range.start)) };
}

/** With a notebook cell selected (not being edited) no text editor is active: the cell's editor is the one meant. */
function selectedCellEditor(): vscode.TextEditor | undefined {
  const notebookEditor = vscode.window.activeNotebookEditor;
  if (!notebookEditor || notebookEditor.selection.isEmpty) return undefined;
  const document = notebookEditor.notebook.cellAt(notebookEditor.selection.start).document;
  return vscode.window.visibleTextEditors.find((e) => e.document === document);
}

function reportInputError(error: InputError, found: FoundInput | undefined): void {
  logInputError('Explain Binary Cross Entropy', error);
  const message = error.suggestion ? `${error.message} ${error.suggestion}` : error.message;
  // Class indices (or N×C pairs BCE cannot take as they are): offer the loss that can, instead of a dead end.
  if (found !== undefined && softmaxCrossEntropyLoss.parse(found.source).ok) {
    const softmax = vscode.l10n.t('Explain Softmax Cross Entropy');
    void vscode.window.showErrorMessage(`${message} ${vscode.l10n.t('Softmax cross entropy can take these targets.')}`, softmax).then((choice) => {
      if (choice === softmax) void vscode.commands.executeCommand(CommandId.explainSoftmaxCrossEntropy, found.source, { documentName: found.origin.documentName });
    });
    return;
  }
  const target = error.range && found?.locate ? found.locate(error.range) : undefined;
  if (!target) {
    void vscode.window.showErrorMessage(message);
    return;
  }
  const show = vscode.l10n.t('Show');
  // Not awaited: the promise settles only when the notification is dismissed.
  void vscode.window.showErrorMessage(message, show).then(async (choice) => {
    if (choice !== show) return;
    const editor = await vscode.window.showTextDocument(target.editor.document, { viewColumn: target.editor.viewColumn, preserveFocus: false });
    editor.selection = new vscode.Selection(target.range.start, target.range.end);
    editor.revealRange(target.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
}

/**
 * The command. `text` (optional) is explained instead of the editor's content, with
 * `options` overriding the settings (`preset`, `inputKind`, `reduction`, `logBase`,
 * `precision`, `swapRoles`) and naming it (`documentName`). From a menu, VS Code passes the document's
 * URI as the first argument: anything that is not a string is ignored.
 */
export async function explainBinaryCrossEntropy(extensionUri: vscode.Uri, text?: unknown, options?: unknown): Promise<ExplainResult | undefined> {
  const overrides = parseOverrides(options);
  // With the focus in the panel (or another webview) there is no active text editor; when only
  // one editor is visible, it is the one the user means.
  const visible = vscode.window.visibleTextEditors;
  const editor = vscode.window.activeTextEditor ?? selectedCellEditor() ?? (visible.length === 1 ? visible[0] : undefined);
  const settings = readSettings(typeof text === 'string' ? undefined : editor?.document);
  const effective = effectiveOptions(settings, overrides);

  let found: FoundInput;
  if (typeof text === 'string') {
    const named = (options as { documentName?: unknown } | undefined)?.documentName;
    const documentName = typeof named === 'string' && named.trim() ? named : vscode.l10n.t('input');
    found = { source: text, parsed: parseSource(text, effective), origin: { documentName, documentUri: null } };
  } else if (editor) {
    // A paused program and a loss call on the cursor's line: explain that call with the frame's values.
    const live = await explainAtBreakpoint(extensionUri, editor, overrides);
    if (live !== null) return live;
    found = findInEditor(editor, effective);
    if (!found.parsed.ok && (found.parsed.error.code === 'no-arrays' || found.parsed.error.code === 'one-array') && editor.selection.isEmpty) {
      const call = lossCallAtCursor(editor);
      if (call !== null && !('problem' in call)) {
        void vscode.window.showErrorMessage(notPausedMessage({ ok: false, reason: 'no-session' }));
        return undefined;
      }
    }
  } else {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Open a file that holds the targets and predictions (or select them), then run "Explain Binary Cross Entropy" again.'),
    );
    return undefined;
  }
  if (!found.parsed.ok) {
    reportInputError(found.parsed.error, found);
    return undefined;
  }

  const state: PanelState = {
    version: 1,
    source: found.source,
    documentName: found.origin.documentName,
    documentUri: found.origin.documentUri?.toString() ?? null,
    overrides,
    renderedLabels: settings.maxRenderedLabels,
  };
  // Parsing a large selection and computing its loss each take a while: let the host breathe between.
  await yieldToHost();
  // A setting changed during that pause: the panel's own refresh may already show the new value,
  // so a walkthrough built with the old ones would be a stale page. Build with the new ones.
  const now = readSettings(typeof text === 'string' ? undefined : editor?.document);
  const current = sameSettings(now, settings) ? effective : effectiveOptions(now, overrides);
  const built = walkthroughFromParsed(found.parsed.value, current, panelExtent(state));
  if (!built.ok) {
    reportInputError(built.error, found);
    return undefined;
  }
  const walkthrough = built.value;
  const { reused } = await WalkthroughPanel.show(extensionUri, state, walkthrough);
  const { losses, omitted } = summaryLosses(walkthrough.elementCount, (i) => elementLossAt(walkthrough.result, i));
  return {
    loss: walkthrough.result.loss,
    elementLosses: losses,
    elementLossesOmitted: omitted,
    preset: walkthrough.result.options.preset,
    reduction: walkthrough.result.options.reduction,
    logBase: walkthrough.result.options.logBase,
    inputKind: walkthrough.parsed.inputKind,
    elementCount: walkthrough.elementCount,
    derivationCount: walkthrough.derivations.length,
    labels: walkthrough.parsed.labels,
    documentName: found.origin.documentName,
    panelReused: reused,
    roleWarning: walkthrough.parsed.roleWarning?.message ?? null,
    rolesSwapped: walkthrough.parsed.rolesSwapped === true,
  };
}

function sameSettings(a: WalkthroughSettings, b: WalkthroughSettings): boolean {
  return (Object.keys(a) as (keyof WalkthroughSettings)[]).every((key) => a[key] === b[key]);
}
