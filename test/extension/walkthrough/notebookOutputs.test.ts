/// <reference types="mocha" />
// A notebook cell that computes its arrays: the command reads the arrays its saved outputs show
// (stdout, text/plain reprs of torch, NumPy and TensorFlow values), in the real workbench with the
// built-in ipynb extension. Expected numbers: the golden values for targets [1, 0, 1] and
// predictions [0.8, 0.3, 0.9] in /work/shared/reference/loss-semantics.md.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { captureErrorMessages, closeAllEditors, explain, walkthroughTabs, walkthroughTabsSettled, workspaceUri } from '../helpers';

const MEAN_NATS = '0.228393';
const ELEMENT_NATS = ['0.223144', '0.356675', '0.105361'];
const sixDigits = (x: number) => x.toPrecision(6);

/** Opens examples/notebook_outputs.ipynb and puts the cursor at the start of cell `index`. */
async function cursorInCell(index: number): Promise<vscode.TextEditor> {
  const notebook = await vscode.workspace.openNotebookDocument(workspaceUri('notebook_outputs.ipynb'));
  await vscode.window.showNotebookDocument(notebook);
  const cell = notebook.cellAt(index);
  assert.ok(cell.outputs.length > 0, `cell ${index} was opened without its saved outputs`);
  const editor = await vscode.window.showTextDocument(cell.document);
  assert.equal(editor.document.uri.scheme, 'vscode-notebook-cell');
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return editor;
}

describe('Explain Binary Cross Entropy on notebook outputs', () => {
  beforeEach(closeAllEditors);
  after(closeAllEditors);

  it('reads the arrays print(y_true, y_pred) wrote to stdout when the cell source holds none', async () => {
    await cursorInCell(1);
    const result = await explain();
    assert.ok(result, 'the command returned nothing for the printed tensors');
    assert.equal(sixDigits(result.loss), MEAN_NATS);
    assert.deepEqual(result.elementLosses.map(sixDigits), ELEMENT_NATS);
    assert.equal(result.elementCount, 3);
    assert.equal(result.documentName, 'notebook_outputs.ipynb, outputs of cell 2');
    await walkthroughTabsSettled('BCE: notebook_outputs.ipynb, outputs of cell 2');
  });

  it('reads a stdout line and a text/plain array([...], dtype=float32) result together', async () => {
    await cursorInCell(2);
    const result = await explain();
    assert.ok(result);
    assert.equal(sixDigits(result.loss), MEAN_NATS);
    assert.equal(result.documentName, 'notebook_outputs.ipynb, outputs of cell 3');
  });

  it("reads Jupyter's repr of a tuple of TensorFlow tensors", async () => {
    await cursorInCell(3);
    const result = await explain();
    assert.ok(result);
    assert.deepEqual(result.elementLosses.map(sixDigits), ELEMENT_NATS);
  });

  it('an output torch shortened with ... gets the message about printing in full, and no panel', async () => {
    await cursorInCell(4);
    await captureErrorMessages(undefined, async (messages) => {
      assert.equal(await explain(), undefined);
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.message, /shortened it when printing/);
      assert.match(messages[0]!.message, /Print the full array/);
    });
    assert.equal(walkthroughTabs().length, 0);
  });

  it('a cell whose source holds arrays is still explained from its source', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(workspaceUri('notebook.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const editor = await vscode.window.showTextDocument(notebook.cellAt(1).document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const result = await explain();
    assert.ok(result);
    assert.equal(result.documentName, 'notebook.ipynb');
  });
});
