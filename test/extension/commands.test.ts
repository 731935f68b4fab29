/// <reference types="mocha" />
// The manifest and the code agree: every command id the code registers is contributed (and the
// other way round), and every `%key%` in package.json has its text in package.nls.json.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId, WALKTHROUGH_VIEW_TYPE } from '../../src/extension/commands';

const EXTENSION_ID = 'loss-walkthrough.loss-walkthrough';

function manifest(): { contributes: { commands: { command: string }[] }; activationEvents: string[] } & Record<string, unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return extension.packageJSON;
}

describe('manifest', () => {
  it('contributes exactly the commands of CommandId, and VS Code knows them all', async () => {
    const contributed = manifest().contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(CommandId).sort());
    // Activation happens in earlier suites or here; then every id must be registered.
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const known = await vscode.commands.getCommands(true);
    for (const id of Object.values(CommandId)) assert.ok(known.includes(id), `${id} is not registered`);
  });

  it('activates for its panel (restoring it after a reload), not for everything', () => {
    const events = manifest().activationEvents;
    assert.ok(events.includes(`onWebviewPanel:${WALKTHROUGH_VIEW_TYPE}`));
    assert.ok(!events.includes('*'));
  });

  it('has a text in package.nls.json for every %key% of package.json', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, name)));
    const keys = [...(await read('package.json')).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    const nls = JSON.parse(await read('package.nls.json')) as Record<string, string>;
    assert.ok(keys.length > 20);
    for (const key of keys) assert.equal(typeof nls[key], 'string', `package.nls.json has no '${key}'`);
  });
});
