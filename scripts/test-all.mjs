// `npm test`: every suite in turn, then one line summing them all: `N passed, N failed`.
// A suite that ends without reporting its counts (a crash, a hang killed by its own timeout)
// counts as one failure, so a broken harness can never look green.
import { spawn } from 'node:child_process';
import { livePythonMissing } from './live-prerequisites.mjs';

const suites = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '-p', '.', '--noEmit'], kind: 'check' },
  { name: 'lint', cmd: ['npx', 'eslint', 'src', 'test', 'scripts', 'bench'], kind: 'check' },
  { name: 'unit', cmd: ['npm', 'run', '--silent', 'test:unit'], kind: 'node-test' },
  { name: 'integration', cmd: ['npm', 'run', '--silent', 'test:integration'], kind: 'plain' },
  { name: 'e2e', cmd: ['npm', 'run', '--silent', 'test:e2e'], kind: 'plain' },
  { name: 'size', cmd: ['npm', 'run', '--silent', 'check:size'], kind: 'check' },
  // Installs code-server and Node 24 into .cache/ on its first run (a few minutes), then about 30 s.
  { name: 'vsix', cmd: ['npm', 'run', '--silent', 'test:vsix'], kind: 'plain' },
  // Real debuggers (Debian's debugpy, code-server's js-debug) on real PyTorch/NumPy programs, in
  // the same code-server; skipped, and said so, where the Python packages are not installed.
  { name: 'live', cmd: ['npm', 'run', '--silent', 'test:live'], kind: 'plain', skipReason: livePythonMissing },
];

const only = process.argv.slice(2);

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
    child.on('error', (err) => resolve({ code: 1, out: String(err) }));
  });
}

function counts(kind, out, code) {
  if (kind === 'check') return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  if (kind === 'node-test') {
    const pass = [...out.matchAll(/^\S*\s*pass (\d+)$/gm)].at(-1);
    const fail = [...out.matchAll(/^\S*\s*fail (\d+)$/gm)].at(-1);
    if (pass && fail) return { passed: Number(pass[1]), failed: Number(fail[1]) };
  } else {
    const line = [...out.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)].at(-1);
    if (line) return { passed: Number(line[1]), failed: Number(line[2]) };
  }
  return null;
}

let passed = 0;
let failed = 0;
const summary = [];
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  const missing = suite.skipReason?.();
  if (missing) {
    console.log(`\n=== ${suite.name}: skipped: ${missing}`);
    summary.push(`${suite.name}: skipped (${missing})`);
    continue;
  }
  console.log(`\n=== ${suite.name}: ${suite.cmd.join(' ')}`);
  const { code, out } = await run(suite.cmd);
  let c = counts(suite.kind, out, code);
  if (!c) c = { passed: 0, failed: 1 };
  else if (code !== 0 && c.failed === 0) c = { passed: c.passed, failed: 1 };
  passed += c.passed;
  failed += c.failed;
  summary.push(`${suite.name}: ${c.passed} passed, ${c.failed} failed${code !== 0 ? ` (exit ${code})` : ''}`);
}
console.log('\n=== summary');
for (const line of summary) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
