/// <reference types="node" />
// The engine's sentences go through @vscode/l10n, which the extension configures with VS Code's
// bundle for the display language (src/extension/language.ts). Here a small German bundle
// stands in for it: the parser's errors, the derivation's steps and notes, and the writers'
// headings come out translated, and what the bundle lacks stays English. The bundle is loaded
// after the modules, as in the extension host, so text fixed at import time would show up here.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { buildWalkthrough } from '../../src/core/derivation';
import { parseInput } from '../../src/core/parse';
import { renderMarkdown } from '../../src/render';
import bundle from '../../l10n/bundle.l10n.json';

const GERMAN: Record<string, string> = {
  'Found the targets ({0}) but no predictions.': 'Die Zielwerte ({0}) sind da, aber keine Vorhersagen.',
  'Put in the numbers: y = {0} and ŷ = {1}.': 'Zahlen einsetzen: y = {0} und ŷ = {1}.',
  'Every framework uses the natural log (ln). A tutorial that shows 0.0969 for −log(0.8) is using base 10: the same loss in another unit, 2.302585 (ln 10) times smaller.':
    'Jedes Framework nutzt den natürlichen Logarithmus (ln).',
  'Step by step': 'Schritt für Schritt',
};

after(() => l10n.config({ contents: {} }));

test('every German key is a message the engine writes (l10n/bundle.l10n.json is regenerated from the sources)', () => {
  for (const key of Object.keys(GERMAN)) assert.ok(key in bundle, key);
});

test('parser errors, derivation steps, notes and headings follow the configured bundle', () => {
  l10n.config({ contents: GERMAN });
  const missing = parseInput('targets = [1, 0, 1]');
  assert.equal(missing.ok, false);
  if (!missing.ok) assert.equal(missing.error.message, 'Die Zielwerte (targets) sind da, aber keine Vorhersagen.');

  const parsed = parseInput('labels = [car, cat, dog]\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]');
  assert.ok(parsed.ok);
  const w = buildWalkthrough(parsed.value, { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' });
  assert.ok(w.ok);
  const substitute = w.value.derivations[0]?.steps.find((s) => s.kind === 'substitute');
  assert.equal(substitute?.text, 'Zahlen einsetzen: y = 1 und ŷ = 0.8.');
  assert.ok(w.value.notes.includes('Jedes Framework nutzt den natürlichen Logarithmus (ln).'), w.value.notes.join(' | '));

  const markdown = renderMarkdown(w.value);
  assert.match(markdown, /Schritt für Schritt/);
  // A message the bundle does not hold stays English.
  assert.match(markdown, /Evaluate the natural log: ln\(0\.8\)/);
  // The numbers are the same in any language.
  assert.match(markdown, /0\.228393/);
});

test('with an empty bundle the engine writes its English source text', () => {
  l10n.config({ contents: {} });
  const missing = parseInput('targets = [1, 0, 1]');
  assert.ok(!missing.ok && missing.error.message === 'Found the targets (targets) but no predictions.');
});
