/**
 * What the extension contributes besides code: snippets and grammar generated
 * from the schema (and committed), the settings schema, the grammar's scopes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, CROSS_RULE_CODES, RULE_CODES, skeletonSnippet, skeletonYear } from '../../server/src/analysis';
import { contributions } from '../../server/src/contributions';
import { docFiles, fillReadme } from '../../server/src/contributions/docs';
import { snippetName, type Snippet } from '../../server/src/contributions/snippets';
import { ROOT } from '../support/fixtures';
import { cleanSpec, copySpec, render } from '../support/reports';

/** The text a snippet inserts when every placeholder keeps its default. */
function expand(snippet: Snippet, year: number): string {
  const values = new Map<string, string>();
  const body = snippet.body.join('\n');
  return body
    .replace(/\\([\\$}])|\$\{(\d+):(\$CURRENT_YEAR|[^}]*)\}|\$\{(\d+)\}|\$(\d+)/g, (_m, esc, n, def, mirror, tab) => {
      if (esc) return esc;
      if (n) {
        const v = def === '$CURRENT_YEAR' ? String(year) : def;
        values.set(n, v);
        return v;
      }
      if (mirror) return values.get(mirror) ?? '';
      void tab;
      return '';
    });
}

describe('contributions', () => {
  it('the rules’ pages and the READMEs’ rule sections are what the rule modules document', () => {
    const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
    const files = docFiles(read);
    for (const code of [...RULE_CODES, ...CROSS_RULE_CODES]) assert.ok(files[`docs/rules/${code}.md`], code);
    for (const [file, text] of Object.entries(files)) assert.equal(read(file), text, `${file} is stale: run \`npm run docs\``);
    // Each README documents every rule, Chinese first, then English.
    for (const readme of ['README.md', 'README.marketplace.md']) {
      for (const code of [...RULE_CODES, ...CROSS_RULE_CODES]) {
        const section = new RegExp(`^### ${code}\\n\\n([\\s\\S]*?)\\n(?=### |<!-- )`, 'm').exec(read(readme))?.[1] ?? '';
        const [zh, en] = section.trim().split(/\n\n(?=[A-Z"(])/);
        assert.match(zh ?? '', /^[^A-Za-z].*\p{Script=Han}/u, `${readme} ${code}`);
        assert.match(en ?? '', /^[A-Z"(]/, `${readme} ${code}`);
      }
    }
  });

  it('a README without the rules’ markers is said, not skipped', () => {
    assert.throws(() => fillReadme('README.md', '# GovReport\n'), /README\.md: no "<!-- rules-table/);
  });

  it('the committed snippets and grammar are what the schema generates', () => {
    for (const [file, data] of Object.entries(contributions())) {
      const committed = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
      assert.deepEqual(committed, data, `${file} is stale: run \`npm run contributions\``);
    }
  });

  const snippets = contributions()['snippets/govreport.code-snippets'] as Record<string, Snippet>;

  it('has a snippet for each table in both styles, named by what it inserts', () => {
    assert.deepEqual(Object.keys(snippets).sort(), [
      '表一 主动公开政府信息情况（Markdown 表格）',
      '表一 主动公开政府信息情况（竖线分隔）',
      '表三 政府信息公开行政复议、行政诉讼情况（Markdown 表格）',
      '表三 政府信息公开行政复议、行政诉讼情况（竖线分隔）',
      '表二 收到和处理政府信息公开申请情况（Markdown 表格）',
      '表二 收到和处理政府信息公开申请情况（竖线分隔）',
    ]);
    // A tab stop on every number: 10 + 175 + 15 cells.
    const stops = (name: string) => snippets[name].body.join('\n').match(/\$\{\d+:0\}/g)?.length;
    assert.deepEqual((['active', 'application', 'review'] as const).map((k) => stops(snippetName(k, 'markdown'))), [10, 175, 15]);
    assert.deepEqual((['active', 'application', 'review'] as const).map((k) => stops(snippetName(k, 'pipe'))), [10, 175, 15]);
  });

  it('the skeleton, filled with its defaults, checks clean but for the words parts 五 and 六 still need, in the year it is given', () => {
    const body = skeletonSnippet(2025).split('\n');
    const text = expand({ prefix: [], body, description: '' }, 0);
    // Sub-headings name part 一's five topics; what was done about last year's problems and the fees is for the writer to say.
    assert.deepEqual(analyze(text).findings.map((f) => f.code), ['improvement-report', 'fee-report']);
    assert.match(text, /^某某单位2025年政府信息公开工作年度报告\n.*统计期限自2025年1月1日起至2025年12月31日止/);
    const written = expand({ prefix: [], body: body.map((l) => l.replace('${9}', '上年度指出的解读形式单一问题已完成整改，增加了图解和问答两种形式。').replace('${10}', '主动公开的深度不够，信息更新不够及时。').replace('${11}', '加强业务培训，丰富解读形式，提高信息发布的时效。').replace('${12}', '本机关未收取信息处理费。')), description: '' }, 0);
    assert.deepEqual(analyze(written).findings.map((f) => `${f.code}: ${f.message.zh}`), []);
  });

  it('the skeleton is about last year, or the year the file name gives', () => {
    assert.equal(skeletonYear(undefined, new Date(2026, 1, 10)), 2025);
    assert.equal(skeletonYear('报告.txt', new Date(2026, 0, 1)), 2025);
    assert.equal(skeletonYear('某某区2023年政府信息公开工作年度报告.txt', new Date(2026, 1, 10)), 2023);
    assert.equal(skeletonYear('/reports/2019/草稿-2024.govreport', new Date(2026, 1, 10)), 2024);
    assert.equal(skeletonYear('v120231.txt', new Date(2026, 1, 10)), 2025, 'digits inside a longer number are no year');
  });

  for (const kind of ['active', 'application', 'review'] as const) {
    for (const style of ['markdown', 'pipe'] as const) {
      it(`the ${kind} table snippet (${style}) checks clean where its table is missing`, () => {
        const spec = copySpec(cleanSpec());
        spec.omit.add(kind);
        // The prose speaks of 13 applications; the empty template has none.
        spec.prose[1][2] = '（二）依申请公开情况。严格依法答复。';
        const part = { active: '二、主动公开政府信息情况', application: '三、收到和处理政府信息公开申请情况', review: '四、政府信息公开行政复议、行政诉讼情况' }[kind];
        const text = render(spec, 'cells');
        assert.deepEqual(analyze(text).findings.map((f) => f.code), ['missing-table']);
        const inserted = text.replace(`${part}\n`, `${part}\n${expand(snippets[snippetName(kind, style)], 2023)}\n`);
        assert.deepEqual(analyze(inserted).findings.map((f) => `${f.code}: ${f.message.zh}`), []);
      });
    }
  }

  it('the settings schema names every rule', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const rules = manifest.contributes.configuration.properties['govreport.rules'].properties;
    assert.deepEqual(Object.keys(rules).sort(), [...RULE_CODES, ...CROSS_RULE_CODES].sort());
  });

  it('every %key% of the manifest is translated in English and Chinese', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
      assert.deepEqual(keys.filter((k) => !(k in nls)), [], file);
    }
  });

  it('the grammar gives each element its scope (vscode-tmgrammar-test)', () => {
    const bin = join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
    const r = spawnSync(process.execPath, [bin, '--grammar', join(ROOT, 'syntaxes', 'govreport.tmLanguage.json'), join(ROOT, 'test', 'grammar', '*.report.txt')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  });
});
