// What users download: the production bundle (one file for the desktop and the web host) and
// the .vsix around it, built and packaged exactly as `npm run package` does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VSIX_BUDGET_BYTES, packageVsix } from '../scripts/package-vsix.mjs';

export interface SizeFigures {
  readonly vsixBytes: number;
  readonly vsixBudgetBytes: number;
  readonly bundleBytes: number;
  readonly bundleGzipBytes: number;
  /** Lines esbuild or vsce printed as warnings while packaging (none expected). */
  readonly warnings: readonly string[];
}

/** Builds (production), packages into a temporary folder and returns the sizes. */
export function measureSizes(): SizeFigures {
  const dir = mkdtempSync(join(tmpdir(), 'lw-bench-size-'));
  try {
    const packed = packageVsix(join(dir, 'loss-walkthrough.vsix'));
    return {
      vsixBytes: packed.vsixBytes,
      vsixBudgetBytes: VSIX_BUDGET_BYTES,
      bundleBytes: packed.bundleBytes,
      bundleGzipBytes: packed.bundleGzipBytes,
      warnings: packed.warnings,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
