// The examples shipped inside the extension (examples/ is in the .vsix), opened from the
// extension's own files so that the Get Started buttons work on the web as on the desktop.
// Each opens as an untitled copy: the user may edit it freely without touching the installed
// extension. The walkthrough of it is titled with the example's name.
import * as vscode from 'vscode';
import { parseOverrides } from '../walkthrough/messages';
import { explainBinaryCrossEntropy, type ExplainResult } from '../walkthrough/explainCommand';

/** File name → language id. Only these names are opened: a command link cannot reach other paths. */
export const EXAMPLE_LANGUAGES: Readonly<Record<string, string>> = {
  'article.py': 'python',
  'batch.py': 'python',
  'pytorch_logits.py': 'python',
  'numpy_example.py': 'python',
  'example.json': 'json',
};

export interface OpenExampleResult {
  readonly documentUri: string;
  /** Present when the example was explained as well (`{ explain: true }`) and that succeeded. */
  readonly explanation?: ExplainResult;
}

function isExampleName(name: unknown): name is string {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(EXAMPLE_LANGUAGES, name);
}

/** Example name → the untitled copy opened for it, so a second click shows the same (maybe edited) copy. */
const openedCopies = new Map<string, string>();

async function exampleDocument(extensionUri: vscode.Uri, name: string): Promise<vscode.TextDocument> {
  const previous = openedCopies.get(name);
  const open = vscode.workspace.textDocuments.find((doc) => !doc.isClosed && doc.uri.toString() === previous);
  if (open) return open;
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'examples', name));
  // An untitled document given its content: an `untitled:article.py` URI would need a folder to
  // resolve against, which an empty window (or the web) may not have.
  const document = await vscode.workspace.openTextDocument({ content: new TextDecoder().decode(bytes), language: EXAMPLE_LANGUAGES[name] });
  openedCopies.set(name, document.uri.toString());
  return document;
}

/**
 * `lossWalkthrough.openExample(name, options?)`: opens the example `name` with all of it
 * selected; with `{ explain: true }` it also runs the explain command on it, and the other
 * fields of `options` (`preset`, `logBase`, ...) override the settings as for that command.
 */
export async function openExample(extensionUri: vscode.Uri, name: unknown, options?: unknown): Promise<OpenExampleResult | undefined> {
  if (name === undefined) {
    // From the palette: the user picks one, and sees it explained.
    const picked = await vscode.window.showQuickPick(Object.keys(EXAMPLE_LANGUAGES), { title: vscode.l10n.t('Open an example and explain it') });
    return picked === undefined ? undefined : openExample(extensionUri, picked, { explain: true });
  }
  if (!isExampleName(name)) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('There is no example called {0}. The examples are: {1}.', String(name), Object.keys(EXAMPLE_LANGUAGES).join(', ')),
    );
    return undefined;
  }
  let document: vscode.TextDocument;
  try {
    document = await exampleDocument(extensionUri, name);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not open the example {0}: {1}', name, reason));
    return undefined;
  }
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const last = document.lineAt(document.lineCount - 1);
  editor.selection = new vscode.Selection(new vscode.Position(0, 0), last.range.end);
  const documentUri = document.uri.toString();
  const explain = typeof options === 'object' && options !== null && (options as { explain?: unknown }).explain === true;
  if (!explain) return { documentUri };
  // The text is passed (not read from the editor) so that the panel is titled with the example's name.
  const explanation = await explainBinaryCrossEntropy(extensionUri, document.getText(), { ...parseOverrides(options), documentName: name });
  return explanation ? { documentUri, explanation } : { documentUri };
}
