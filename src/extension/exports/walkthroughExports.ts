// Copy and save a walkthrough of any loss (its ExportDocument writes it). Files are written
// through `workspace.fs` and the clipboard through `env.clipboard`, so both work on the web.
import * as vscode from 'vscode';
import { ProgressKey, recordProgress } from '../learn/progress';
import type { PanelAction } from '../walkthrough/messages';
import type { WalkthroughOrigin } from '../walkthrough/origin';
import type { ExportDocument } from './exportDocument';
import { defaultSaveFolder, exportBaseName } from './saveLocation';

export interface ExportSubject {
  readonly document: ExportDocument;
  readonly origin: WalkthroughOrigin;
  readonly extensionUri: vscode.Uri;
}

export async function copyLatex(subject: ExportSubject): Promise<string> {
  const text = await subject.document.latex();
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(vscode.l10n.t('The walkthrough is on the clipboard as LaTeX.'));
  return text;
}

export async function copyMarkdown(subject: ExportSubject): Promise<string> {
  const text = await subject.document.markdown();
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(vscode.l10n.t('The walkthrough is on the clipboard as Markdown.'));
  return text;
}

async function pickSaveUri(subject: ExportSubject, extension: string, filterName: string): Promise<vscode.Uri | undefined> {
  const fileName = `${exportBaseName(subject.origin.documentName, subject.document.loss)}.${extension}`;
  const folder = defaultSaveFolder(subject.origin);
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: { [filterName]: [extension] },
    title: vscode.l10n.t('Save the walkthrough'),
  });
}

async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not save {0}: {1}', uri.path.split('/').pop() ?? uri.toString(), reason));
    throw err;
  }
}

/** `target` skips the dialog (scripts and tests pass one); returns where it saved, if anywhere. */
export async function saveMarkdown(subject: ExportSubject, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri = target ?? (await pickSaveUri(subject, 'md', vscode.l10n.t('Markdown')));
  if (!uri) return undefined;
  await writeText(uri, await subject.document.markdown());
  return uri;
}

/** A standalone page: the walkthrough stylesheet is inlined, so the file works on its own. */
export async function saveHtml(subject: ExportSubject, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri = target ?? (await pickSaveUri(subject, 'html', vscode.l10n.t('HTML')));
  if (!uri) return undefined;
  const cssBytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(subject.extensionUri, 'media', 'walkthrough.css'));
  const css = new TextDecoder().decode(cssBytes);
  const title = subject.document.pageTitle(subject.origin.documentName);
  await writeText(uri, await subject.document.htmlPage(title, css));
  return uri;
}

/**
 * The Markdown export in an untitled document beside the panel, shown in VS Code's own Markdown
 * preview (which renders its math): a look at the handout before saving it anywhere.
 */
export async function openMarkdownPreview(subject: ExportSubject): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ content: await subject.document.markdown(), language: 'markdown' });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  return document;
}

/** Runs `action`; false when the user cancelled a save dialog. */
async function exportOnce(action: PanelAction, subject: ExportSubject, target?: vscode.Uri): Promise<boolean> {
  switch (action) {
    case 'copyLatex':
      await copyLatex(subject);
      return true;
    case 'copyMarkdown':
      await copyMarkdown(subject);
      return true;
    case 'saveMarkdown':
      return (await saveMarkdown(subject, target)) !== undefined;
    case 'saveHtml':
      return (await saveHtml(subject, target)) !== undefined;
    case 'openMarkdownPreview':
      await openMarkdownPreview(subject);
      return true;
  }
}

/** `target` (for the save actions) skips the save dialog. */
export async function runExport(action: PanelAction, subject: ExportSubject, target?: vscode.Uri): Promise<void> {
  if (await exportOnce(action, subject, target)) recordProgress([ProgressKey.exported]);
}
