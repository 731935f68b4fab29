// CI check: packages the extension and fails when the .vsix is over its budget, or when
// packaging printed a warning. Prints the size beside the budget either way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VSIX_BUDGET_BYTES, formatBytes, packageVsix } from './package-vsix.mjs';

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
