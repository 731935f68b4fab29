/// <reference types="node" />
// The LaTeX export must compile as is with plain pdflatex (hostile labels and Unicode included).
// Runs where a TeX installation is present (Debian: texlive-latex-base), skips elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWalkthrough } from '../../src/core/derivation';
import { renderLatex } from '../../src/render';
import { fixture } from '../core/derivation/parsed-fixture';

const hasPdflatex = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' }).status === 0;

test('the LaTeX document compiles with pdflatex', (t) => {
  if (!hasPdflatex) {
    t.skip('pdflatex is not installed');
    return;
  }
  const labels = ['<img src=x onerror=alert(1)>', '</svg><script>', String.raw`\def\x{\x}\x`, '$$', '}{', String.raw`\href{javascript:alert(1)}{x}`, 'café 日本 😀', 'a_b^c~%#&'];
  const r = buildWalkthrough(
    fixture('targets = [1, 0, 1, 0, 0.5, 1, 1, 0]\npredictions = [0.8, 0.3, 0.9, 0, 0.5, 0.6, 0, 1]', { labels }),
    { preset: 'pytorch', reduction: 'mean', logBase: '10', dtype: 'float32', weight: [1, 2, 3, 1, 1, 1, 1, 1] },
  );
  if (!r.ok) assert.fail(r.error.message);
  const dir = mkdtempSync(join(tmpdir(), 'lw-latex-'));
  try {
    writeFileSync(join(dir, 'w.tex'), renderLatex(r.value));
    const run = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'w.tex'], { cwd: dir, encoding: 'utf8' });
    const log = readFileSync(join(dir, 'w.log'), 'utf8');
    assert.equal(run.status, 0, log.split('\n').filter((l) => l.startsWith('!')).join('\n'));
    assert.doesNotMatch(log, /^! /m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
