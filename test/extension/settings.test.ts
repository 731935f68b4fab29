/// <reference types="mocha" />
// Settings are read in one place and checked there: the defaults match the manifest, and a
// hand-edited value that makes no sense falls back or is brought into range.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, readSettings } from '../../src/extension/settings';
import { withSetting } from './helpers';

describe('settings', () => {
  it('the defaults in the code are the defaults in package.json', () => {
    const extension = vscode.extensions.getExtension('loss-walkthrough.loss-walkthrough');
    assert.ok(extension);
    const properties = extension.packageJSON.contributes.configuration.properties as Record<string, { default: unknown } | undefined>;
    // Other features (the hover) contribute settings of their own; these are the walkthrough's.
    const fromManifest = Object.fromEntries(Object.keys(DEFAULT_SETTINGS).map((key) => [key, properties[`lossWalkthrough.${key}`]?.default]));
    assert.deepEqual(fromManifest, { ...DEFAULT_SETTINGS });
  });

  it('reads what the user set', async () => {
    await withSetting('reduction', 'sum', async () => assert.equal(readSettings().reduction, 'sum'));
    await withSetting('logBase', '2', async () => assert.equal(readSettings().logBase, '2'));
  });

  it('falls back to the default for a value outside the enum', async () => {
    await withSetting('preset', 'caffe', async () => assert.equal(readSettings().preset, 'pytorch'));
    await withSetting('logBase', 'seven', async () => assert.equal(readSettings().logBase, 'e'));
  });

  it('takes a number where the enum is a numeral (logBase 10)', async () => {
    await withSetting('logBase', 10, async () => assert.equal(readSettings().logBase, '10'));
  });

  it('brings numbers into range', async () => {
    await withSetting('precision', 40, async () => assert.equal(readSettings().precision, 17));
    await withSetting('precision', 0, async () => assert.equal(readSettings().precision, 1));
    await withSetting('maxRenderedLabels', 'many', async () => assert.equal(readSettings().maxRenderedLabels, 50));
  });
});
