/// <reference types="mocha" />
// The hover in the real workbench, through `vscode.executeHoverProvider` as the editor asks for
// it. Expected numbers are golden values from /work/shared/reference/loss-semantics.md.
// Timings are logged, never asserted.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplainResult } from '../../../src/extension/walkthrough/explainCommand';
import { DEFAULT_HOVER_LANGUAGES } from '../../../src/extension/hover/settings';
import { closeAllEditors, eventually, openUntitled as openText, walkthroughTabsSettled, withSetting, workspaceUri } from '../helpers';

const HOVER_COMMAND = 'lossWalkthrough.explainFromHover';
const ARTICLE = '# The article\nlabels = [car, cat, dog]\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]\n';
const IMAGE = /!\[(?:[^\]\\]|\\.)*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/;

function markdownOf(hovers: readonly vscode.Hover[]): string[] {
  return hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'));
}

async function hoverAt(document: vscode.TextDocument, line: number, needle: string, shift = 0): Promise<{ texts: string[]; hovers: vscode.Hover[] }> {
  const character = document.lineAt(line).text.indexOf(needle);
  assert.ok(character >= 0, `fixture: '${needle}' not on line ${line}: '${document.lineAt(line).text.slice(0, 80)}' (${document.uri.toString()})`);
  const started = Date.now();
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character + shift))) ?? [];
  console.log(`      hover at ${line}:${character + shift} of a ${document.lineCount}-line ${document.languageId} document took ${Date.now() - started} ms`);
  // Only ours: other extensions may add hovers of their own.
  const ours = hovers.filter((h) => markdownOf([h])[0]!.includes('Loss') || markdownOf([h])[0]!.includes('look like'));
  return { texts: markdownOf(ours), hovers: ours };
}

/** The arguments of the hover's "Open walkthrough" link, decoded as VS Code decodes them. */
function linkArguments(markdown: string): unknown[] {
  const match = /\[Open walkthrough\]\(command:([\w.]+)\?([^)]*)\)/.exec(markdown);
  assert.ok(match, 'no "Open walkthrough" command link in the hover');
  assert.equal(match[1], HOVER_COMMAND);
  return JSON.parse(decodeURIComponent(match[2]!)) as unknown[];
}

