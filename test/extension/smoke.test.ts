/// <reference types="mocha" />
// The harness itself works: the suite runs inside a real workbench, the extension under
// development is installed there, and running its command activates it.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'loss-walkthrough.loss-walkthrough';
const COMMAND_ID = 'lossWalkthrough.explainBinaryCrossEntropy';

describe('smoke: extension host', () => {
  it('runs inside VS Code and reports its version', () => {
    assert.equal(typeof vscode.version, 'string');
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
  });

  it('has the extension installed, and running its command activates it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the test workbench`);
    await vscode.commands.executeCommand(COMMAND_ID);
    assert.equal(extension.isActive, true);
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND_ID));
  });
});
