// What the set-up scripts (scripts/e2e/setup.mjs, scripts/fixtures/setup.mjs)
// share: one line per step on the terminal, every command's own output in a
// log file, and Debian packages installed only when missing, never upgrading
// a package already installed.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class SetupError extends Error {}

/** The steps of one set-up: a line each for the person, the details for the log. */
export class Steps {
  constructor(prefix, logFile) {
    this.prefix = prefix;
    this.logFile = logFile;
    mkdirSync(dirname(logFile), { recursive: true });
    writeFileSync(logFile, `${new Date().toISOString()} ${prefix}\n`);
  }

  say(message) {
    console.log(`[${this.prefix}] ${message}`);
    this.log(message);
  }

  log(text) {
    appendFileSync(this.logFile, text.endsWith('\n') ? text : `${text}\n`);
  }

  /**
   * Runs a command, its output into the log; throws a SetupError naming the
   * command and the error lines it printed (`npm error …`, apt's `E: …`), so
   * that the reason reaches whoever reads only the error.
   */
  run(command, args, options = {}) {
    this.log(`$ ${[command, ...args].join(' ')}`);
    const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28, ...options });
    this.log(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    if (result.error) throw new SetupError(`${command} could not start: ${result.error.message}`);
    if (result.status !== 0) {
      const errors = String(result.stderr ?? '')
        .split('\n')
        .filter((line) => /^(npm error|E:|tar:)/.test(line) && !/^npm error\s*(at .*)?$/.test(line))
        .slice(0, 6);
      const said = errors.length ? `:\n  ${errors.join('\n  ')}` : '';
      throw new SetupError(`\`${[command, ...args].join(' ')}\` failed (exit ${result.status})${said}\n  (the whole output: ${this.logFile})`);
    }
    return String(result.stdout ?? '');
  }
}

export const isDebian = () => existsSync('/usr/bin/dpkg-query');

export function isInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', LC_ALL: 'C' };
// Another set-up may hold apt's lock at the same time (test files run in parallel): wait for it.
const WAIT = ['-o', 'DPkg::Lock::Timeout=600'];
const INSTALL = ['install', '-y', '--no-install-recommends', '--no-upgrade'];

/** MB, rounded up to the next ten. */
const mb = (kib) => `${Math.max(10, Math.ceil(kib / 1024 / 10) * 10)} MB`;

/**
 * What installing `packages` would do, as apt-get works it out without doing
 * it (`-s`): the packages it would unpack (those named and what they need),
 * how much room they take, and which installed packages it would upgrade.
 */
function aptPlan(steps, packages) {
  const out = steps.run('apt-get', [...INSTALL, '-s', ...packages], { env: APT_ENV });
  const installs = [];
  const upgrades = [];
  for (const line of out.split('\n')) {
    // `Inst name [installed version] (new version …)`: the bracket only when it is installed already.
    const m = /^Inst (\S+) (\[[^\]]*\] )?\((\S+)/.exec(line);
    if (!m) continue;
    (m[2] ? upgrades : installs).push({ name: m[1], version: m[3] });
  }
  let kib = 0;
  for (const p of installs) {
    const shown = spawnSync('apt-cache', ['show', '--no-all-versions', `${p.name}=${p.version}`], { encoding: 'utf8', env: APT_ENV });
    kib += Number(/^Installed-Size: (\d+)/m.exec(shown.stdout ?? '')?.[1] ?? 0);
  }
  return { installs, upgrades, size: mb(kib) };
}

/**
 * Installs the Debian packages of `packages` that are missing, as root, with
 * apt-get (`--no-upgrade`, no recommends); one line says what and how big,
 * apt's own output goes to the log. When a missing package could only come
 * with an upgrade of one already installed, nothing is installed: the error
 * says which, and the command to run for whoever accepts that.
 */
export function ensureDebianPackages(steps, packages) {
  const missing = packages.filter((p) => !isInstalled(p));
  if (!missing.length) {
    steps.say(`Debian packages present: ${packages.join(', ')}`);
    return;
  }
  const command = `apt-get install --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new SetupError(`missing Debian packages: ${missing.join(', ')}; install them with \`sudo ${command}\` (set-up runs apt-get only as root)`);
  }
  steps.say("updating Debian's package lists (apt-get update)");
  steps.run('apt-get', [...WAIT, 'update'], { env: APT_ENV });
  const plan = aptPlan(steps, missing);
  if (plan.upgrades.length) {
    throw new SetupError(
      `installing ${missing.join(', ')} would upgrade packages already installed (${plan.upgrades.map((p) => p.name).join(', ')}), ` +
        `which set-up never does; to accept that, run \`${command}\` yourself`,
    );
  }
  const more = plan.installs.length - missing.length;
  steps.say(`installing ${missing.join(', ')}${more > 0 ? ` and ${more} packages they need` : ''} with apt-get (${plan.size}; details in ${steps.logFile})`);
  steps.run('apt-get', [...WAIT, ...INSTALL, ...missing], { env: APT_ENV });
  steps.say(`installed ${missing.join(', ')}`);
}
