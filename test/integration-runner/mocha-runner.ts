/// <reference types="mocha" />
// Runs the bundled extension tests inside a VS Code extension host (web worker or Node) and
// reports the counts on one marker line, which the harness finds in the output that the
// workbench forwards to the terminal. The marker exists because the harness's own last line
// must carry the real mocha counts, not just pass/fail.

export const RESULT_MARKER = 'LOSS_WALKTHROUGH_MOCHA_RESULT';

export interface MochaCounts {
  passed: number;
  failed: number;
  pending: number;
}

/** Interface shared by all suites: bdd (`describe`/`it`). */
export const MOCHA_OPTIONS = { ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false } as const;

/**
 * `report` receives the counts besides the marker line, for hosts whose output the harness
 * cannot read (desktop VS Code writes the extension host's console to its own log).
 */
export function runMocha(mocha: Mocha, loadTests: () => void, report: (counts: MochaCounts) => void = () => {}): Promise<void> {
  const publish = (counts: MochaCounts) => {
    console.log(`${RESULT_MARKER} ${JSON.stringify(counts)}`);
    report(counts);
  };
  try {
    loadTests();
  } catch (err) {
    // A test file that throws while loading would otherwise look like "0 tests".
    console.error('Loading the extension test files failed:', err);
    publish({ passed: 0, failed: 1, pending: 0 });
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      const counts: MochaCounts = {
        passed: stats?.passes ?? 0,
        failed: stats?.failures ?? failures,
        pending: stats?.pending ?? 0,
      };
      publish(counts);
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed.`));
      else resolve();
    });
  });
}
