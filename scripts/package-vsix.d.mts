// Types for scripts/package-vsix.mjs, so that bench/size.ts can import it under strict TypeScript.
export declare const VSIX_BUDGET_BYTES: number;
export declare const BUNDLE_PATH: string;
export interface PackagedVsix {
  readonly vsixPath: string;
  readonly vsixBytes: number;
  readonly bundleBytes: number;
  readonly bundleGzipBytes: number;
  readonly warnings: readonly string[];
  readonly output: string;
}
export declare function packageVsix(outFile: string): PackagedVsix;
export declare function formatBytes(bytes: number): string;
