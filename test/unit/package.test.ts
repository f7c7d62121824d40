/**
 * What the package brings a user besides code: the icon, the users' README
 * with every rule the diagnostics link to, the changelog, the walkthrough
 * and its sample report (a mistake that one fix mends).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyEdits, CROSS_RULE_CODES, RULE_CODES } from '../../server/src/analysis';
import { REPORT_EXTENSIONS, sourceKind } from '../../server/src/inputs';
import { ROOT } from '../support/fixtures';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string>;

describe('the package', () => {
  it('has a 128×128 PNG icon', () => {
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('packs the users’ README, which documents every rule (from the rule modules: see the docs test)', () => {
    assert.match(manifest.scripts.package, /scripts\/package\.mjs/);
    assert.match(readFileSync(join(ROOT, 'scripts', 'package.mjs'), 'utf8'), /'--readme-path', 'README\.marketplace\.md'/);
    const users = readFileSync(join(ROOT, 'README.marketplace.md'), 'utf8');
    for (const code of [...RULE_CODES, ...CROSS_RULE_CODES]) assert.match(users, new RegExp(`^### ${code}\\n\\n[^#]+`, 'm'), `README.marketplace.md: ### ${code}`);
    assert.doesNotMatch(users, /npm (test|start)|Project layout|Benchmarks/, 'no developer material');
  });

  it('has a changelog for the version it is', () => {
    assert.match(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}$`, 'm'));
  });

  it('has a walkthrough whose steps exist, in English and Chinese, with commands that exist', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['open', 'squiggle', 'fix', 'preview']);
    const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const strings = nls(file);
      for (const step of walkthrough.steps) {
        assert.ok(existsSync(join(ROOT, step.media.markdown)), step.media.markdown);
        const description = strings[step.description.slice(1, -1)];
        const linked = [...description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
        assert.equal(linked.length, 1, `${file} ${step.id}`);
        assert.ok(commands.has(linked[0]) || linked[0].startsWith('editor.action.'), linked[0]);
      }
    }
  });

  it('offers its source commands and its report editor for exactly the documents the readers read', () => {
    const sources = REPORT_EXTENSIONS.filter((e) => sourceKind(`x.${e}`));
    for (const item of manifest.contributes.menus['explorer/context']) {
      const pattern = /resourceExtname =~ \/(.+)\/(\w*)$/.exec(item.when)!;
      const accepts = new RegExp(pattern[1], pattern[2]);
      for (const e of [...REPORT_EXTENSIONS, 'doc', 'wps', 'docm']) assert.equal(accepts.test(`.${e}`), sources.includes(e), `${item.command}: .${e}`);
    }
    const patterns: string[] = manifest.contributes.customEditors[0].selector.map((s: { filenamePattern: string }) => s.filenamePattern);
    for (const name of ['年度报告', '年报']) assert.deepEqual(patterns.filter((p) => p.startsWith(`*${name}*.`)).map((p) => p.split('.').pop()).sort(), [...sources].sort(), name);
  });

  it('has a sample report with one wrong total, which its fix mends entirely', () => {
    const text = readFileSync(join(ROOT, 'media', 'sample', 'sample.govreport'), 'utf8');
    const { findings } = analyze(text);
    assert.deepEqual(findings.map((f) => f.code), ['row-total', 'subtotal']);
    const [fix] = findings[0].fixes!;
    assert.deepEqual(analyze(applyEdits(text, fix.edits)).findings, []);
  });
});
