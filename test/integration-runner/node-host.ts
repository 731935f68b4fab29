// Node extension host (desktop VS Code): mocha's Node API, loaded from node_modules at run time
// (the bundle keeps `mocha` external, its Node build does dynamic requires).
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { MOCHA_OPTIONS, runMocha } from './mocha-runner';

/** Set by scripts/test-desktop.mjs: where to leave the counts, since it cannot read our console. */
const RESULT_FILE_ENV = 'LW_MOCHA_RESULT_FILE';

export function runInNodeExtensionHost(loadTests: () => void): Promise<void> {
  const mocha = new Mocha({ ...MOCHA_OPTIONS });
  // What `mocha.setup` does in the browser build: define describe/it/... on the global object.
  mocha.suite.emit('pre-require', globalThis, 'extension-tests', mocha);
  const resultFile = process.env[RESULT_FILE_ENV];
  return runMocha(mocha, loadTests, (counts) => {
    if (resultFile) writeFileSync(resultFile, JSON.stringify(counts));
  });
}
