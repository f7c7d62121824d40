// `npm start`: builds the extension and opens it in a real VS Code with sample
// reports. With a desktop `code` on the PATH it uses that; otherwise it starts
// code-server on 127.0.0.1 (installed into a cache on first use, as for the
// end-to-end tests, and asked first on a terminal) and prints the address to
// open in a browser.
//
// Environment: GOVREPORT_PORT (default: a free port).
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline/promises';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeServerError, freePort, healthy, isolatedFolders, killGroup, startCodeServer, userSettings, workbenchUrl } from './e2e/code-server.mjs';
import { missing, SetupError, setup } from './e2e/setup.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/** The report opened in the editor at start: the walkthrough's sample, a mistake and its fix. */
const SAMPLE = '示例报告.govreport';

function build() {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** A workspace of sample reports: the project's fixtures, each with its planted mistakes. */
function sampleWorkspace(folder) {
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  const fixtures = join(root, 'test', 'fixtures');
  for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.report.txt'))) cpSync(join(fixtures, name), join(folder, name));
  cpSync(join(root, 'test', 'e2e', 'workspace', 'sample.govreport'), join(folder, 'sample.govreport'));
  cpSync(join(root, 'media', 'sample', 'sample.govreport'), join(folder, SAMPLE));
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'govreport.locale': 'zh-CN' }, null, 2));
  return folder;
}

function hasDesktopCode() {
  return spawnSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { stdio: 'ignore' }).status === 0;
}

async function main() {
  build();
  if (hasDesktopCode()) {
    const { temp } = isolatedFolders('govreport-start-');
    const workspace = sampleWorkspace(join(temp, 'samples'));
    console.log(`Opening VS Code with the extension and the sample reports in ${workspace}`);
    spawn('code', ['--new-window', '--extensionDevelopmentPath', root, workspace, join(workspace, SAMPLE)], { stdio: 'inherit' });
    return;
  }
  // What is not there yet: said, and on a terminal asked, before anything is installed.
  const todo = missing({ browser: false });
  if (todo.length) {
    console.log(`npm start runs VS Code as code-server, which needs:\n  ${todo.join('\n  ')}`);
    if (process.stdin.isTTY) {
      const prompt = createInterface({ input: process.stdin, output: process.stdout });
      const answer = (await prompt.question('Install these now? [Y/n] ')).trim().toLowerCase();
      prompt.close();
      if (answer && !answer.startsWith('y')) {
        console.log('Nothing installed. (With a desktop VS Code, `code` on the PATH, npm start uses that instead.)');
        process.exit(1);
      }
    }
  }
  let paths;
  try {
    paths = setup({ browser: false });
  } catch (error) {
    console.error(`npm start: cannot prepare code-server: ${error instanceof SetupError ? error.message : error.stack}`);
    process.exit(2);
  }
  const { temp, env } = isolatedFolders('govreport-start-');
  userSettings(join(temp, 'user-data'));
  const workspace = sampleWorkspace(join(temp, 'samples'));
  const port = Number(process.env.GOVREPORT_PORT) || (await freePort());
  const server = startCodeServer({ codeServer: paths.codeServer, port, temp, workspace, env, logFile: join(temp, 'code-server.log') });
  const stop = () => {
    killGroup(server.child.pid, 'SIGTERM');
    rmSync(temp, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.exited.then(({ code, signal }) => {
    console.error(`code-server exited (${signal ?? `code ${code}`}); its log: ${join(temp, 'code-server.log')}`);
    process.exit(1);
  });
  try {
    await server.listening;
    await healthy(port);
  } catch (error) {
    console.error(`npm start: ${error instanceof CodeServerError ? error.message : error.stack}`);
    stop();
  }
  console.log(`
GovReport is running in VS Code (code-server), with sample reports.
Open this address in a browser on this machine:

  ${workbenchUrl(port, workspace, root, undefined, join(workspace, SAMPLE))}

It opens ${SAMPLE}; the other reports are in the Explorer (markdown.report.txt
shows every feature). Press Ctrl+C to stop.`);
}

await main();
