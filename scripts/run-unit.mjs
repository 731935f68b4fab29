// Runs the Node unit suites (core, render, the build, CLI) with node:test through tsx.
// Node 20's --test takes no globs, so the files are listed here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['test/core', 'test/render', 'test/build', 'test/cli.test.ts', 'test/cli-softmax.test.ts'];
const files = [];
function walk(dir) {
  let entries;
  try {
    if (!statSync(dir).isDirectory()) { if (dir.endsWith('.test.ts')) files.push(dir); return; }
    entries = readdirSync(dir);
  } catch { return; }
  for (const name of entries.sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.test.ts')) files.push(full);
  }
}
roots.forEach(walk);
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
// With no file, `node --test` would fall back to discovering tests everywhere (scripts included).
if (selected.length === 0) {
  console.error(`No unit test file matches ${only.map((o) => `'${o}'`).join(', ')}; files are under ${roots.join(', ')}.`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...selected], { stdio: 'inherit' });
process.exit(r.status ?? 1);