function svgOf(markdown: string): string {
  const match = IMAGE.exec(markdown);
  assert.ok(match, 'no formula image (data: URI) in the hover');
  const bytes = Uint8Array.from(atob(match[1]!), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

describe('Hover over arrays', () => {
  before(closeAllEditors);
  after(closeAllEditors);

  it('the manifest declares the hover settings with the defaults of the code, and activates on those languages', () => {
    const manifest = vscode.extensions.getExtension('loss-walkthrough.loss-walkthrough')?.packageJSON as {
      activationEvents: string[];
      contributes: { configuration: { properties: Record<string, { default: unknown } | undefined> } };
    };
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(properties['lossWalkthrough.hover.languages']?.default, DEFAULT_HOVER_LANGUAGES);
    assert.equal(properties['lossWalkthrough.hover.enabled']?.default, true);
    for (const language of DEFAULT_HOVER_LANGUAGES) assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), language);
  });

  it("on the article's targets in Python: the loss 0.228393, the table, the formula image, the link", async () => {
    const document = await openText(ARTICLE);
    const { texts, hovers } = await hoverAt(document, 2, '0,');
    assert.equal(texts.length, 1, 'one hover of ours');
    const md = texts[0]!;
    assert.match(md, /L = 0\.228393/);
    assert.match(md, /PyTorch/);
    assert.match(md, /\| car \| 1 \| 0\.8 \| 0\.223144 \|/);
    assert.match(md, /\| cat \| 0 \| 0\.3 \| 0\.356675 \|/);
    assert.match(md, /\| dog \| 1 \| 0\.9 \| 0\.105361 \|/);
    assert.match(svgOf(md), /^<svg /);
    // The hover covers the array literal.
    assert.deepEqual(hovers[0]!.range, new vscode.Range(2, 10, 2, 19));
    const content = hovers[0]!.contents[0];
    assert.ok(content instanceof vscode.MarkdownString);
  });

  it('on the predictions too, with the same loss', async () => {
    const document = await openText(ARTICLE);
    const { texts } = await hoverAt(document, 3, '0.3');
    assert.match(texts[0] ?? '', /L = 0\.228393/);
  });

  it('nothing on a line without arrays, on a name, on a blank line', async () => {
    const document = await openText(ARTICLE);
    for (const [line, needle] of [
      [0, 'article'],
      [2, 'targets'],
      [4, ''],
    ] as const) {
      const { texts } = await hoverAt(document, line, needle);
      assert.deepEqual(texts, [], `line ${line}`);
    }
  });

  it('the link opens the panel with exactly these arrays and the same loss', async () => {
    const document = await openText(ARTICLE);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    const { texts } = await hoverAt(document, 2, '1');
    const args = linkArguments(texts[0]!);
    const result = await vscode.commands.executeCommand<ExplainResult | undefined>(HOVER_COMMAND, ...args);
    assert.ok(result, 'the link command returned nothing');
    assert.equal(result.loss.toPrecision(6), '0.228393');
    assert.deepEqual(result.labels, ['car', 'cat', 'dog']);
    assert.equal(result.elementCount, 3);
    await walkthroughTabsSettled(`BCE: ${result.documentName}`);
    await closeAllEditors();
  });

  it('in a notebook cell', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(workspaceUri('notebook.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(1).document;
    assert.equal(cell.uri.scheme, 'vscode-notebook-cell');
    const { texts } = await hoverAt(cell, 2, '0.3');
    assert.match(texts[0] ?? '', /L = 0\.228393/);
    const result = await vscode.commands.executeCommand<ExplainResult | undefined>(HOVER_COMMAND, ...linkArguments(texts[0]!));
    assert.equal(result?.loss.toPrecision(6), '0.228393');
    assert.equal(result?.documentName, 'notebook.ipynb');
    await closeAllEditors();
  });

  it('follows the settings: log base 10 gives 0.0991898, and the link carries it', async () => {
    const document = await openText(ARTICLE);
    await withSetting('logBase', '10', async () => {
      const { texts } = await hoverAt(document, 2, '1');
      assert.match(texts[0] ?? '', /L = 0\.0991898/);
      assert.match(texts[0] ?? '', /log base 10/);
      const result = await vscode.commands.executeCommand<ExplainResult | undefined>(HOVER_COMMAND, ...linkArguments(texts[0]!));
      assert.equal(result?.loss.toPrecision(6), '0.0991898');
    });
    await closeAllEditors();
  });

  it('an array alone: its length, range and look, and how to pair it', async () => {
    const document = await openText('y_true = [1, 0, 1, 1]\n');
    const { texts } = await hoverAt(document, 0, '0');
    assert.match(texts[0] ?? '', /4 numbers, min 0, max 1/);
    assert.match(texts[0] ?? '', /look like targets/);
    assert.match(texts[0] ?? '', /put the predictions next to it/);
    assert.doesNotMatch(texts[0] ?? '', /command:/, 'nothing to open without a pair');
  });

  it('JSON, Markdown and plain text documents too', async () => {
    for (const [language, content, line, needle] of [
      ['json', '{\n  "targets": [1, 0, 1],\n  "predictions": [0.8, 0.3, 0.9]\n}', 1, '0,'],
      ['markdown', '# Results\n\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]\n', 3, '0.3'],
      ['plaintext', 'targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]', 0, '0,'],
    ] as const) {
      const { texts } = await hoverAt(await openText(content, language), line, needle);
      assert.match(texts[0] ?? '', /L = 0\.228393/, language);
    }
  });

  it('can be switched off, or limited to other languages', async () => {
    const document = await openText(ARTICLE);
    await withSetting('hover.enabled', false, async () => {
      await eventually(async () => ((await hoverAt(document, 2, '1')).texts.length === 0 ? true : undefined));
    });
    await withSetting('hover.languages', ['json'], async () => {
      await eventually(async () => ((await hoverAt(document, 2, '1')).texts.length === 0 ? true : undefined));
    });
    // Back to the defaults: the hover returns.
    await eventually(async () => ((await hoverAt(document, 2, '1')).texts.length === 1 ? true : undefined));
  });

  it('a 100,000-element array on one line: the loss, ten rows, under the 100,000-character limit', async () => {
    const n = 100_000;
    const targets = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '1' : '0')).join(', ');
    // Each element's loss is −ln 0.8 = 0.22314355 (PyTorch computes in float32: 6 digits).
    const predictions = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '0.8' : '0.2')).join(', ');
    const document = await openText(`targets = [${targets}]\npredictions = [${predictions}]\n`);
    const { texts } = await hoverAt(document, 1, '0.2');
    const md = texts[0] ?? '';
    assert.match(md, /L = 0\.223144/);
    assert.match(md, /… 99,990 more/);
    assert.ok(md.length < 100_000, `${md.length} characters`);
    // Warm: the same hover again, as when the pointer moves along the array.
    await hoverAt(document, 1, '0.2', 10);
  });

  it('a line too long to read says so instead of parsing it', async () => {
    const document = await openText(`targets = [${'1, '.repeat(700_001)}1]\n`);
    const { texts } = await hoverAt(document, 0, '1');
    assert.match(texts[0] ?? '', /too long to preview/);
  });

  it('the formula is drawn in the colour of the theme kind, and again after a theme change', async () => {
    const document = await openText(ARTICLE);
    const workbench = vscode.workspace.getConfiguration('workbench');
    const fillWith = async (theme: string, kind: vscode.ColorThemeKind): Promise<string> => {
      await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
      await eventually(async () => (vscode.window.activeColorTheme.kind === kind ? true : undefined));
      const { texts } = await hoverAt(document, 2, '1');
      return /fill="([^"]+)"/.exec(svgOf(texts[0] ?? ''))?.[1] ?? '';
    };
    try {
      assert.equal(await fillWith('Default Light Modern', vscode.ColorThemeKind.Light), '#3b3b3b');
      assert.equal(await fillWith('Default Dark Modern', vscode.ColorThemeKind.Dark), '#cccccc');
      assert.equal(await fillWith('Default High Contrast', vscode.ColorThemeKind.HighContrast), '#ffffff');
      assert.equal(await fillWith('Default High Contrast Light', vscode.ColorThemeKind.HighContrastLight), '#000000');
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
