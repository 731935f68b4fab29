// Packages the extension exactly as `npm run package` does (production bundle, then vsce), into a
// file of the caller's choosing, and measures what users download. Shared by the size check
// (`scripts/check-size.mjs`), the packaged-extension test (`scripts/test-vsix.mjs`) and the bench.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The one place the .vsix budget is stated: 1 MB, i.e. 1,048,576 bytes. */
export const VSIX_BUDGET_BYTES = 1024 * 1024;

/** The single bundle that is both `main` (desktop, Node host) and `browser` (web worker host). */
export const BUNDLE_PATH = join(REPO_ROOT, 'dist', 'extension.js');

/**
 * Runs `npm run package -- --out <outFile>` (npm appends the arguments to the script's last
 * command, vsce) and returns the sizes. Throws with the tool's output when packaging fails.
 * `warnings` holds every line esbuild or vsce printed as a warning.
 */
export function packageVsix(outFile) {
  rmSync(outFile, { force: true });
  const run = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', outFile], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    // vsce colours its output when it thinks it writes to a terminal; plain text is easier to scan.
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0) throw new Error(`npm run package failed (exit ${run.status ?? run.signal}):\n${output}`);
  const bundle = readFileSync(BUNDLE_PATH);
  return {
    vsixPath: outFile,
    vsixBytes: statSync(outFile).size,
    bundleBytes: bundle.length,
    bundleGzipBytes: gzipSync(bundle, { level: 9 }).length,
    // vsce: " WARNING  <message>"; esbuild: "▲ [WARNING] <message>".
    warnings: output.split('\n').filter((line) => /\bWARNING\b/.test(line)).map((line) => line.trim()),
    output,
  };
}

/** 625317 → "610.7 KB (625,317 bytes)": KB and MB are powers of 1024, as vsce prints them. */
export function formatBytes(bytes) {
  const unit = bytes >= 1024 * 1024 ? ['MB', 1024 * 1024] : ['KB', 1024];
  return `${(bytes / unit[1]).toFixed(1)} ${unit[0]} (${bytes.toLocaleString('en-US')} bytes)`;
}
