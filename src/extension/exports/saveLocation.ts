// Where a saved walkthrough goes by default, and what it is called.
import * as vscode from 'vscode';
import type { LossId } from '../../core/losses';
import type { WalkthroughOrigin } from '../walkthrough/origin';

/** `article.py` → `article.bce` (`article.softmax-ce` for softmax CE): the walkthrough's file name without extension. */
export function exportBaseName(documentName: string, loss: LossId = 'bce'): string {
  const dot = documentName.lastIndexOf('.');
  const stem = dot > 0 ? documentName.slice(0, dot) : documentName;
  // Only characters that every file system accepts; the name is a suggestion the user can edit.
  const safe = stem.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '');
  return `${safe || 'walkthrough'}.${loss}`;
}

/** The folder a save dialog should open in: the document's own folder if it can be written to. */
export function defaultSaveFolder(origin: WalkthroughOrigin): vscode.Uri | undefined {
  const uri = origin.documentUri;
  if (uri) {
    // A notebook cell's URI holds the notebook's path; its folder lives on the notebook's scheme.
    const notebook = vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((cell) => cell.document.uri.toString() === uri.toString()));
    const fileUri = notebook ? notebook.uri : uri;
    if (vscode.workspace.fs.isWritableFileSystem(fileUri.scheme)) return vscode.Uri.joinPath(fileUri, '..');
  }
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}
