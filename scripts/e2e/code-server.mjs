// Starting code-server (VS Code's own server and web workbench) for the
// extension under development, on 127.0.0.1, with nothing of the real home
// folder touched: what the end-to-end tests (run.mjs) and `npm start` share.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class CodeServerError extends Error {}

// A port nobody listens on now; code-server binds it a moment later.
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * A fresh folder for one run, with the home, XDG and temp folders that
 * code-server (and the browser) write into, and the environment pointing at them.
 */
export function isolatedFolders(prefix) {
  const temp = mkdtempSync(join(tmpdir(), prefix));
  for (const dir of ['home', 'config', 'data', 'cache', 'tmp', 'user-data', 'extensions', 'browser']) mkdirSync(join(temp, dir));
  const env = {
    ...process.env,
    HOME: join(temp, 'home'),
    XDG_CONFIG_HOME: join(temp, 'config'),
    XDG_DATA_HOME: join(temp, 'data'),
    XDG_CACHE_HOME: join(temp, 'cache'),
    TMPDIR: join(temp, 'tmp'),
    // No extension gallery: these machines need not reach one.
    EXTENSIONS_GALLERY: '{}',
  };
  return { temp, env };
}

export function userSettings(userData) {
  // Quiet the workbench, so that the editor is what one sees, and keep
  // VS Code from reaching out to the network.
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'window.restoreWindows': 'none',
  };
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

// code-server in its own process group, so that the extension hosts and
// language servers it starts end with it.
export function startCodeServer({ codeServer, port, temp, workspace, env, logFile }) {
  const log = createWriteStream(logFile);
  const args = [
    codeServer,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', join(temp, 'user-data'),
    '--extensions-dir', join(temp, 'extensions'),
    workspace,
  ];
  const child = spawn(process.execPath, args, { cwd: temp, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const listening = new Promise((resolveListening, reject) => {
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('HTTP server listening')) resolveListening();
    });
    child.on('error', (error) => reject(new CodeServerError(`code-server could not start: ${error.message}`)));
  });
  const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal })));
  return { child, listening, exited, log };
}

export function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

/**
 * Installs a .vsix into the extensions folder of a run (isolatedFolders), as
 * a user's `code --install-extension` does; throws with code-server's words
 * when it is refused.
 */
export function installExtension({ codeServer, temp, env, vsix }) {
  const result = spawnSync(
    process.execPath,
    [codeServer, '--user-data-dir', join(temp, 'user-data'), '--extensions-dir', join(temp, 'extensions'), '--install-extension', vsix],
    { cwd: temp, env, encoding: 'utf8' },
  );
  if (result.status !== 0 || !/successfully installed/.test(result.stdout)) {
    throw new CodeServerError(`code-server --install-extension ${vsix} failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
  }
}

export async function healthy(port) {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`);
  if (!response.ok) throw new CodeServerError(`code-server /healthz answered ${response.status}`);
}

/**
 * The address that opens `workspace` with the extension under development at
 * `development` (the project, or for tests a harness beside the installed
 * extension) and, for tests, their index.
 */
export function workbenchUrl(port, workspace, development, testIndex, openFile) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(development)]];
  if (testIndex) payload.push(['extensionTestsPath', remote(testIndex)]);
  // The web workbench opens this file in an editor once it is up.
  if (openFile) payload.push(['openFile', remote(openFile)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
