// code-server, the VS Code Node extension host behind a browser workbench, installed into a cache
// folder on first use and served for a playwright-core driven Chromium. Shared by
// `npm run test:vsix` (the packaged .vsix walked through as a person would) and
// `npm run test:live` (the same .vsix against real debuggers).
//
// code-server needs Node 24 and builds native modules, and is about 800 MB with its Node: far
// too heavy for the project's own node_modules (every `npm ci` would pay for it). So the first
// run installs both into a cache folder (LW_VSIX_CACHE_DIR, default .cache/vsix-host/, git-ignored)
// and later runs reuse it. Installing needs Debian's libkrb5-dev, libx11-dev, libxkbfile-dev and
// libsecret-1-dev (headers for code-server's native modules).
/* global fetch -- Node 20 has it */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, REPO_ROOT, findFreePort } from './vscode-web.mjs';
import { STEP_TIMEOUT_MS } from './workbench-steps.mjs';

const CODE_SERVER = 'code-server@4.139.1';
// code-server 4.139 requires Node 24 exactly (its postinstall checks the major version).
const NODE = `node-${process.platform}-${process.arch}@24.22.3`;
const CACHE_DIR = process.env.LW_VSIX_CACHE_DIR || join(REPO_ROOT, '.cache', 'vsix-host');
const INSTALL_TIMEOUT_MS = Number(process.env.LW_VSIX_INSTALL_TIMEOUT_MS) || 20 * 60_000;
export const EXTENSION_ID = (() => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  return `${pkg.publisher}.${pkg.name}`;
})();

// A header each package installs, to tell a missing package before a long failed compile.
const DEBIAN_BUILD_DEPENDENCIES = {
  'libkrb5-dev': '/usr/include/krb5.h',
  'libx11-dev': '/usr/include/X11/Xlib.h',
  'libxkbfile-dev': '/usr/include/X11/extensions/XKBfile.h',
  'libsecret-1-dev': '/usr/include/libsecret-1/libsecret/secret.h',
};

/**
 * The environment for npm in the cache folder: none of the `npm run` variables of this project
 * (its prefix, its ignore-scripts), `node` 24 first on PATH when given.
 */
function cacheNpmEnv(nodeDir) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|INIT_CWD$)/i.test(k)));
  if (nodeDir) {
    env.PATH = `${join(nodeDir, 'bin')}:${env.PATH ?? ''}`;
    // node-gyp builds code-server's native modules against these headers instead of downloading them.
    env.npm_config_nodedir = nodeDir;
  }
  return env;
}

/**
 * `<CACHE_DIR>/<name>/node_modules/<package>` holding `spec`, installed on first use. Installed
 * in a staging folder and renamed into place, so an interrupted install is never taken for a
 * finished one and two runs at once do not install into the same folder.
 */
function ensureInstalled(name, spec, env) {
  const home = join(CACHE_DIR, name);
  const marker = join(home, '.lw-installed');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === spec) return home;
  mkdirSync(CACHE_DIR, { recursive: true });
  removeAbandonedStaging();
  const staging = mkdtempSync(join(CACHE_DIR, `.staging-${name}-${Date.now()}-`));
  // Its own package.json keeps npm from walking up to the project (and its .npmrc).
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ private: true, description: `cache for test:vsix: ${spec}` }) + '\n');
  console.log(`Installing ${spec} into ${home} (first run only)`);
  const started = Date.now();
  // Install scripts are on here (the project's .npmrc turns them off): native modules need them.
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts=false', spec], {
    cwd: staging,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: INSTALL_TIMEOUT_MS,
  });
  if (install.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`npm install ${spec} failed (${install.error?.message ?? `exit ${install.status ?? install.signal}`}); see the npm output above`);
  }
  writeFileSync(join(staging, '.lw-installed'), spec);
  rmSync(home, { recursive: true, force: true });
  try {
    renameSync(staging, home);
  } catch (err) {
    // Another run finished the same install first: use theirs.
    rmSync(staging, { recursive: true, force: true });
    if (!(existsSync(marker) && readFileSync(marker, 'utf8') === spec)) throw err;
  }
  console.log(`Installed ${spec} in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  return home;
}

/**
 * An interrupted install leaves its staging folder behind (code-server's is 600 MB). One older
 * than the install timeout cannot belong to a run still installing, so it goes.
 */
function removeAbandonedStaging() {
  for (const entry of readdirSync(CACHE_DIR)) {
    const started = Number(/^\.staging-[\w-]+?-(\d{13})-/.exec(entry)?.[1]);
    if (started && Date.now() - started > INSTALL_TIMEOUT_MS) rmSync(join(CACHE_DIR, entry), { recursive: true, force: true });
  }
}

/** Node 24 and code-server, from the cache or installed now. */
export function ensureCodeServer() {
  const nodeDir = join(ensureInstalled('node', NODE, cacheNpmEnv()), 'node_modules', NODE.slice(0, NODE.lastIndexOf('@')));
  const nodeBin = join(nodeDir, 'bin', 'node');
  if (!existsSync(nodeBin)) throw new Error(`${NODE} holds no bin/node at ${nodeBin}; this platform may not be supported`);
  const codeServerHome = join(CACHE_DIR, 'code-server');
  if (!existsSync(join(codeServerHome, '.lw-installed'))) {
    const missing = Object.entries(DEBIAN_BUILD_DEPENDENCIES).filter(([, header]) => !existsSync(header)).map(([pkg]) => pkg);
    if (missing.length) {
      throw new Error(`code-server's native modules need ${missing.join(', ')}. Install with: sudo apt-get install -y ${missing.join(' ')}`);
    }
  }
  const home = ensureInstalled('code-server', CODE_SERVER, cacheNpmEnv(nodeDir));
  const entry = join(home, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) throw new Error(`code-server's entry point is missing: ${entry}. Delete ${CACHE_DIR} to install again.`);
  return { nodeBin, entry };
}

