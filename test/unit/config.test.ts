/**
 * Reading `.govreport.json` (each key, each mistake said with the key named),
 * what the settings make of it (ignores, aliases), the JSON schema VS Code
 * validates it with, and the keys of accepted findings.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, CROSS_RULE_CODES, RULE_CODES } from '../../server/src/analysis';
import { bodyAliases, bodyOf, canonicalBody } from '../../server/src/analysis/corpus/body';
import { acceptedKey, valuesOf } from '../../server/src/analysis/features/baseline';
import { subjectAt } from '../../server/src/analysis/features/subject';
import { FolderSettings } from '../../server/src/config/folder';
import { configSchema } from '../../server/src/config/schema';
import { readConfig } from '../../server/src/config/settings';
import { fixtureText, ROOT } from '../support/fixtures';

const problems = (text: string) => readConfig(text).problems.map((p) => `${p.key}: ${p.message.zh}`);

describe('.govreport.json', () => {
  it('reads every key', () => {
    const { config, problems } = readConfig(`// 注释
      {
        "rules": { "subtotal": "warning", "repeated-text": "off", /* 跨报告 */ "unit-sum": "info" },
        "locale": "en",
        "ignores": ["草稿/**", "*.pdf"],
        "bodies": { "洪泽区人民政府": ["洪泽县人民政府", "淮安市洪泽区人民政府"] },
        "ratios": { "disclosureBelow": 35.5, "correctionAbove": 20 },
        "units": { "某某市2024年报.docx": ["市教育局2024.html", "某某市公安局"] },
      }`);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      rules: { subtotal: 'warning', 'repeated-text': 'off', 'unit-sum': 'info' },
      locale: 'en',
      ignores: ['草稿/**', '*.pdf'],
      bodies: { 洪泽区人民政府: ['洪泽县人民政府', '淮安市洪泽区人民政府'] },
      ratios: { disclosureBelow: 35.5, correctionAbove: 20 },
      units: { '某某市2024年报.docx': ['市教育局2024.html', '某某市公安局'] },
    });
  });

  it('says each mistake with its key, and keeps the rest', () => {
    assert.deepEqual(problems('{ "rules": ["subtotal"] }'), ['rules: 「rules」应为对象 { … }，而不是 ["subtotal"]；此项使用默认值']);
    assert.deepEqual(problems('{ "locale": "fr" }'), ['locale: 「locale」应为 zh-CN、en 之一，而不是 "fr"；此项使用默认值']);
    assert.deepEqual(problems('{ "ignores": "*.pdf" }'), ['ignores: 「ignores」应为数组 [ … ]，而不是 "*.pdf"；此项使用默认值']);
    assert.deepEqual(problems('{ "ignores": ["a", 3] }'), ['ignores: 「ignores」应为 glob 字符串的数组，其中 3 不是；此项使用默认值']);
    assert.deepEqual(problems('{ "bodies": { "洪泽区人民政府": "洪泽县人民政府" } }'), ['bodies.洪泽区人民政府: 「bodies.洪泽区人民政府」应为名称的数组，如 ["名称一", "名称二"]，而不是 "洪泽县人民政府"；此项使用默认值']);
    assert.deepEqual(problems('{ "bodies": { "洪泽区人民政府": ["区"] } }'), ['bodies: 「bodies」中的「区」不是机关名称；此项使用默认值']);
    assert.deepEqual(problems('{ "ratios": { "disclosureBelow": 140, "rate": 3 } }'), [
      'ratios.disclosureBelow: 「ratios.disclosureBelow」应为 0 至 100 的百分数，而不是 140；此项使用默认值',
      'ratios.rate: 「ratios」中没有「rate」（可用：disclosureBelow、correctionAbove），已忽略',
    ]);
    assert.deepEqual(problems('{ "units": { "市": ["x"] } }'), ['units: 「units」中的「市」既不是报告文件的路径，也不是机关名称；此项使用默认值']);
    assert.deepEqual(problems('[]'), [': 应为一个对象 { … }；全部使用默认设置']);
    assert.deepEqual(problems('// 只有注释\n'), [': 文件中没有设置（应为一个对象 { … }）；全部使用默认设置']);
    const partly = readConfig('{ "rules": { "subtotal": "warn", "row-total": "off" }, "locale": "en" }');
    assert.deepEqual(partly.config.rules, { 'row-total': 'off' });
    assert.equal(partly.config.locale, 'en');
    assert.equal(readConfig('{ "rules": { "subtotal": "warn" } }').problems[0].message.en, '"rules.subtotal" should be one of off, error, warning, info, hint, not "warn"; its default is used');
  });

  it('ignores as .gitignore reads them: relative to the file; without a slash, a name at any depth; a folder ignores what is in it', () => {
    const s = new FolderSettings('/r/.govreport.json', '/r/.govreport-baseline.json', { text: '{ "ignores": ["草稿", "/old/*.txt", "*.pdf", "a/b/"] }' });
    const ignored = (p: string) => s.ignores(join('/r', p));
    assert.deepEqual(
      ['x.txt', '草稿/x.txt', 'y/草稿/x.txt', 'old/x.txt', 'y/old/x.txt', 'z.pdf', 'y/z.pdf', 'a/b/c.txt', 'y/a/b/c.txt'].filter(ignored),
      ['草稿/x.txt', 'y/草稿/x.txt', 'old/x.txt', 'z.pdf', 'y/z.pdf', 'a/b/c.txt'],
    );
    assert.equal(s.ignores('/elsewhere/草稿/x.txt'), false, 'only under its own folder');
  });

  it('body aliases: another name of a body is taken for the canonical one, places kept apart', () => {
    const aliases = bodyAliases({ 洪泽区人民政府: ['洪泽县人民政府'], 某某市教育体育局: ['某某市教育局'] });
    const county = canonicalBody(bodyOf('淮安市洪泽县人民政府2020年政府信息公开工作年度报告')!, aliases);
    assert.deepEqual(county, { name: '淮安市洪泽县人民政府', key: '洪泽区人民政府', outer: ['淮安市'] });
    assert.equal(canonicalBody(bodyOf('某某市教育局')!, aliases).key, '某某市教育体育局');
    assert.equal(canonicalBody(bodyOf('另一市教育局')!, aliases).key, '另一市教育局');
  });

  it('the JSON schema VS Code validates the file with names every key and rule the reader takes', () => {
    const schema = configSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
    assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'bodies', 'ignores', 'locale', 'ratios', 'rules', 'units']);
    assert.deepEqual(Object.keys(schema.properties.rules.properties!).sort(), [...RULE_CODES, ...CROSS_RULE_CODES].sort());
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.govreport.json', url: './schemas/govreport.schema.json' }]);
    assert.ok(manifest.contributes.languages.some((l: { id: string; filenames?: string[] }) => l.id === 'jsonc' && l.filenames?.includes('.govreport.json')), 'read as JSON with comments');
  });
});

describe('what a finding is about (the accepted findings’ key)', () => {
  it('a cell by the schema’s ids, else the part; the values the message names', () => {
    const a = analyze(fixtureText('cells.report.txt'));
    const about = a.findings.map((f) => [f.code, subjectAt(a.report, f.span.start)]);
    assert.deepEqual(about, [
      ['row-total', { table: 'application', row: '3.1', column: 'total' }],
      ['table-shape', { table: 'application', row: '3.6.1', column: 'natural' }],
      ['subtotal', { table: 'application', row: '3.7', column: 'total' }],
      ['conversion-artifact', { part: 5 }],
    ]);
    assert.deepEqual(valuesOf({ zh: '正文称“收到申请”12 件，但表中「一、本年新收」为 13.5', en: '' }), ['收到申请', 12, '一、本年新收', 13.5]);
    // Lines added above change no key.
    const moved = analyze(`备注\n\n${fixtureText('cells.report.txt')}`);
    const keys = (x: typeof a) => x.findings.map((f) => acceptedKey({ file: 'f', code: f.code, at: subjectAt(x.report, f.span.start), values: valuesOf(f.message) }));
    assert.deepEqual(keys(moved), keys(a));
  });
});
