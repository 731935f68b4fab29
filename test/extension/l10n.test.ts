/// <reference types="mocha" />
// Localisable: the extension's messages go through vscode.l10n.t, whose English source bundle
// (l10n/bundle.l10n.json, from `npm run l10n:export`) ships with it; a panel label missing from
// the bundle means the bundle was not regenerated after a string was added or changed.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { renderPanelPage } from '../../src/extension/walkthrough/html';

const EXTENSION_ID = 'loss-walkthrough.loss-walkthrough';

async function bundle(): Promise<Record<string, unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  assert.equal((extension.packageJSON as { l10n?: string }).l10n, './l10n');
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'l10n', 'bundle.l10n.json'));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

describe('localisation', () => {
  it('ships an English source bundle: every message maps to itself', async () => {
    const messages = Object.entries(await bundle());
    assert.ok(messages.length > 20);
    for (const [key, value] of messages) assert.equal(value, key);
  });

  it('has every label of the panel page in the bundle', async () => {
    const resources = { cspSource: 'https://x', walkthroughCss: 'a.css', panelCss: 'b.css', panelJs: 'c.js' };
    const page = renderPanelPage(resources, {
      title: 'BCE: x.py',
      mathStyleSheet: '',
      fragment: '',
      renderedDerivations: 1,
      totalDerivations: 3,
      nextBatch: 2,
      state: null,
    });
    const labels = [...page.matchAll(/<button[^>]*>([^<]+)<\/button>/g), ...page.matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    // "Render 2 more" (the exports are title bar commands, translated through package.nls.json).
    assert.ok(labels.length >= 1, labels.join(' | '));
    const keys = Object.keys(await bundle());
    // A label with a number in it comes from a template such as 'Render {0} more'.
    const asTemplate = (label: string) => label.replace(/\d+/g, (_, i: number) => `{${label.slice(0, i).match(/\d+/g)?.length ?? 0}}`);
    for (const label of labels) assert.ok(keys.includes(label) || keys.includes(asTemplate(label)), `'${label}' is not in l10n/bundle.l10n.json`);
  });
});
