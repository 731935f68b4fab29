// Types for scripts/vscode-web.mjs, so that TypeScript callers (bench/workbench.ts) can reuse
// the offline workbench setup under strict TypeScript.
export declare const REPO_ROOT: string;
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: readonly string[];
export declare function requireChromium(): string;
export declare function readCodeOssBuildInfo(): { quality: 'stable' | 'insider'; commit: string };
export declare function prepareOfflineBuild(testRunnerDataDir?: string): {
  quality: 'stable' | 'insider';
  commit: string;
  testRunnerDataDir: string;
  location: string;
};
export declare function closeTestWebBrowsers(): Promise<void>;
export declare function useDebianChromiumForTestWeb(): void;
export declare function toVscodeLocalhost(url: string): string;
export declare function findFreePort(): Promise<number>;
export declare function startWorkbenchServer(options: {
  port: number;
  host?: string;
  folderPath?: string;
  extensionDevelopmentPath?: string;
  printServerLog?: boolean;
}): Promise<{ port: number; url: string; close(): Promise<void> }>;
