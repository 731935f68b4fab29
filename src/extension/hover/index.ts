// The hover feature: the provider for the configured languages (any scheme, so files, untitled
// documents, notebook cells and the web's virtual files alike), its "Open walkthrough" command,
// and the listeners that follow the hover settings and the colour theme.
import * as vscode from 'vscode';
import { CommandId } from '../commands';
import { guarded } from '../log';
import { displayName } from '../walkthrough/origin';
import type { ExplainResult } from '../walkthrough/explainCommand';
import { FormulaImages } from './formula';
import { HOVER_EXPLAIN_COMMAND, parseHoverLinkArgs } from './link';
import { documentLines, LossHoverProvider } from './provider';
import { HOVER_SETTINGS_SECTION, readHoverSettings } from './settings';
import { assembleSource } from './window';

/** The link's command: the same text the hover read, with the same settings, in the panel. */
export async function explainFromHover(raw: unknown): Promise<ExplainResult | undefined> {
  const args = parseHoverLinkArgs(raw);
  if (!args) return undefined;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri);
  if (!document || document.version !== args.version || args.spans.some((s) => s.endLine >= document.lineCount)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The document changed since this hover was shown: hover over the array again.'));
    return undefined;
  }
  const text = assembleSource(documentLines(document), args.spans).text;
  return vscode.commands.executeCommand<ExplainResult | undefined>(CommandId.explainBinaryCrossEntropy, text, {
    ...args.options,
    documentName: displayName(document.uri),
  });
}

export function registerHover(context: vscode.ExtensionContext): void {
  const formulas = new FormulaImages();
  const provider = new LossHoverProvider(formulas);
  let registration: vscode.Disposable | undefined;
  const register = (): void => {
    registration?.dispose();
    registration = undefined;
    const settings = readHoverSettings();
    if (!settings.enabled || settings.languages.length === 0) return;
    registration = vscode.languages.registerHoverProvider(
      settings.languages.map((language) => ({ language })),
      provider,
    );
  };
  register();
  context.subscriptions.push(
    vscode.commands.registerCommand(HOVER_EXPLAIN_COMMAND, guarded(vscode.l10n.t('Open walkthrough'), explainFromHover)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(HOVER_SETTINGS_SECTION)) register();
    }),
    vscode.window.onDidChangeActiveColorTheme(() => formulas.clear()),
    { dispose: () => registration?.dispose() },
  );
}
