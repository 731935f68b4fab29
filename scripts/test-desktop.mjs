// `npm run test:desktop`: the same extension test suites as test:integration, in desktop VS Code
// (Electron, Node extension host: the manifest's `main` entry) through @vscode/test-electron.
// It needs desktop VS Code: from VSCODE_EXECUTABLE_PATH, from the .vscode-test/ cache, or
// downloaded from update.code.visualstudio.com (needs internet; nothing on npm or Debian ships
// it). Without any of those it stops at once with a clear message. On Linux without a display,
// run it under `xvfb-run -a`. Last line: `N passed, N failed`.
import { existsSync, mkdtempSync, readFileSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildExtensionTests } from './build-extension-tests.mjs';
import { REPO_ROOT } from './vscode-web.mjs';

const VERSION = process.env.LW_VSCODE_VERSION || 'stable';
const TIMEOUT_MS = Number(process.env.LW_DESKTOP_TIMEOUT_MS) || 10 * 60_000;
const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), 'lw-desktop-'));
const resultFile = join(scratch, 'result.json');

function finish(counts, failedReason) {
  rmSync(scratch, { recursive: true, force: true });
  if (failedReason) console.error(`test:desktop: ${failedReason}`);
  const passed = counts?.passed ?? 0;
  const failed = (counts?.failed ?? 0) + (failedReason && !(counts?.failed > 0) ? 1 : 0);
  console.log(`test:desktop took ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

async function findVSCode() {
  if (process.env.VSCODE_EXECUTABLE_PATH) {
    if (!existsSync(process.env.VSCODE_EXECUTABLE_PATH)) throw new Error(`VSCODE_EXECUTABLE_PATH=${process.env.VSCODE_EXECUTABLE_PATH} does not exist.`);
    return process.env.VSCODE_EXECUTABLE_PATH;
  }
  try {
    // Uses .vscode-test/ when it already holds this version; the idle timeout keeps a dead network from hanging.
    return await downloadAndUnzipVSCode({ version: VERSION, timeout: 15_000, cachePath: join(REPO_ROOT, '.vscode-test') });
  } catch (err) {
    throw new Error(
      `desktop VS Code (${VERSION}) is not available: ${err instanceof Error ? err.message : err}.\n` +
        '  It is downloaded from update.code.visualstudio.com, which this machine cannot reach.\n' +
        '  Run test:desktop on a machine with internet, or set VSCODE_EXECUTABLE_PATH to an installed VS Code.\n' +
        '  (test:integration runs the same suites offline in VS Code for the web.)',
    );
  }
}

async function main() {
  const timer = setTimeout(() => finish(undefined, `no result after ${TIMEOUT_MS / 1000}s (LW_DESKTOP_TIMEOUT_MS changes the limit).`), TIMEOUT_MS);
  timer.unref();
  // First, so that a machine without desktop VS Code learns it in a second, not after a build.
  const vscodeExecutablePath = await findVSCode();
  const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) return finish(undefined, 'building the extension (node esbuild.js) failed.');
  const { outfile, files } = await buildExtensionTests('node');
  if (files.length === 0) return finish(undefined, 'no test files found under test/extension (expected **/*.test.ts).');

  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.warn('test:desktop: no display; if VS Code fails to start, run this under `xvfb-run -a npm run test:desktop`.');
  }
  const workspace = join(scratch, 'workspace');
  cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  let runError;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: outfile,
      extensionTestsEnv: { LW_MOCHA_RESULT_FILE: resultFile },
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'user-data')],
    });
  } catch (err) {
    runError = err;
  }
  clearTimeout(timer);
  const counts = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
  if (!counts) return finish(undefined, `VS Code reported no mocha result${runError ? ` (${runError.message ?? runError})` : ''}.`);
  if (counts.passed + counts.failed === 0) return finish(counts, 'zero tests ran.');
  if (runError && counts.failed === 0) return finish(counts, `the run failed although no test did: ${runError.message ?? runError}`);
  finish(counts);
}

main().catch((err) => finish(undefined, err instanceof Error ? err.message : String(err)));
