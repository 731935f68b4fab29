// Node extension host (desktop VS Code): mocha's Node API, loaded from node_modules at run time
// (the bundle keeps `mocha` external, its Node build does dynamic requires).
import Mocha from 'mocha';
import { MOCHA_OPTIONS, runMocha } from './mocha-runner';

export function runInNodeExtensionHost(loadTests: () => void): Promise<void> {
  const mocha = new Mocha({ ...MOCHA_OPTIONS });
  // What `mocha.setup` does in the browser build: define describe/it/... on the global object.
  mocha.suite.emit('pre-require', globalThis, 'extension-tests', mocha);
  return runMocha(mocha, loadTests);
}
