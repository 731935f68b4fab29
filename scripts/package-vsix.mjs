// Packages the extension exactly as `npm run package` does (production bundle, then vsce), into a
// file of the caller's choosing, and measures what users download. Shared by the size check
// (`scripts/check-size.mjs`), the packaged-extension test (`scripts/test-vsix.mjs`) and the bench.
/* global Buffer -- Node's */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, inflateRawSync } from 'node:zlib';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The one place the .vsix budget is stated: 1 MB, i.e. 1,048,576 bytes. */
export const VSIX_BUDGET_BYTES = 1024 * 1024;

/** The single bundle that is both `main` (desktop, Node host) and `browser` (web worker host), as stored in the .vsix. */
export const BUNDLE_ENTRY = 'extension/dist/extension.js';

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
  // Read from the .vsix rather than dist/: that is what ships, even if dist/ was rebuilt meanwhile.
  const bundle = readZipEntry(readFileSync(outFile), BUNDLE_ENTRY);
  return {
    vsixPath: outFile,
    vsixBytes: statSync(outFile).size,
    bundleBytes: bundle.length,
    bundleGzipBytes: gzipSync(bundle, { level: 9 }).length,
    // esbuild.js writes source maps for development builds only.
    bundleIsProduction: !/\/\/# sourceMappingURL=/.test(bundle.toString('utf8', Math.max(0, bundle.length - 200))),
    // vsce: " WARNING  <message>"; esbuild: "▲ [WARNING] <message>".
    warnings: output.split('\n').filter((line) => /\bWARNING\b/.test(line)).map((line) => line.trim()),
    output,
  };
}

/** The bytes of one file in a zip archive (stored or deflated), found through its central directory. */
export function readZipEntry(zip, name) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`${name}: unsupported zip compression method ${method}`);
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} is not in the archive`);
}

/** The names of the files in a zip archive, from its central directory. */
export function listZipEntries(zip) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const names = [];
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0, count = zip.readUInt16LE(eocd + 10); i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

/** 625317 → "610.7 KB (625,317 bytes)": KB and MB are powers of 1024, as vsce prints them. */
export function formatBytes(bytes) {
  const unit = bytes >= 1024 * 1024 ? ['MB', 1024 * 1024] : ['KB', 1024];
  return `${(bytes / unit[1]).toFixed(1)} ${unit[0]} (${bytes.toLocaleString('en-US')} bytes)`;
}
