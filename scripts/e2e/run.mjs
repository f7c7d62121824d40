// Runs the end-to-end tests (out/test/e2e/suite/index.js, built by
// `node scripts/build.mjs --tests`) inside a real VS Code: code-server serves
// the workbench, headless Chromium shows it, and the extension runs in
// code-server's extension host, as on the desktop. The extension tested is
// what ships: packaged as a .vsix (scripts/package.mjs) and installed with
// --install-extension; the tests come in as a harness extension of their own.
//
//   node scripts/e2e/run.mjs [--grep <pattern>]
//
// Exit code: 0 all tests passed, 1 a test failed, 2 setup failed (something
// could not be installed), 3 the harness failed (timeout, crash).
// Environment: E2E_ARTIFACTS (screenshots and logs; default .e2e-artifacts/),
// GOVREPORT_E2E_CACHE (see setup.mjs), GOVREPORT_E2E_TIMEOUT (seconds for
// the run after setup; default 300).
import { cpSync, createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { CodeServerError, freePort, healthy, installExtension, isolatedFolders, killGroup, startCodeServer, userSettings, workbenchUrl } from './code-server.mjs';
import { packageVsix } from '../package.mjs';
import { CODE_SERVER_VERSION, SetupError, setup } from './setup.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const testIndex = join(root, 'out', 'test', 'e2e', 'suite', 'index.js');
const workspaceSource = join(root, 'test', 'e2e', 'workspace');
const artifacts = resolve(root, process.env.E2E_ARTIFACTS || '.e2e-artifacts');
const timeoutSeconds = Number(process.env.GOVREPORT_E2E_TIMEOUT || 300);

class HarnessError extends Error {}

const say = (message) => console.log(`[e2e] ${message}`);

function parseArgs(argv) {
  const options = { grep: '' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep') options.grep = argv[++i] ?? '';
    else throw new HarnessError(`unknown argument ${argv[i]} (usage: run.mjs [--grep <pattern>])`);
  }
  return options;
}

// Names become file names: keep them plain.
function screenshotPath(name) {
  const safe = String(name || 'screenshot').replace(/[^\w.-]+/g, '_').replace(/\.png$/, '').slice(0, 100);
  return join(artifacts, `${safe}.png`);
}

// The channel from the tests to the browser: the tests run in the extension
// host, a Node process of code-server's, where functions exposed to the page
// do not exist. They reach this server instead, whose address they find in
// the environment variable GOVREPORT_E2E_CONTROL.
async function startControlServer(getPage) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const reply = (status, body) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const page = getPage();
    if (request.method === 'GET' && url.pathname === '/webview-text') {
      // What each webview shows a person: the text of its content frame.
      if (!page) return reply(503, { error: 'no page yet' });
      const frames = page.frames().filter((f) => f.name() === 'active-frame' || /\/fake\.html/.test(f.url()));
      const read = (f) =>
        f
          .evaluate(() => ({
            text: document.body?.innerText ?? '',
            csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
            scripts: [...document.scripts].map((s) => s.src),
            // Charts: each canvas's size and how many of its sampled pixels are painted.
            canvases: [...document.querySelectorAll('canvas')].map((c) => {
              let painted = 0;
              try {
                const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 3; i < data.length; i += 64) if (data[i]) painted++;
              } catch {
                painted = -1;
              }
              return { label: c.getAttribute('aria-label') ?? '', width: c.width, height: c.height, painted };
            }),
            // Whether the page scrolls sideways, and each box that scrolls on its own (a wide table).
            layout: {
              page: { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth },
              scrollers: [...document.querySelectorAll('*')]
                .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e !== document.documentElement && e !== document.body)
                .map((e) => ({ className: String(e.className), scrollWidth: e.scrollWidth, clientWidth: e.clientWidth })),
            },
          }))
          .catch(() => ({ text: '', csp: '', scripts: [], canvases: [] }));
      Promise.all(frames.map(read)).then(
        (views) => reply(200, { texts: views.map((v) => v.text), views }),
        (error) => reply(500, { error: String(error.message ?? error) }),
      );
      return;
    }
    if (request.method === 'GET' && url.pathname === '/wait') {
      // Waits until the workbench shows (or hides) what a selector names: a hover, the suggestions, a squiggle.
      if (!page) return reply(503, { error: 'no page yet' });
      const state = url.searchParams.get('state') || 'visible';
      const timeout = Number(url.searchParams.get('timeout')) || 10_000;
      page
        .locator(url.searchParams.get('selector'))
        .first()
        .waitFor({ state, timeout })
        .then(
          () => reply(200, { ok: true }),
          (error) => reply(200, { ok: false, error: String(error.message ?? error).split('\n')[0] }),
        );
      return;
    }
    if (request.method !== 'POST' || url.pathname !== '/screenshot') return reply(404, { error: 'not found' });
    if (!page) return reply(503, { error: 'no page yet' });
    const path = screenshotPath(url.searchParams.get('name'));
    page.screenshot({ path }).then(
      () => reply(200, { path }),
      (error) => reply(500, { error: String(error.message ?? error) }),
    );
  });
  await new Promise((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  return server;
}

/** The report the workbench opens at start. */
const STARTUP_FILE = 'sample.govreport';

async function runInEditor(paths, options, state) {
  const { temp, env: isolated } = isolatedFolders('govreport-e2e-');
  state.cleanups.push(() => rmSync(temp, { recursive: true, force: true }));
  userSettings(join(temp, 'user-data'));

  // The extension as a user gets it: the .vsix, installed.
  state.step = 'packaging the extension';
  const begun = Date.now();
  const vsix = packageVsix(join(temp, 'govreport.vsix'));
  state.step = 'installing the extension';
  installExtension({ codeServer: paths.codeServer, temp, env: isolated, vsix });
  say(`packaged and installed ${vsix} in ${((Date.now() - begun) / 1000).toFixed(1)} s`);
  // The tests run as the extension under development; it must not be GovReport itself, or it would stand in for the installed one.
  const harness = join(temp, 'harness');
  mkdirSync(harness);
  writeFileSync(join(harness, 'package.json'), JSON.stringify({ name: 'govreport-e2e-harness', publisher: 'govreport-tests', version: '0.0.0', engines: { vscode: '*' } }, null, 2));

  // A copy, so that tests may edit files freely.
  const workspace = join(temp, 'workspace');
  cpSync(workspaceSource, workspace, { recursive: true });

  let page;
  const control = await startControlServer(() => page);
  state.cleanups.push(() => control.close());

  const port = await freePort();
  const env = {
    ...isolated,
    // Read by test/e2e/suite (the extension host inherits code-server's environment).
    GOVREPORT_E2E_CONTROL: `http://127.0.0.1:${control.address().port}`,
    GOVREPORT_E2E_GREP: options.grep,
    // The file the workbench opens at start, as `npm start` does (test/e2e/suite/index.ts waits for it).
    GOVREPORT_E2E_OPENED: STARTUP_FILE,
    // The extension under test is the one installed from this .vsix (smoke.e2e.ts checks it is).
    GOVREPORT_E2E_VSIX: vsix,
  };
  state.step = 'starting code-server';
  const server = startCodeServer({ codeServer: paths.codeServer, port, temp, workspace, env, logFile: join(artifacts, 'code-server.log') });
  state.cleanups.push(async () => {
    // The group, not just the child: extension hosts outlive code-server's main process.
    killGroup(server.child.pid, 'SIGTERM');
    await Promise.race([server.exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    killGroup(server.child.pid, 'SIGKILL');
    server.log.end();
  });
  state.groups.push(server.child.pid);
  const died = server.exited.then(({ code, signal }) => {
    throw new HarnessError(`code-server exited (${signal ?? `code ${code}`}) while ${state.step}; see ${join(artifacts, 'code-server.log')}`);
  });
  died.catch(() => {});
  await Promise.race([server.listening, died]);
  await healthy(port);
  say(`code-server ${CODE_SERVER_VERSION} listening on 127.0.0.1:${port}`);

  state.step = 'starting Chromium';
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(join(temp, 'browser'), {
    executablePath: paths.chromium,
    // The fresh folders too, or Chromium writes crash reports and settings into the real home.
    env: { ...process.env, HOME: env.HOME, XDG_CONFIG_HOME: env.XDG_CONFIG_HOME, XDG_CACHE_HOME: env.XDG_CACHE_HOME, TMPDIR: env.TMPDIR },
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  state.cleanups.push(() => context.close().catch(() => {}));
  page = context.pages()[0] ?? (await context.newPage());

  const browserLog = createWriteStream(join(artifacts, 'browser.log'));
  state.cleanups.push(() => browserLog.end());
  page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error}\n`));

  // What VS Code's workbench calls when it runs extension tests in a browser.
  let exit;
  const exitCode = new Promise((resolveExit) => (exit = resolveExit));
  await page.exposeFunction('codeAutomationExit', (code) => exit(code));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    (type === 'error' ? console.error : console.log)(text);
  });
  const crashed = new Promise((_, reject) => {
    page.on('crash', () => reject(new HarnessError(`the browser page crashed while ${state.step}`)));
    context.on('close', () => reject(new HarnessError(`the browser closed while ${state.step}`)));
  });
  crashed.catch(() => {});

  const url = workbenchUrl(port, workspace, harness, testIndex, join(workspace, STARTUP_FILE));
  state.step = 'loading the workbench';
  const started = Date.now();
  await Promise.race([page.goto(url, { timeout: 0 }), died, crashed]);
  await Promise.race([page.waitForSelector('.monaco-workbench', { timeout: 0 }), died, crashed]);
  say(`workbench up after ${((Date.now() - started) / 1000).toFixed(1)} s; running the tests`);

  state.step = 'running the tests';
  const code = await Promise.race([exitCode, died, crashed]);
  return Number(code) === 0 ? 0 : 1;
}

async function main() {
  const state = { step: 'setting up', cleanups: [], groups: [] };
  // A last resort for when this process ends some other way.
  process.on('exit', () => state.groups.forEach((pid) => killGroup(pid, 'SIGKILL')));
  const stopped = new Promise((_, reject) => {
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => reject(new HarnessError(`stopped by ${signal} while ${state.step}`)));
    }
  });
  stopped.catch(() => {});

  let timer;
  try {
    const options = parseArgs(process.argv.slice(2));
    const begun = Date.now();
    const paths = setup();
    say(`setup done in ${((Date.now() - begun) / 1000).toFixed(1)} s`);
    if (!existsSync(testIndex)) {
      throw new HarnessError(`${testIndex} is missing: build the tests first (node scripts/build.mjs --tests)`);
    }
    mkdirSync(artifacts, { recursive: true });
    const timedOut = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new HarnessError(`timed out after ${timeoutSeconds} s while ${state.step} (GOVREPORT_E2E_TIMEOUT)`)),
        timeoutSeconds * 1000,
      );
    });
    const code = await Promise.race([runInEditor(paths, options, state), timedOut, stopped]);
    say(code === 0 ? 'tests passed' : 'tests failed');
    return code;
  } catch (error) {
    if (error instanceof SetupError) {
      console.error(`[e2e] setup failed: ${error.message}`);
      return 2;
    }
    console.error(`[e2e] ${error instanceof HarnessError || error instanceof CodeServerError ? error.message : error.stack}`);
    return 3;
  } finally {
    clearTimeout(timer);
    for (const cleanup of state.cleanups.reverse()) await cleanup();
  }
}

// Exit outright: nothing of the run should keep this process alive once the
// cleanups are done.
process.exit(await main());
