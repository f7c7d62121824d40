// Installs what the end-to-end tests (and `npm start`) need, outside the
// extension's own dependencies: Debian's Chromium, ripgrep and a CJK font (via
// apt-get, only those missing, never upgrading an installed package), and
// code-server (VS Code's own server and web workbench) from npm into a cache
// folder that later runs reuse. One line per step; the commands' own output
// goes to setup.log in the cache folder.
//
//   node scripts/e2e/setup.mjs      installs (or checks) and prints the paths
//
// run.mjs and start.mjs import setup() from here. Cache folder:
// $GOVREPORT_E2E_CACHE, or ~/.cache/govreport-e2e.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { arch, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureDebianPackages, isDebian, isInstalled, SetupError, Steps } from '../lib/setup-steps.mjs';

export { SetupError };

// 4.100.3 (VS Code 1.100.3) is the newest code-server whose postinstall
// accepts node 20; later releases need node 22.
export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = '/usr/bin/chromium';

const APT_PACKAGES = [
  'ripgrep', // stands in for the binary @vscode/ripgrep would fetch from GitHub
];
// Only for the tests, which look at the workbench (`npm start` uses the person's own browser).
const BROWSER_PACKAGES = [
  'chromium', // the browser that shows the workbench
  'fonts-wqy-microhei', // without a CJK font, Chinese shows as boxes in screenshots
];

/** What code-server takes in the cache, roughly (said before it is installed). */
const CODE_SERVER_SIZE = '300 MB';

// The dependencies whose install scripts must run on Linux, for each of the
// three npm projects that installing code-server involves (code-server's
// postinstall runs `npm install` in lib/vscode and lib/vscode/extensions).
// npm 11 wants each project to allow the install scripts of its dependencies
// (npm 11.19 only warns of the others and runs them too: a dependency whose
// build must not run is left out instead, see LEFT_OUT).
const ALLOWED_SCRIPTS = {
  '.': ['code-server', 'argon2'],
  'node_modules/code-server/lib/vscode': [
    'node-pty',
    'native-watchdog',
    '@parcel/watcher',
    '@vscode/deviceid',
    '@vscode/ripgrep',
    '@vscode/spdlog',
  ],
  'node_modules/code-server/lib/vscode/extensions': ['@parcel/watcher', 'esbuild'],
};

// Dependencies left out of a project before its install: `kerberos`, which
// VS Code imports only to answer a proxy that asks for Kerberos (in a
// try/catch), and whose build needs Debian's Kerberos headers, which would
// upgrade the Kerberos libraries installed.
const LEFT_OUT = { 'node_modules/code-server/lib/vscode': ['kerberos'] };

// @vscode/ripgrep (as pinned by this code-server) downloads ripgrep from
// GitHub in its postinstall, unless it finds this tarball in its cache folder
// under $TMPDIR. Tied to CODE_SERVER_VERSION: update both together.
const VSCODE_RIPGREP_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

export function cacheDir() {
  return resolve(process.env.GOVREPORT_E2E_CACHE || join(homedir(), '.cache', 'govreport-e2e'));
}

