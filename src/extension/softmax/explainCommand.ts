// "Explain Softmax Cross Entropy": the same kinds of selections as the BCE command (the
// selection, the notebook cell, or the paragraph around the cursor), read as class indices or
// distributions against N×C predictions, shown in a panel of the same kind.
import * as vscode from 'vscode';
import { softmaxCrossEntropyLoss } from '../../core/losses';
import type { SoftmaxInput } from '../../core/softmax/types';
import type { SoftmaxWalkthrough } from '../../core/softmax/walkthrough';
import type { InputError, Result, TextRange } from '../../core/types';
import { logInputError } from '../log';
import { yieldToHost } from '../schedule';
import { readSettings } from '../settings';
import { locateAroundCursor, type LineSpan } from '../walkthrough/locateInput';
import { displayName } from '../walkthrough/origin';
import { buildSoftmax } from './build';
import { SoftmaxPanel } from './panel';
import { summaryLosses } from '../commandSummary';

export interface SoftmaxExplainResult {
  readonly loss: number;
  /** Each sample's loss, the first SUMMARY_LOSSES of them (commandSummary.ts). */
  readonly sampleLosses: readonly number[];
  /** How many sample losses `sampleLosses` leaves out. */
  readonly sampleLossesOmitted: number;
  readonly preset: string;
  readonly targetKind: string;
  readonly inputKind: string;
  /** Which loss the targets call for. */
  readonly calls: 'softmax-ce' | 'bce' | null;
  readonly documentName: string;
  readonly cardCount: number;
}

interface Found {
  readonly source: string;
  readonly parsed: Result<SoftmaxInput>;
  readonly documentName: string;
  /** The document the text was read from (its settings apply, saved files go beside it); null for text passed in. */
  readonly documentUri: vscode.Uri | null;
  readonly locate?: (range: TextRange) => { editor: vscode.TextEditor; range: vscode.Range };
}

const parse = (text: string) => softmaxCrossEntropyLoss.parse(text);

function findInEditor(editor: vscode.TextEditor): Found {
  const document = editor.document;
  const documentName = displayName(document.uri);
  const mapFrom = (base: number) => (range: TextRange) => ({ editor, range: new vscode.Range(document.positionAt(base + range.start), document.positionAt(base + range.end)) });
  const selection = editor.selection;
  if (!selection.isEmpty) {
    const source = document.getText(selection);
    return { source, parsed: parse(source), documentName, documentUri: document.uri, locate: mapFrom(document.offsetAt(selection.start)) };
  }
  if (document.uri.scheme === 'vscode-notebook-cell') {
    const source = document.getText();
    return { source, parsed: parse(source), documentName, documentUri: document.uri, locate: mapFrom(0) };
  }
  const spanRange = (span: LineSpan) => new vscode.Range(span.startLine, 0, span.endLine, document.lineAt(span.endLine).text.length);
  const found = locateAroundCursor({ lineCount: document.lineCount, lineText: (line) => document.lineAt(line).text }, selection.active.line, (span) => parse(document.getText(spanRange(span))));
  const range = spanRange(found.span);
  return { source: document.getText(range), parsed: found.result, documentName, documentUri: document.uri, locate: mapFrom(document.offsetAt(range.start)) };
}

function reportError(error: InputError, found: Found | undefined): void {
  logInputError('Explain Softmax Cross Entropy', error);
  const message = error.suggestion ? `${error.message} ${error.suggestion}` : error.message;
  const target = error.range && found?.locate ? found.locate(error.range) : undefined;
  if (!target) {
    void vscode.window.showErrorMessage(message);
    return;
  }
  const show = vscode.l10n.t('Show');
  void vscode.window.showErrorMessage(message, show).then(async (choice) => {
    if (choice !== show) return;
    const editor = await vscode.window.showTextDocument(target.editor.document, { viewColumn: target.editor.viewColumn, preserveFocus: false });
    editor.selection = new vscode.Selection(target.range.start, target.range.end);
    editor.revealRange(target.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
}

/** The command. `text` (optional) is explained instead of the editor's content; `options.documentName` names it. */
export async function explainSoftmaxCrossEntropy(extensionUri: vscode.Uri, text?: unknown, options?: unknown): Promise<SoftmaxExplainResult | undefined> {
  const visible = vscode.window.visibleTextEditors;
  const editor = vscode.window.activeTextEditor ?? (visible.length === 1 ? visible[0] : undefined);
  const settings = readSettings(typeof text === 'string' ? undefined : editor?.document);
  let found: Found;
  if (typeof text === 'string') {
    const named = (options as { documentName?: unknown } | undefined)?.documentName;
    found = { source: text, parsed: parse(text), documentName: typeof named === 'string' && named.trim() ? named : vscode.l10n.t('input'), documentUri: null };
  } else if (editor) {
    found = findInEditor(editor);
  } else {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a file that holds the targets and predictions (or select them), then run "Explain Softmax Cross Entropy" again.'));
    return undefined;
  }
  if (!found.parsed.ok) {
    reportError(found.parsed.error, found);
    return undefined;
  }
  await yieldToHost();
  const built: Result<SoftmaxWalkthrough> = buildSoftmax(found.parsed.value, settings);
  if (!built.ok) {
    reportError(built.error, found);
    return undefined;
  }
  const w = built.value;
  await SoftmaxPanel.show(extensionUri, { source: found.source, input: found.parsed.value, walkthrough: w, documentName: found.documentName, documentUri: found.documentUri });
  const sampleLosses = w.result.sampleLosses;
  const { losses, omitted } = summaryLosses(sampleLosses.length, (i) => sampleLosses[i] ?? NaN);
  return {
    loss: w.result.loss,
    sampleLosses: losses,
    sampleLossesOmitted: omitted,
    preset: w.result.options.preset,
    targetKind: w.result.targetKind,
    inputKind: w.result.options.input,
    calls: w.comparison?.fit.calls ?? null,
    documentName: found.documentName,
    cardCount: w.document.cards.length,
  };
}
