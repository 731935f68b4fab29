// The CLI as a person runs it: a real process, real files and stdin, exit codes and streams.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_MAX_DERIVATIONS, DEFAULT_MAX_ROWS, HTML_MAX_DERIVATIONS, runCli } from '../src/cli';

const ARTICLE = 'labels = [car, cat, dog]\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]\n';
const dir = mkdtempSync(join(tmpdir(), 'lw-cli-'));
const articleFile = join(dir, 'article.py');
writeFileSync(articleFile, ARTICLE);

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Golden values from shared/reference/loss-semantics.md.
const close = (actual: unknown, expected: number, tol = 1e-6) =>
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tol, `${String(actual)} is not within ${tol} of ${expected}`);

describe('loss-walkthrough CLI', () => {
  it('explains the article example from a file as text', () => {
    const r = cli([articleFile]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Loss L = 0\.228393\b/);
    for (const label of ['car', 'cat', 'dog']) assert.match(r.stdout, new RegExp(`^${label} \\(element`, 'm'));
    assert.equal(r.stderr, '');
  });

  it('reads standard input when no file is given', () => {
    const r = cli(['--log-base', '10'], ARTICLE);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Loss L = 0\.0991898\b/);
  });

  it('writes the documented JSON contract', () => {
    const r = cli(['--format', 'json', '--dtype', 'float64', articleFile]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    close(json.loss, 0.228393);
    assert.equal(json.reduction, 'mean');
    assert.equal(json.preset, 'pytorch');
    assert.equal(json.input, 'probabilities');
    assert.equal(json.logBase, 'e');
    assert.deepEqual(json.shape, [3]);
    assert.equal(json.elements.length, 3);
    const [car, cat, dog] = json.elements;
    assert.deepEqual(car.index, [0]);
    assert.equal(car.label, 'car');
    assert.equal(car.target, 1);
    assert.equal(car.prediction, 0.8);
    assert.equal(car.logit, null);
    close(car.loss, 0.22314355, 1e-8);
    close(cat.loss, 0.35667494, 1e-8);
    close(dog.loss, 0.10536052, 1e-8);
    // ∂L/∂p = (p - y) / (p (1 - p)) / N, ∂L/∂z = (p - y) / N
    close(car.gradPrediction, (0.8 - 1) / (0.8 * 0.2) / 3, 1e-12);
    close(cat.gradLogit, (0.3 - 0) / 3, 1e-12);
    assert.equal(car.clamped, false);
    assert.equal(json.sampleLosses, undefined);
    assert.ok(Array.isArray(json.notes) && json.notes.length > 0);
  });

  it('nests per-element losses for reduction none and gives per-sample losses for a batch', () => {
    const r = cli(['--format', 'json', '--reduction', 'none', '--dtype', 'float64'], 'y_true = [[1, 0], [0, 1]]\ny_pred = [[0.8, 0.3], [0.4, 0.9]]');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(json.shape, [2, 2]);
    assert.equal(json.loss.length, 2);
    close(json.loss[0][0], -Math.log(0.8), 1e-12);
    close(json.loss[1][0], -Math.log(0.6), 1e-12);
    close(json.sampleLosses[0], (-Math.log(0.8) - Math.log(0.7)) / 2, 1e-12);
    close(json.sampleLosses[1], (-Math.log(0.6) - Math.log(0.9)) / 2, 1e-12);
    assert.deepEqual(json.elements[3].index, [1, 1]);
  });

  it('writes infinities as strings in JSON', () => {
    const r = cli(['--format', 'json', '--preset', 'exact', '--dtype', 'float64'], 'targets = [1]\npredictions = [0]');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /"loss": "Infinity"/);
  });

  it('applies the preset, weights and label smoothing', () => {
    const weighted = JSON.parse(cli(['--format', 'json', '--dtype', 'float64', '--weight', '[1, 2, 3]', articleFile]).stdout);
    close(weighted.loss, 0.417525);
    const sklearn = JSON.parse(cli(['--format', 'json', '--preset', 'sklearn', '--weight', '1,2,3', articleFile]).stdout);
    close(sklearn.loss, 0.208762);
    const smoothed = JSON.parse(cli(['--format', 'json', '--dtype', 'float64', '--label-smoothing', '0.1', articleFile]).stdout);
    close(smoothed.loss, 0.30224);
    const logits = JSON.parse(cli(['--format', 'json', '--dtype', 'float64', '--input', 'logits', '--pos-weight', '[2]'], 'targets = [1, 0, 1]\nlogits = [2, -1, 3]').stdout);
    close(logits.loss, 0.221431);
  });

  it('writes Markdown, LaTeX and a standalone HTML page', () => {
    const md = cli(['--format', 'markdown', articleFile]);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /\$\$/);
    const tex = cli(['--format', 'latex', articleFile]);
    assert.match(tex.stdout, /\\begin\{document\}/);
    const html = cli(['--format', 'html', articleFile]);
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, /^<!DOCTYPE html>/i);
    assert.ok((html.stdout.match(/<svg/g) ?? []).length >= 3, 'one equation per step at least');
    assert.doesNotMatch(html.stdout, /<script/i);
  });

  it('exits 1 on bad input with the place and no stack trace', () => {
    const r = cli(['--input', 'probabilities'], 'targets = [1, 0]\npredictions = [0.5, 2.5]');
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^<stdin>:2:/);
    assert.match(r.stderr, /2\.5/);
    assert.match(r.stderr, /logits/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('exits 1 when the file cannot be read', () => {
    const r = cli([join(dir, 'missing.py')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /cannot read .*missing\.py \(ENOENT\)/);
  });

  it('exits 2 on bad usage and prints help on --help', () => {
    for (const args of [['--preset', 'caffe'], ['--bogus'], ['--precision', '0'], ['--weight', 'heavy'], ['a', 'b']]) {
      const r = cli(args, '');
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /--help/);
    }
    const help = cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: loss-walkthrough/);
    assert.match(help.stdout, /^ {2}--swap {2,}exchange the targets and the predictions/m);
  });

  it('unnamed arrays, predictions first (the issue example): the values decide, the answer is 0.228393 not 20', () => {
    const r = cli([], 'a = [0.8, 0.3, 0.9]\nb = [1, 0, 1]\n');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Loss L = 0\.228393\b/);
    assert.match(r.stdout, /No names were given, so the values decided: b holds only 0s and 1s/);
    assert.doesNotMatch(r.stdout, /Warning:/);
    assert.equal(r.stderr, '');
  });

  it('a named pair that looks swapped: the warning in every format, the hint on stderr, and --swap gives the swapped walkthrough', () => {
    const text = 'targets = [0.8, 0.3, 0.9]\npredictions = [1, 0, 1]\n';
    const warning = /The targets and the predictions look swapped: .* the loss would be 0\.228393 instead of 20\b/;
    const plain = cli([], text);
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /Loss L = 20\b/);
    assert.match(plain.stdout, /^Warning: /m);
    assert.match(plain.stdout, warning);
    assert.match(plain.stderr, /look swapped; run again with --swap/);
    for (const format of ['markdown', 'latex', 'html']) {
      const r = cli(['--format', format], text);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /look swapped/, format);
    }
    const json = JSON.parse(cli(['--format', 'json', '--dtype', 'float64'], text).stdout);
    close(json.loss, 20, 1e-9);
    assert.equal(json.warnings.length, 1);
    assert.match(json.warnings[0], warning);

    const swapped = cli(['--swap', '--format', 'json', '--dtype', 'float64'], text);
    assert.equal(swapped.code, 0, swapped.stderr);
    assert.equal(swapped.stderr, '');
    const s = JSON.parse(swapped.stdout);
    close(s.loss, 0.228393);
    assert.deepEqual(s.elements.map((e: { target: number }) => e.target), [1, 0, 1]);
    assert.equal(s.warnings, undefined);
    assert.ok(s.notes.some((n: string) => /swapped, as asked/.test(n)));
    // Without a warning --swap still does what it says: the article pair swapped gives the 20.
    const forced = cli(['--swap'], ARTICLE);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, /Loss L = 20\b/);
    assert.match(forced.stderr, /still look swapped; run again without --swap/);
  });
});