// Where code-server's entry point is once installed into dir.
function entryOf(dir) {
  return join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function ripgrepTarball(steps, partial, tmpDir) {
  const shrinkwrap = join(partial, 'node_modules', 'code-server', 'lib', 'vscode', 'npm-shrinkwrap.json');
  const pinned = JSON.parse(readFileSync(shrinkwrap, 'utf8')).packages['node_modules/@vscode/ripgrep']?.version;
  if (pinned !== VSCODE_RIPGREP_VERSION) {
    throw new SetupError(`code-server pins @vscode/ripgrep ${pinned}, not ${VSCODE_RIPGREP_VERSION}: update setup.mjs`);
  }
  const target = RIPGREP_TARGETS[arch()];
  if (!target) throw new SetupError(`no ripgrep target known for the ${arch()} architecture`);
  const folder = join(tmpDir, `vscode-ripgrep-cache-${VSCODE_RIPGREP_VERSION}`);
  mkdirSync(folder, { recursive: true });
  const tarball = join(folder, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
  // The package untars this and expects `rg` at the top.
  steps.run('tar', ['czf', tarball, '-C', '/usr/bin', 'rg']);
}

/** Writes a project's allowScripts, and leaves out the dependencies named. */
function prepareProject(project, allowed, leftOut = []) {
  const file = join(project, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.allowScripts = Object.fromEntries(allowed.map((name) => [name, true]));
  for (const name of leftOut) delete manifest.dependencies?.[name];
  writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
}

function ensureCodeServer(steps) {
  const root = cacheDir();
  mkdirSync(root, { recursive: true });
  const dir = join(root, `code-server-${CODE_SERVER_VERSION}`);
  const marker = join(dir, '.installed');
  if (existsSync(marker) && existsSync(entryOf(dir))) {
    steps.say(`code-server ${CODE_SERVER_VERSION} cached in ${dir}`);
    return entryOf(dir);
  }

  // Install into a folder of its own, moved into place only when complete, so
  // that an interrupted install is never taken for a finished one.
  const partial = `${dir}.partial-${process.pid}`;
  // What a failed or interrupted install left behind.
  for (const name of readdirSync(root)) {
    if (name.startsWith(`code-server-${CODE_SERVER_VERSION}.partial-`)) rmSync(join(root, name), { recursive: true, force: true });
  }
  const tmpDir = join(partial, '.tmp');
  mkdirSync(tmpDir, { recursive: true });
  writeFileSync(join(partial, 'package.json'), JSON.stringify({ name: 'govreport-e2e-tools', private: true }) + '\n');

  steps.say(`installing code-server@${CODE_SERVER_VERSION} with npm into ${dir} (about ${CODE_SERVER_SIZE}, a minute or two: it compiles native modules; details in ${steps.logFile})`);
  const env = {
    ...process.env,
    // As root, code-server's postinstall stops without unsafe-perm.
    npm_config_unsafe_perm: 'true',
    // node-pty's install runs `npx node-gyp`, which would wait for a "yes".
    npm_config_yes: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
    // Keeps @vscode/ripgrep's cache lookup (and other scratch files) in here.
    TMPDIR: tmpDir,
  };
  const npm = (args) => steps.run('npm', args, { cwd: partial, env });
  // First the packages, scripts off: the nested projects' package.json files can
  // only be prepared once they are on disk. (A command-line
  // --allow-scripts would reach the nested installs as an environment
  // variable, which npm refuses in a project install.)
  npm(['install', '--ignore-scripts', '--save-exact', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`]);
  for (const [project, names] of Object.entries(ALLOWED_SCRIPTS)) prepareProject(join(partial, project), names, LEFT_OUT[project]);
  ripgrepTarball(steps, partial, tmpDir);
  // Then the install scripts: argon2's build and code-server's postinstall.
  npm(['rebuild', '--foreground-scripts']);
  const rg = join(partial, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!existsSync(rg)) throw new SetupError(`code-server installed without ripgrep (${rg} missing)`);
  // Its own HOME and XDG folders, or it writes a config file into the real home.
  const scratch = { HOME: tmpDir, XDG_CONFIG_HOME: tmpDir, XDG_DATA_HOME: tmpDir, XDG_CACHE_HOME: tmpDir };
  const version = spawnSync(process.execPath, [entryOf(partial), '--version'], {
    encoding: 'utf8',
    env: { ...process.env, ...scratch },
  });
  if (version.status !== 0 || !version.stdout.includes(`${CODE_SERVER_VERSION} `)) {
    throw new SetupError(`installed code-server does not start: ${version.stderr || version.stdout}`);
  }
  const printed = version.stdout.split('\n').find((line) => line.startsWith(CODE_SERVER_VERSION));
  rmSync(tmpDir, { recursive: true, force: true });
  writeFileSync(join(partial, '.installed'), `${printed}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  steps.say(`code-server ${CODE_SERVER_VERSION} installed`);
  return entryOf(dir);
}

/**
 * What set-up would install now (nothing when all is there): for `npm start`
 * to say, and ask, before it does.
 */
export function missing({ browser = true } = {}) {
  const packages = isDebian() ? [...APT_PACKAGES, ...(browser ? BROWSER_PACKAGES : [])].filter((p) => !isInstalled(p)) : [];
  const dir = join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
  const codeServer = !(existsSync(join(dir, '.installed')) && existsSync(entryOf(dir)));
  return [...packages.map((p) => `${p} (Debian package)`), ...(codeServer ? [`code-server ${CODE_SERVER_VERSION} (about ${CODE_SERVER_SIZE}, into ${dir})`] : [])];
}

/**
 * Installs what is missing; returns the paths run.mjs needs. Throws SetupError.
 * `browser`: also Chromium and a CJK font, which only the tests need.
 */
export function setup({ browser = true } = {}) {
  if (process.platform !== 'linux') throw new SetupError(`needs Linux (this is ${process.platform})`);
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new SetupError(`code-server ${CODE_SERVER_VERSION} needs node 20 (this is ${process.version})`);
  const steps = new Steps('e2e setup', join(cacheDir(), 'setup.log'));
  const packages = [...APT_PACKAGES, ...(browser ? BROWSER_PACKAGES : [])];
  if (isDebian()) ensureDebianPackages(steps, packages);
  else {
    const absent = [...(browser ? [CHROMIUM] : []), '/usr/bin/rg'].filter((p) => !existsSync(p));
    if (absent.length) throw new SetupError(`not a Debian system and ${absent.join(', ')} missing`);
    steps.say('not a Debian system: using the Chromium and ripgrep found');
  }
  if (browser && !existsSync(CHROMIUM)) throw new SetupError(`${CHROMIUM} missing after install`);
  const codeServer = ensureCodeServer(steps);
  return { codeServer, chromium: CHROMIUM, cache: cacheDir() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const paths = setup();
    console.log(`[e2e setup] ready: ${JSON.stringify(paths)}`);
  } catch (error) {
    console.error(`[e2e setup] FAILED: ${error instanceof SetupError ? error.message : error.stack}`);
    process.exitCode = 1;
  }
}

