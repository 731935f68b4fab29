/// <reference types="mocha" />
// Web worker extension host (VS Code for the web): mocha's browser build, which installs the
// global `mocha` and, on setup, the bdd globals the test files use.
import 'mocha/mocha.js';
import { MOCHA_OPTIONS, runMocha } from './mocha-runner';

export function runInWebExtensionHost(loadTests: () => void): Promise<void> {
  mocha.setup({ ...MOCHA_OPTIONS });
  return runMocha(mocha, loadTests);
}