// Output of any size: the document formats are capped by default and say what they left out;
// with 'all' they are written element by element. Run in this process through runCli, with
// standard output collected write by write, so that the size of each write shows the streaming.
describe('loss-walkthrough CLI on big inputs', () => {
  const HALF = 500_000;
  // Every element is y = 1, ŷ = 0.8 or y = 0, ŷ = 0.2, so every loss, and the mean, is −ln 0.8.
  const million = `targets = [${Array.from({ length: HALF }, (_, i) => (i % 2 ? '0' : '1')).join(', ')}]\npredictions = [${Array.from({ length: HALF }, (_, i) => (i % 2 ? '0.2' : '0.8')).join(', ')}]\n`;
  const small = (n: number) =>
    `targets = [${Array.from({ length: n }, (_, i) => i % 2).join(', ')}]\npredictions = [${Array.from({ length: n }, (_, i) => ((i * 37) % 97 + 1) / 100).join(', ')}]\n`;
  const css = readFileSync(join('media', 'walkthrough.css'), 'utf8');

  async function run(args: string[], input: string) {
    const writes: string[] = [];
    let stderr = '';
    const code = await runCli(args, {
      readFile: () => input,
      readStdin: () => input,
      stdout: (t) => void writes.push(t),
      stderr: (t) => void (stderr += t),
      css: () => css,
    });
    return { code, writes, stdout: writes.join(''), stderr };
  }

  for (const format of ['text', 'markdown', 'latex', 'html']) {
    it(`writes a million numbers as ${format} with the default caps, saying what it left out`, async () => {
      const r = await run(['--format', format], million);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /Loss L = 0\.223144\b/);
      assert.match(r.stdout, new RegExp(`Step-by-step derivations are shown for ${DEFAULT_MAX_DERIVATIONS} of ${HALF} elements`));
      assert.match(r.stdout, new RegExp(`The table shows the first ${DEFAULT_MAX_ROWS} of ${HALF} elements`));
      // The last element shown in the table and the last card; none beyond them.
      const card = format === 'html' ? (n: number) => `id="lw-card-${n}"` : format === 'latex' ? (n: number) => `{Element ${n}}` : (n: number) => `Element ${n}\n`;
      assert.ok(r.stdout.includes(card(DEFAULT_MAX_DERIVATIONS)), 'the last card');
      assert.ok(!r.stdout.includes(card(DEFAULT_MAX_DERIVATIONS + 1)), 'a card past the cap');
    });
  }

  it('writes a million numbers as JSON, every element', async () => {
    const r = await run(['--format', 'json'], million);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.split('"index":').length - 1, HALF);
  });

  it("streams every table row of a million numbers with --max-rows all, in bounded writes", async () => {
    const r = await run(['--max-rows', 'all', '--max-derivations', '3'], million);
    assert.equal(r.code, 0, r.stderr);
    // The table: a header and one line per element, the last one padded like the first.
    const rows = r.stdout.split('\n').filter((l) => /^\s*\d+\s+[01]\s+0\.[28]\s+0\.223144$/.test(l));
    assert.equal(rows.length, HALF);
    assert.match(rows[HALF - 1]!, /^500000 +0 +0\.2 +0\.223144$/);
    assert.match(rows[0]!, /^ {5}1 +1 +0\.8 +0\.223144$/);
    assert.doesNotMatch(r.stdout, /The table shows the first/);
    assert.match(r.stdout, /Step-by-step derivations are shown for 3 of 500000 elements/);
    // Streamed: many writes, none much bigger than the write size (64 KB plus one chunk).
    assert.ok(r.writes.length > 100, `${r.writes.length} writes`);
    assert.ok(Math.max(...r.writes.map((w) => w.length)) < 70_000, 'a write far over the write size');
  });

  for (const format of ['text', 'markdown', 'latex', 'html']) {
    it(`writes every derivation as ${format} with --max-derivations all`, async () => {
      // Past the default cap; an HTML card typesets its equations, so fewer there.
      const n = format === 'html' ? 120 : 1_000;
      const r = await run(['--format', format, '--max-derivations', 'all', '--max-rows', 'all'], small(n));
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stdout, /derivations are shown for|The table shows the first/);
      const card = format === 'html' ? (k: number) => `id="lw-card-${k}"` : (k: number) => `Element ${k}`;
      for (const k of [1, 51, n]) assert.ok(r.stdout.includes(card(k)), `the card of element ${k}`);
      // Written as made: the write size plus one chunk (an HTML card, or the page's stylesheet, is bigger).
      assert.ok(r.writes.length > 1);
      assert.ok(Math.max(...r.writes.map((w) => w.length)) < (format === 'html' ? 300_000 : 70_000), 'a write far over the write size');
    });
  }

  it('takes a number or all for the caps, and refuses an HTML page past its stated size', async () => {
    const capped = await run(['--format', 'markdown', '--max-derivations', '2', '--max-rows', '4'], small(10));
    assert.equal(capped.code, 0, capped.stderr);
    assert.match(capped.stdout, /Step-by-step derivations are shown for 2 of 10 elements/);
    assert.match(capped.stdout, /The table shows the first 4 of 10 elements/);
    for (const bad of [['--max-derivations', 'lots'], ['--max-rows=-1'], ['--max-rows', '2.5']]) {
      const r = await run(bad, small(3));
      assert.equal(r.code, 2, bad.join(' '));
      assert.match(r.stderr, /must be a whole number, 0 or more, or 'all'/);
    }
    const html = await run(['--format', 'html', '--max-derivations', 'all'], small(HTML_MAX_DERIVATIONS + 1));
    assert.equal(html.code, 2);
    assert.equal(html.stdout, '');
    assert.match(html.stderr, /at most 10,000 derivations; 10,001 were asked for/);
    assert.match(html.stderr, /--format markdown or latex/);
    const help = cli(['--help']);
    assert.match(help.stdout, /--max-derivations N/);
    assert.match(help.stdout, /--max-rows N/);
  });
});
