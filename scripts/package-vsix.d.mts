// Types for scripts/package-vsix.mjs, so that bench/size.ts can import it under strict TypeScript.
export declare const VSIX_BUDGET_BYTES: number;
export declare const BUNDLE_ENTRY: string;
export interface PackagedVsix {
  readonly vsixPath: string;
  readonly vsixBytes: number;
  readonly bundleBytes: number;
  readonly bundleGzipBytes: number;
  /** False when the packaged bundle is a development build (it references a source map). */
  readonly bundleIsProduction: boolean;
  readonly warnings: readonly string[];
  readonly output: string;
}
export declare function packageVsix(outFile: string): PackagedVsix;
export declare function readZipEntry(zip: Buffer, name: string): Buffer;
export declare function formatBytes(bytes: number): string;
