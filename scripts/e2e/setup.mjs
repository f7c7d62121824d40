// Installs what the end-to-end tests need, outside the extension's own
// dependencies: Debian's Chromium, ripgrep, a CJK font and the Kerberos
// headers (via apt-get, only when missing), and code-server (VS Code's own
// server and web workbench) from npm into a cache folder that later runs reuse.
//
//   node scripts/e2e/setup.mjs      installs (or checks) and prints the paths
//
// run.mjs imports setup() from here. Cache folder: $GOVREPORT_E2E_CACHE, or
// ~/.cache/govreport-e2e.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { arch, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// 4.100.3 (VS Code 1.100.3) is the newest code-server whose postinstall
// accepts node 20; later releases need node 22.
export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = '/usr/bin/chromium';

const APT_PACKAGES = [
  'chromium', // the browser that shows the workbench
  'libkrb5-dev', // code-server's kerberos module compiles against it
  'ripgrep', // stands in for the binary @vscode/ripgrep would fetch from GitHub
  'fonts-wqy-microhei', // without a CJK font, Chinese shows as boxes in screenshots
];

// The dependencies whose install scripts must run on Linux, for each of the
// three npm projects that installing code-server involves (code-server's
// postinstall runs `npm install` in lib/vscode and lib/vscode/extensions).
// npm 11 skips the install scripts of any dependency its project does not
// allow; the Windows-only modules stay skipped.
const ALLOWED_SCRIPTS = {
  '.': ['code-server', 'argon2'],
  'node_modules/code-server/lib/vscode': [
    'kerberos',
    'node-pty',
    'native-watchdog',
    '@parcel/watcher',
    '@vscode/deviceid',
    '@vscode/ripgrep',
    '@vscode/spdlog',
  ],
  'node_modules/code-server/lib/vscode/extensions': ['@parcel/watcher', 'esbuild'],
};

// @vscode/ripgrep (as pinned by this code-server) downloads ripgrep from
// GitHub in its postinstall, unless it finds this tarball in its cache folder
// under $TMPDIR. Tied to CODE_SERVER_VERSION: update both together.
const VSCODE_RIPGREP_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

export class SetupError extends Error {}

const say = (message) => console.log(`[e2e setup] ${message}`);

export function cacheDir() {
  return resolve(process.env.GOVREPORT_E2E_CACHE || join(homedir(), '.cache', 'govreport-e2e'));
}

// Runs a command, its output shown; throws a SetupError naming the command and
// the error lines it printed (`npm error …`, apt's `E: …`), so that the reason
// reaches whoever reads only the error.
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'], maxBuffer: 1 << 28, ...options });
  if (result.error) throw new SetupError(`${command} could not start: ${result.error.message}`);
  const stderr = String(result.stderr ?? '');
  process.stderr.write(stderr);
  if (result.status !== 0) {
    const errors = stderr
      .split('\n')
      .filter((line) => /^(npm error|E:|tar:)/.test(line) && !/^npm error\s*(at .*)?$/.test(line))
      .slice(0, 6);
    const said = errors.length ? `:\n  ${errors.join('\n  ')}` : '';
    throw new SetupError(`\`${[command, ...args].join(' ')}\` failed (exit ${result.status})${said}`);
  }
}

function isInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function ensureDebianPackages() {
  if (!existsSync('/usr/bin/dpkg-query')) {
    const missing = [CHROMIUM, '/usr/bin/rg'].filter((p) => !existsSync(p));
    if (missing.length) throw new SetupError(`not a Debian system and ${missing.join(', ')} missing`);
    say('not a Debian system: using the Chromium and ripgrep found');
    return;
  }
  const missing = APT_PACKAGES.filter((p) => !isInstalled(p));
  if (!missing.length) {
    say(`Debian packages present: ${APT_PACKAGES.join(', ')}`);
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new SetupError(
      `missing Debian packages: ${missing.join(', ')}; install them with ` +
        `\`sudo apt-get install ${missing.join(' ')}\` (this script runs apt-get only as root)`,
    );
  }
  say(`installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // The converters' setup (scripts/fixtures/setup.mjs) may hold apt's lock at the same time: wait for it.
  const wait = ['-o', 'DPkg::Lock::Timeout=600'];
  run('apt-get', [...wait, 'update', '-qq'], { env });
  run('apt-get', [...wait, 'install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

// Where code-server's entry point is once installed into dir.
function entryOf(dir) {
  return join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function ripgrepTarball(partial, tmpDir) {
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
  run('tar', ['czf', tarball, '-C', '/usr/bin', 'rg']);
}

function allowScripts(project, names) {
  const file = join(project, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.allowScripts = Object.fromEntries(names.map((name) => [name, true]));
  writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
}

function ensureCodeServer() {
  const root = cacheDir();
  mkdirSync(root, { recursive: true });
  const dir = join(root, `code-server-${CODE_SERVER_VERSION}`);
  const marker = join(dir, '.installed');
  if (existsSync(marker) && existsSync(entryOf(dir))) {
    say(`code-server ${CODE_SERVER_VERSION} cached in ${dir}`);
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

  say(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (about a minute: it compiles native modules)`);
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
  const npm = (args) => run('npm', args, { cwd: partial, env });
  // First the packages, scripts off: the nested projects' allowScripts can
  // only be written once their package.json files are on disk. (A command-line
  // --allow-scripts would reach the nested installs as an environment
  // variable, which npm refuses in a project install.)
  npm(['install', '--ignore-scripts', '--save-exact', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`]);
  for (const [project, names] of Object.entries(ALLOWED_SCRIPTS)) allowScripts(join(partial, project), names);
  ripgrepTarball(partial, tmpDir);
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
  say(`code-server ${CODE_SERVER_VERSION} installed`);
  return entryOf(dir);
}

/** Installs what is missing; returns the paths run.mjs needs. Throws SetupError. */
export function setup() {
  if (process.platform !== 'linux') throw new SetupError(`needs Linux (this is ${process.platform})`);
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new SetupError(`code-server ${CODE_SERVER_VERSION} needs node 20 (this is ${process.version})`);
  ensureDebianPackages();
  if (!existsSync(CHROMIUM)) throw new SetupError(`${CHROMIUM} missing after install`);
  const codeServer = ensureCodeServer();
  return { codeServer, chromium: CHROMIUM, cache: cacheDir() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const paths = setup();
    say(`ready: ${JSON.stringify(paths)}`);
  } catch (error) {
    console.error(`[e2e setup] FAILED: ${error instanceof SetupError ? error.message : error.stack}`);
    process.exitCode = 1;
  }
}

