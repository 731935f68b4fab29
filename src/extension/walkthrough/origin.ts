// Where a walkthrough's text came from: it titles the panel and places saved files.
import * as vscode from 'vscode';

export interface WalkthroughOrigin {
  /** Shown in the panel title and used for file names: `article.py`. */
  readonly documentName: string;
  /** The document the text was read from; null for text passed to the command directly. */
  readonly documentUri: vscode.Uri | null;
}

/** The file name a URI shows to the user; a notebook cell URI carries its notebook's path. */
export function displayName(uri: vscode.Uri): string {
  const name = uri.path.split('/').pop();
  return name && name.length > 0 ? name : uri.toString();
}
