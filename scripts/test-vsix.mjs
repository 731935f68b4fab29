// `npm run test:vsix`: the packaged extension in VS Code's Node extension host, the one desktop
// VS Code uses. Packages the .vsix (`npm run package`), installs it into code-server, serves it,
// and walks the steps a person takes (workbench-steps.mjs) in Debian's headless chromium.
//
// code-server and its Node 24 come from a cache folder (scripts/code-server-host.mjs).
// Last line: `N passed, N failed`. A harness failure (install, server, browser, timeout) counts
// as one more failed check.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_ID, codeServerProfile, ensureCodeServer, extensionHostLog, openBrowser, serveCodeServer } from './code-server-host.mjs';
import { formatBytes, packageVsix } from './package-vsix.mjs';
import { REPO_ROOT, requireChromium } from './vscode-web.mjs';
import { createChecks, explainTheExample } from './workbench-steps.mjs';

const TIMEOUT_MS = Number(process.env.LW_E2E_TIMEOUT_MS) || 5 * 60_000;
const RESULTS_DIR = join(REPO_ROOT, 'test-results');

const checks = createChecks({ suite: 'vsix', resultsDir: RESULTS_DIR });
const { check, finish } = checks;

process.on('unhandledRejection', (err) => {
  if (!checks.isFinished()) finish(`unexpected error: ${err instanceof Error ? err.message : err}`);
});

async function main() {
  const started = Date.now();
  const executablePath = requireChromium();
  const { nodeBin, entry } = ensureCodeServer();
  const installSeconds = (Date.now() - started) / 1000;
  const timer = setTimeout(() => finish(`stopped after ${TIMEOUT_MS / 1000}s (LW_E2E_TIMEOUT_MS changes the limit)`), TIMEOUT_MS);
  timer.unref();

  const scratch = mkdtempSync(join(tmpdir(), 'lw-vsix-'));
  checks.addCleanup(() => rmSync(scratch, { recursive: true, force: true }));
  mkdirSync(RESULTS_DIR, { recursive: true });
  // Screenshots of an earlier run would pass for this one's.
  for (const name of readdirSync(RESULTS_DIR)) if (/^vsix-.*\.png$/.test(name)) rmSync(join(RESULTS_DIR, name));

  const vsix = await check('npm run package makes the .vsix without warnings', () => {
    const packed = packageVsix(join(scratch, 'loss-walkthrough.vsix'));
    console.log(`       .vsix ${formatBytes(packed.vsixBytes)}`);
    if (packed.warnings.length) throw new Error(packed.warnings.join(' | '));
    if (!packed.bundleIsProduction) throw new Error('the packaged bundle is a development build (it references a source map)');
    return packed.vsixPath;
  });
  if (!vsix) return finish();

  const profile = codeServerProfile({ nodeBin, entry }, scratch);
  const installed = await check('code-server --install-extension installs the .vsix', () => {
    profile.install(vsix);
    if (!readdirSync(profile.extensionsDir).some((d) => d.startsWith(`${EXTENSION_ID}-`))) throw new Error(`no ${EXTENSION_ID}-* folder in ${profile.extensionsDir}`);
  });
  if (!installed) return finish();

  const workspace = join(scratch, 'workspace');
  cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  const { url } = await serveCodeServer(profile, workspace, checks.addCleanup);
  const { page } = await openBrowser(executablePath, scratch, checks.addCleanup);
  checks.setPage(page);

  if (await explainTheExample(checks, page, url)) {
    const hostLog = () => extensionHostLog(profile.userDataDir);
    await check('the extension ran in the Node extension host', () => {
      if (!hostLog().some((entry) => entry.includes(`_doActivateExtension ${EXTENSION_ID},`))) throw new Error(`remoteexthost.log shows no activation of ${EXTENSION_ID}`);
    });
    await check('the Node extension host logged no error from the extension', () => {
      const errors = hostLog().filter((entry) => entry.includes('[error]') && entry.includes(EXTENSION_ID.split('.')[1]));
      if (errors.length) throw new Error(errors.join(' | ').replace(/\s+/g, ' ').slice(0, 500));
    });
    await check('screenshot', () => page.screenshot({ path: join(RESULTS_DIR, 'vsix-walkthrough.png') }));
  }

  clearTimeout(timer);
  console.log(`code-server and Node 24 ready in ${installSeconds.toFixed(1)}s (install happens on the first run only)`);
  await finish();
}

main().catch((err) => finish(err instanceof Error ? err.message : String(err)));
