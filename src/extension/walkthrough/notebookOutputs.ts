// A notebook cell whose source computes its arrays (no literal arrays in it) shows them in its
// outputs: stdout from print(y_true, y_pred), or the text/plain repr of the cell's value
// (`tensor([...])`, `array([...], dtype=float32)`, `tf.Tensor(..., shape=..., dtype=...)`). The
// parser reads those printouts as it reads code, and says so when numpy or torch shortened an
// array with `...`.
import * as vscode from 'vscode';
import { readableOutputText } from '../../core/live';
import { findArrays } from '../../core/parse';

const STDOUT_MIME = 'application/vnd.code.notebook.stdout';
const TEXT_MIME = 'text/plain';
/** Outputs beyond this many characters are not read (the parser's own cap would refuse them anyway). */
const MAX_OUTPUT_CHARS = 40_000_000;

/** The notebook cell a cell document belongs to, if it is open. */
export function notebookCellOf(document: vscode.TextDocument): vscode.NotebookCell | undefined {
  for (const notebook of vscode.workspace.notebookDocuments) {
    if (notebook.uri.path !== document.uri.path) continue;
    const cell = notebook.getCells().find((c) => c.document === document || c.document.uri.toString() === document.uri.toString());
    if (cell) return cell;
  }
  return undefined;
}

/** Whether `source` holds at least one literal array of numbers (then the cell's source is what to explain). */
export function hasLiteralArrays(source: string): boolean {
  const found = findArrays(source);
  return found.ok ? found.value.some((a) => a.content === 'numbers') : true;
}

/** The text of a cell's stdout and text/plain outputs, one after another, made readable to the parser; empty when it has none. */
export function cellOutputText(cell: vscode.NotebookCell): string {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let total = 0;
  for (const output of cell.outputs) {
    // One text per output: a result shows text/plain beside richer forms of the same value.
    const item = output.items.find((i) => i.mime === STDOUT_MIME) ?? output.items.find((i) => i.mime === TEXT_MIME);
    if (!item) continue;
    total += item.data.byteLength;
    if (total > MAX_OUTPUT_CHARS) break;
    parts.push(decoder.decode(item.data));
  }
  return readableOutputText(parts.join('\n'));
}
