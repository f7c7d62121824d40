/**
 * `govreport` on the PATH, as the README says: the tarball `npm pack` makes
 * installs with `npm install -g` and its command checks a report. Into a
 * temporary prefix, with no network (the package has no dependencies). And
 * the clone's own `npm ci` on the Node the README names: no package of the
 * lockfile wants a newer one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, tempDirs } from '../support/fixtures';
import { cjkPdf } from '../support/pdf';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tempDir = tempDirs('install');

test('npm pack, then npm install -g of the tarball, puts a working govreport on the PATH', () => {
  const temp = tempDir();
  const env = { ...process.env, npm_config_cache: join(temp, 'cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  // The bundles are built (npm test builds first): no need for `prepare` again.
  const pack = spawnSync(npm, ['pack', '--ignore-scripts', '--pack-destination', temp], { cwd: ROOT, env, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  const tarball = readdirSync(temp).find((f) => f.endsWith('.tgz'))!;
  const prefix = join(temp, 'prefix');
  const install = spawnSync(npm, ['install', '-g', '--prefix', prefix, join(temp, tarball)], { cwd: temp, env, encoding: 'utf8' });
  assert.equal(install.status, 0, install.stderr);
  const bin = process.platform === 'win32' ? join(prefix, 'govreport.cmd') : join(prefix, 'bin', 'govreport');
  const path = `${process.platform === 'win32' ? prefix : join(prefix, 'bin')}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH}`;
  const version = spawnSync('govreport', ['--version'], { env: { ...env, PATH: path }, encoding: 'utf8', shell: process.platform === 'win32' });
  assert.equal(version.stdout.trim(), JSON.parse(spawnSync(process.execPath, ['-p', 'JSON.stringify(require("./package.json").version)'], { cwd: ROOT, encoding: 'utf8' }).stdout));
  const check = spawnSync(bin, ['check', join(ROOT, 'test', 'fixtures', 'pdf.report.txt')], { env, encoding: 'utf8' });
  assert.equal(check.status, 1);
  assert.match(check.stdout, /error review-total/);
  // The readers' thread, pdf.js and its CMaps come along: a Chinese PDF in a predefined font is read.
  const paragraphs = ['某县人民政府2023年政府信息公开工作年度报告', '一、总体情况'];
  writeFileSync(join(temp, 'cjk.pdf'), cjkPdf(paragraphs));
  const convert = spawnSync(bin, ['convert', join(temp, 'cjk.pdf')], { env, encoding: 'utf8' });
  assert.equal(convert.stdout, `${paragraphs.join('\n')}\n`, convert.stderr);
});

test('npm ci accepts this Node: no package of the lockfile asks for a newer one (EBADENGINE)', () => {
  const temp = tempDir();
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(ROOT, file), join(temp, file));
  const env = { ...process.env, npm_config_cache: join(temp, 'cache'), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  // A dry run reads the lockfile and checks each package's engines; --engine-strict makes a mismatch an error.
  const ci = spawnSync(npm, ['ci', '--dry-run', '--ignore-scripts', '--offline', '--engine-strict'], { cwd: temp, env, encoding: 'utf8' });
  assert.equal(ci.status, 0, ci.stderr);
  assert.doesNotMatch(`${ci.stdout}${ci.stderr}`, /EBADENGINE|notsup/);
});
