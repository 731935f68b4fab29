// Test only: the Python extension launches debugpy's adapter as `python -m debugpy.adapter`, which
// speaks the Debug Adapter Protocol on stdin/stdout; this does the same for launch configurations
// of type `lw-python`, with Debian's python3 and python3-debugpy. Nothing else: the launch
// configuration goes to debugpy as it is written in launch.json.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- VS Code loads an extension's main as CommonJS, and this one has no build step
const vscode = require('vscode');

const PYTHON = process.env.LW_LIVE_PYTHON || '/usr/bin/python3';

function activate(context) {
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory('lw-python', {
      createDebugAdapterDescriptor: () => new vscode.DebugAdapterExecutable(PYTHON, ['-m', 'debugpy.adapter']),
    }),
  );
}

module.exports = { activate };
