/// <reference types="mocha" />
// The Get Started walkthrough as declared in package.json: every button runs a command VS Code
// knows, every example it opens ships with the extension, every step's text is there, and every
// completion event names a context key the extension sets or a setting it declares.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../../src/extension/commands';
import { EXAMPLE_LANGUAGES } from '../../../src/extension/learn/examples';
import { ProgressKey } from '../../../src/extension/learn/progress';

const EXTENSION_ID = 'loss-walkthrough.loss-walkthrough';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: unknown };
  completionEvents?: string[];
}

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found);
  return found;
}

async function readText(...path: string[]): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension().extensionUri, ...path)));
}

/** The steps with their `%key%` texts looked up in package.nls.json (whether or not VS Code already did). */
async function steps(): Promise<Step[]> {
  const manifest = JSON.parse(await readText('package.json')) as { contributes: { walkthroughs?: { steps: Step[] }[] } };
  const nls = JSON.parse(await readText('package.nls.json')) as Record<string, string>;
  const text = (value: string) => {
    const key = /^%(.+)%$/.exec(value)?.[1];
    if (key === undefined) return value;
    const found = nls[key];
    assert.equal(typeof found, 'string', `package.nls.json has no '${key}'`);
    return found!;
  };
  const walkthroughs = manifest.contributes.walkthroughs ?? [];
  assert.equal(walkthroughs.length, 1);
  return walkthroughs[0]!.steps.map((step) => ({ ...step, title: text(step.title), description: text(step.description) }));
}

/** `[label](command:id?args)` links: the id and the decoded argument array. */
function commandLinks(description: string): { id: string; args: unknown[] }[] {
  return [...description.matchAll(/\]\(command:([\w.]+)(?:\?([^)\s]+))?\)/g)].map((m) => {
    const args = m[2] === undefined ? [] : (JSON.parse(decodeURIComponent(m[2])) as unknown);
    return { id: m[1]!, args: Array.isArray(args) ? args : [args] };
  });
}

describe('Get Started walkthrough (manifest)', () => {
  before(async () => {
    await extension().activate();
  });

  it('has four to six steps, each with a title, a description and a button', async () => {
    const all = await steps();
    assert.ok(all.length >= 4 && all.length <= 6, `${all.length} steps`);
    for (const step of all) {
      assert.ok(step.title.trim().length > 0, step.id);
      assert.ok(commandLinks(step.description).length > 0, `step ${step.id} has no command button`);
    }
  });

  it('names only commands that VS Code knows', async () => {
    const known = new Set(await vscode.commands.getCommands(true));
    for (const step of await steps()) {
      for (const link of commandLinks(step.description)) assert.ok(known.has(link.id), `step ${step.id}: ${link.id} is not a command`);
    }
  });

  it('opens only examples that ship with the extension', async () => {
    let opened = 0;
    for (const step of await steps()) {
      for (const link of commandLinks(step.description).filter((l) => l.id === 'lossWalkthrough.openExample')) {
        const name = link.args[0];
        assert.equal(typeof name, 'string');
        assert.ok(Object.keys(EXAMPLE_LANGUAGES).includes(name as string), `${String(name)} is not an example`);
        assert.ok((await readText('examples', name as string)).length > 0);
        opened++;
      }
    }
    assert.ok(opened >= 3, 'the steps open the examples');
  });

  it('shows a Markdown page for every step', async () => {
    for (const step of await steps()) {
      assert.ok(step.media.markdown, `step ${step.id} has no markdown media`);
      assert.match(await readText(step.media.markdown), /^# /, step.media.markdown);
    }
  });

  it('ticks steps on context keys the extension sets, settings it declares and its commands', async () => {
    const settings = Object.keys((extension().packageJSON as { contributes: { configuration: { properties: object } } }).contributes.configuration.properties);
    const keys: string[] = Object.values(ProgressKey);
    for (const step of await steps()) {
      const events = step.completionEvents ?? [];
      assert.ok(events.length > 0, `step ${step.id} never completes`);
      for (const event of events) {
        const [kind, argument] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
        if (kind === 'onContext') assert.ok(keys.includes(argument), `${event}: the extension never sets ${argument}`);
        else if (kind === 'onSettingChanged') assert.ok(settings.includes(argument), `${event}: no such setting`);
        else if (kind === 'onCommand') assert.ok((Object.values(CommandId) as string[]).includes(argument), `${event}: not a command of the extension`);
        else assert.fail(`step ${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  it('ships examples/ in the .vsix', async () => {
    const ignore = await readText('.vscodeignore').catch(() => undefined);
    // Installed from a .vsix there is no .vscodeignore; the examples read above are the proof.
    if (ignore !== undefined) assert.match(ignore, /^!examples\/\*\*$/m);
  });
});
