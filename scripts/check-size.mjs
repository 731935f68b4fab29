// CI check: packages the extension and fails when the .vsix is over its budget, holds the
// README's images (docs/), or when packaging printed a warning. Prints the size beside the budget either way.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VSIX_BUDGET_BYTES, formatBytes, listZipEntries, packageVsix } from './package-vsix.mjs';

const dir = mkdtempSync(join(tmpdir(), 'lw-size-'));
let failures = 0;
try {
  const packed = packageVsix(join(dir, 'loss-walkthrough.vsix'));
  const within = packed.vsixBytes <= VSIX_BUDGET_BYTES;
  console.log(`.vsix:  ${formatBytes(packed.vsixBytes)}, budget ${formatBytes(VSIX_BUDGET_BYTES)}: ${within ? 'within' : 'OVER BUDGET'}`);
  console.log(`bundle: dist/extension.js ${formatBytes(packed.bundleBytes)}, gzip ${formatBytes(packed.bundleGzipBytes)}`);
  if (!within) {
    failures++;
    console.error('The .vsix grew past its budget (VSIX_BUDGET_BYTES in scripts/package-vsix.mjs). Check .vscodeignore and what the bundle pulls in (esbuild --metafile).');
  }
  if (!packed.bundleIsProduction) {
    failures++;
    console.error('The packaged bundle is a development build (it references a source map): `npm run package` must build with --production.');
  }
  // The README's screenshots (docs/images/, written by the e2e run) are for the repository and the
  // Marketplace page, which vsce points at the repository: not for the download.
  const screenshots = listZipEntries(readFileSync(packed.vsixPath)).filter((name) => name.startsWith('extension/docs/'));
  if (screenshots.length) {
    failures++;
    console.error(`The .vsix holds the README's images, which .vscodeignore leaves out: ${screenshots.join(', ')}`);
  }
  if (packed.warnings.length) {
    failures++;
    console.error(`Packaging printed warnings:\n  ${packed.warnings.join('\n  ')}`);
  }
} catch (err) {
  failures++;
  console.error(err instanceof Error ? err.message : String(err));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
