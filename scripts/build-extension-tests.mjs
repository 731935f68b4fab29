// Bundles every `test/extension/**/*.test.ts` into one file that a VS Code extension host loads
// as `extensionTestsPath`: `dist/test/web/suite.js` for the web worker host (browser build of
// mocha inside), `dist/test/node/suite.js` for desktop's Node host (mocha required at run time).
// The test files are required lazily from `run()`, after mocha has defined describe/it.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import esbuild from 'esbuild';
import { REPO_ROOT } from './vscode-web.mjs';

const TEST_ROOT = join(REPO_ROOT, 'test', 'extension');

export function listExtensionTestFiles() {
  const files = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries.sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.test.ts')) files.push(full);
    }
  };
  walk(TEST_ROOT);
  // LW_INTEGRATION_FILES=hover,panel runs only the files whose path holds one of those words: for
  // working on one suite; `npm test` never sets it.
  const only = (process.env.LW_INTEGRATION_FILES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
}

// Tests import `node:assert/strict` as the unit tests do; the web worker host has no Node
// built-ins, so there it gets the small strict-assert module of the harness.
const assertForWebHost = {
  name: 'assert-for-web-host',
  setup(build) {
    build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({ path: join(REPO_ROOT, 'test', 'integration-runner', 'assert-web.ts') }));
  },
};

const HOSTS = {
  web: { module: './test/integration-runner/browser-host.ts', fn: 'runInWebExtensionHost', platform: 'browser', external: ['vscode'] },
  node: { module: './test/integration-runner/node-host.ts', fn: 'runInNodeExtensionHost', platform: 'node', external: ['vscode', 'mocha'] },
};

/** Builds the suite for `host` ('web' | 'node'); returns its absolute path and the bundled test files. */
export async function buildExtensionTests(host) {
  const target = HOSTS[host];
  if (!target) throw new Error(`Unknown extension host '${host}' (expected 'web' or 'node').`);
  const files = listExtensionTestFiles();
  const requires = files.map((f) => `    require(${JSON.stringify('./' + relative(REPO_ROOT, f).split('\\').join('/'))});`).join('\n');
  const entry = [
    `import { ${target.fn} } from ${JSON.stringify(target.module)};`,
    'export function run() {',
    `  return ${target.fn}(() => {`,
    requires,
    '  });',
    '}',
  ].join('\n');
  const outfile = join(REPO_ROOT, 'dist', 'test', host, 'suite.js');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: REPO_ROOT, sourcefile: 'extension-tests-entry.ts', loader: 'ts' },
    bundle: true,
    outfile,
    format: 'cjs',
    platform: target.platform,
    mainFields: target.platform === 'browser' ? ['browser', 'module', 'main'] : ['module', 'main'],
    external: target.external,
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: host === 'web' ? [assertForWebHost] : [],
  });
  return { outfile, files };
}