/**
 * The code-server command line with throwaway extension and user-data folders under `scratch`.
 * `install(vsixOrFolder)` installs an extension with `--install-extension`.
 */
export function codeServerProfile({ nodeBin, entry }, scratch) {
  const extensionsDir = join(scratch, 'extensions');
  const userDataDir = join(scratch, 'user-data');
  // An explicit config file: without one code-server writes a default into ~/.config.
  const config = join(scratch, 'config.yaml');
  writeFileSync(config, 'auth: none\n');
  const args = [entry, '--config', config, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
  return {
    nodeBin,
    args,
    extensionsDir,
    userDataDir,
    /** Throws with code-server's output unless it reports the extension installed. */
    install(vsix) {
      const r = spawnSync(nodeBin, [...args, '--install-extension', vsix], { encoding: 'utf8', timeout: STEP_TIMEOUT_MS });
      const out = `${r.stdout}${r.stderr}`.trim();
      if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`exit ${r.status ?? r.signal}: ${out}`);
      return out;
    },
  };
}

/** Resolves when code-server answers on its health endpoint; rejects if it exits first. */
async function waitForServer(child, port, log) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}: ${log().slice(-500)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer on port ${port} within ${STEP_TIMEOUT_MS / 1000}s: ${log().slice(-500)}`);
}

/**
 * Serves `workspace` with the profile's extensions on a free port and waits until it answers.
 * Registers its own stop with `addCleanup`. Returns the URL to open (on vscode.localhost, so the
 * webview's service worker is same-site) and the server's output so far.
 */
export async function serveCodeServer(profile, workspace, addCleanup, env = process.env) {
  const port = await findFreePort();
  let serverLog = '';
  // Its own process group, so that stopping it also stops its extension host (and the debuggees).
  const server = spawn(
    profile.nodeBin,
    [...profile.args, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env },
  );
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  addCleanup(async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    process.kill(-server.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
  });
  await waitForServer(server, port, () => serverLog);
  return { url: `http://vscode.localhost:${port}/`, log: () => serverLog };
}

/** Chromium in a persistent profile under `scratch` (a webview's service worker needs one), and its first page. */
export async function openBrowser(executablePath, scratch, addCleanup) {
  const profile = join(scratch, 'chromium-profile');
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 900 } });
  addCleanup(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  return { context, page };
}

/** Every file under `dir` whose name is `name`. */
export function findFiles(dir, name, found = []) {
  for (const entry of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) findFiles(full, name, found);
    else if (entry.name === name) found.push(full);
  }
  return found;
}

/** The Node extension host's log (code-server logs each activation and each error with its stack there), one entry per element. */
export function extensionHostLog(userDataDir) {
  const logs = findFiles(join(userDataDir, 'logs'), 'remoteexthost.log').map((f) => readFileSync(f, 'utf8'));
  if (!logs.length) throw new Error(`no remoteexthost.log under ${userDataDir}/logs`);
  return logs.join('\n').split(/\n(?=\d{4}-\d\d-\d\d )/);
}

/** The text of an extension's output channel (a file named `<name>.log`, or `<n>-<name>.log` for a plain channel, under the logs folder), all sessions joined. */
export function outputChannelLog(userDataDir, channel) {
  const files = [];
  const walk = (dir) => {
    for (const entry of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === `${channel}.log` || entry.name.endsWith(`-${channel}.log`)) files.push(full);
    }
  };
  walk(join(userDataDir, 'logs'));
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}
