// The CLI with --loss softmax-ce, as a person runs it: a real process, files and stdin, exit codes.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const INPUT = 'classes = ["cat", "dog", "bird"]\ny = [0, 2, 1, 2]\nlogits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-1.2, 0.3, 3.3], [0.0, 0.0, 0.0]]\n';
const dir = mkdtempSync(join(tmpdir(), 'lw-cli-softmax-'));
const file = join(dir, 'batch.py');
writeFileSync(file, INPUT);

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Goldens printed by test/core/softmax/goldens.py (real PyTorch 1.13.1).
const close = (actual: unknown, expected: number, tol = 1e-6) =>
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${String(actual)} is not within ${tol} of ${expected}`);

describe('loss-walkthrough --loss softmax-ce', () => {
  it('explains class indices against logits as text', () => {
    const r = cli(['--loss', 'softmax-ce', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Softmax cross entropy \(mean\) = 2\.05698/);
    assert.match(r.stdout, /The largest logit, m = 2, is subtracted first/);
    assert.match(r.stdout, /Which loss fits/);
  });

  it('JSON: the BCE fields plus sampleLosses, probabilities and gradLogits per sample', () => {
    const r = cli(['--loss', 'softmax-ce', '--format', 'json', '--weight', '[1, 2, 0.25]'], INPUT);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    for (const key of ['loss', 'reduction', 'preset', 'input', 'logBase', 'shape', 'elements', 'sampleLosses', 'notes', 'probabilities', 'gradLogits', 'lossFunction']) assert.ok(key in j, key);
    close(j.loss, 2.206630229949951); // torch_idx_weight_mean
    assert.deepEqual(j.shape, [4, 3]);
    [0.4170299470424652, 0.9132945537567139, 6.118227958679199, 0.2746530771255493].forEach((v, i) => close(j.sampleLosses[i], v)); // torch_idx_weight_none
    close(j.probabilities[0][0], 0.6590011715888977);
    close(j.gradLogits[0][0], -0.09742823988199234); // torch_idx_weight_grad
    assert.equal(j.whichLoss.calls, 'softmax-ce');
  });

  it('--ignore-index and --reduction none', () => {
    const r = cli(['--loss', 'softmax-ce', '--format', 'json', '--ignore-index', '1'], 'y = [0, 1, 1, 2]\nlogits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-1.2, 0.3, 3.3], [0.0, 0.0, 0.0]]');
    assert.equal(r.code, 0, r.stderr);
    close(JSON.parse(r.stdout).loss, 0.7578211426734924); // torch_idx_ignore1_mean
  });

  it('scikit-learn on probabilities, float64 by default', () => {
    const r = cli(['--loss', 'softmax-ce', '--preset', 'sklearn', '--format', 'json'], 'y = [0, 2, 1, 2]\np = [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.0, 0.05, 0.95], [0.5, 0.3, 0.2]]');
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.dtype, 'float64');
    assert.equal(j.input, 'probabilities');
  });

  it('markdown, latex and html formats', () => {
    assert.match(cli(['--loss', 'softmax-ce', '--format', 'markdown', file]).stdout, /^# Softmax cross entropy walkthrough/);
    assert.match(cli(['--loss', 'softmax-ce', '--format', 'latex', file]).stdout, /\\begin\{document\}/);
    const html = cli(['--loss', 'softmax-ce', '--format', 'html', file]);
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, /<title>Softmax cross entropy walkthrough: /);
  });

  it('bad input exits 1 with the place; bad usage exits 2', () => {
    const bad = cli(['--loss', 'softmax-ce', file.replace('batch', 'missing')]);
    assert.equal(bad.code, 1);
    const range = cli(['--loss', 'softmax-ce'], 'y = [3, 0]\nz = [[1, 2, 3], [0, 1, 2]]');
    assert.equal(range.code, 1);
    assert.match(range.stderr, /<stdin>:1:6: Target 0 is 3, not a class index from 0 to 2/);
    for (const args of [['--loss', 'hinge'], ['--ignore-index', '1'], ['--loss', 'softmax-ce', '--pos-weight', '2'], ['--loss', 'softmax-ce', '--preset', 'pytorch-logits'], ['--loss', 'softmax-ce', '--axis', '2']]) {
      const r = cli(args, INPUT);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    }
    assert.match(cli(['--help']).stdout, /--loss L +bce \| softmax-ce/);
  });

  it('BCE stays the default and unchanged', () => {
    const r = cli(['--format', 'json'], 'targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]');
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal('lossFunction' in j, false);
    close(j.loss, 0.228393);
  });
});
