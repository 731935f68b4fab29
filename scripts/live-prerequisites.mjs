// What `npm run test:live` needs beyond code-server: a Python with debugpy, PyTorch, NumPy and
// scikit-learn (Debian's python3-debugpy python3-torch python3-numpy python3-sklearn). Shared by
// the suite (which fails without them) and `npm test` (which then skips it and says why).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './vscode-web.mjs';

/** The Python the fixtures and the debugpy adapter run with (the adapter extension reads the same variable). */
export const LIVE_PYTHON = process.env.LW_LIVE_PYTHON || '/usr/bin/python3';
export const LIVE_DEBIAN_PACKAGES = ['python3-debugpy', 'python3-torch', 'python3-numpy', 'python3-sklearn'];
const MODULES = ['debugpy', 'torch', 'numpy', 'sklearn'];

/** Null when every module imports; else a sentence naming what is missing and how to install it. */
export function livePythonMissing() {
  const probe = `import importlib.util, sys\nprint(','.join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))`;
  const r = spawnSync(LIVE_PYTHON, ['-c', probe, ...MODULES], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return `${LIVE_PYTHON} does not run (${r.error?.message ?? r.stderr.trim()}). Install with: sudo apt-get install -y ${LIVE_DEBIAN_PACKAGES.join(' ')}`;
  const missing = r.stdout.trim().split(',').filter(Boolean);
  if (!missing.length) return null;
  return `${LIVE_PYTHON} has no ${missing.join(', ')}. Install with: sudo apt-get install -y ${LIVE_DEBIAN_PACKAGES.join(' ')}`;
}

/** Packages test/live/debugpy-adapter with vsce into `outFile`; returns its path. */
export function packageAdapterExtension(outFile) {
  const r = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--out', outFile], {
    cwd: join(REPO_ROOT, 'test', 'live', 'debugpy-adapter'),
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  if (r.status !== 0) throw new Error(`vsce package failed (exit ${r.status ?? r.signal}): ${r.stdout}${r.stderr}`);
  return outFile;
}
