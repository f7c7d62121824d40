/**
 * Tables read as a person reads them: each row by its label and its numbers,
 * whatever the layout. The application table of a clean report is written
 * again as a table pasted from Word or Excel (tabs), as a converter's pieces
 * under headings, and as Markdown whose merged cells were not padded; each
 * must read every cell as the original does, and find a planted defect.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type Report } from '../../server/src/analysis';
import { formatTables } from '../../server/src/analysis/features/format';
import { rewriteTableAt } from '../../server/src/analysis/features/rewrite-table';
import { TABLES } from '../../server/src/analysis/schema/tables';
import { cleanSpec, render, type ReportSpec } from '../support/reports';

interface Row {
  groups: string[];
  label: string;
  values: string[];
}

function rows(spec: ReportSpec): Row[] {
  return TABLES['2021'].application.blocks[0].rows.map((r) => ({ groups: r.groups ?? [], label: r.label, values: spec.application[r.id] }));
}

/** Label cells as pasted: a group is written in its first row only, and a merged label is one cell. */
function labelCells(all: Row[]): string[][] {
  let before: string[] = [];
  return all.map((r) => {
    const cells = r.groups.map((g, i) => (before[i] === g ? '' : g));
    before = r.groups;
    return [...cells, r.label];
  });
}

const pasted = (all: Row[]): string =>
  [
    '申请人情况\t\t\t\t\t\t\t\t\t',
    '\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t\t\t商业企业\t科研机构\t"社会\n公益组织"\t法律服务机构\t其他\t',
    ...labelCells(all).map((labels, i) => [...labels, ...all[i].values].join('\t')),
  ].join('\n');

const shifted = (all: Row[]): string =>
  [
    '| 申请人情况 | | | 自然人 | 法人或其他组织 | | | | | 总计 |',
    '|---|---|---|---|---|---|---|---|---|---|',
    '| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |',
    ...labelCells(all).map((labels, i) => `| ${[...labels, ...all[i].values].join(' | ')} |`),
  ].join('\n');

/** One small table per row or group under a heading of its own, each with an invented header; items without their group. */
function pieces(all: Row[], heading: (s: string) => string): string {
  const out: string[] = [];
  const header = ['| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |', '|---|---|---|---|---|---|---|---|'];
  let group = '';
  for (const r of all) {
    const inner = r.groups[r.groups.length - 1] ?? '';
    if (!inner || inner !== group || r.groups.length === 1) {
      out.push('', heading(r.groups.length > 1 ? inner : r.label), '', ...header);
      group = inner;
    }
    const label = r.label.replace(/^(\d)\./, '$1. ').replace(/（/g, '(').replace(/）/g, ')');
    out.push(`| ${label} | ${r.values.join(' | ')} |`);
  }
  return out.join('\n');
}

/** The report with its application table replaced by `table`. */
function withTable(spec: ReportSpec, table: string): string {
  const text = render(spec, 'markdown');
  const { report } = analyze(text);
  const app = report.tables.find((t) => t.kind === 'application')!;
  const start = text.lastIndexOf('\n', app.anchor.start) + 1;
  const endLine = text.indexOf('\n', app.span.end);
  return text.slice(0, start) + table + text.slice(endLine < 0 ? text.length : endLine);
}

const application = (report: Report) => report.tables.find((t) => t.kind === 'application')!;
const codes = (text: string) => analyze(text).findings.map((f) => f.code);
const cellCount = TABLES['2021'].application.blocks[0].rows.length * TABLES['2021'].application.blocks[0].columns.length;

const LAYOUTS: [string, (all: Row[]) => string][] = [
  ['pasted rows (tabs)', pasted],
  ['shifted Markdown', shifted],
  ['pieces under ### headings', (all) => pieces(all, (s) => `### ${s}`)],
  ['pieces under bold lines', (all) => pieces(all, (s) => `**${s}**`)],
  ['pieces under plain lines', (all) => pieces(all, (s) => s)],
];

describe('tables read by label and count', () => {
  const spec = cleanSpec();
  const original = analyze(render(spec, 'markdown'));
  for (const [name, layout] of LAYOUTS) {
    it(`${name}: every cell read as in the original, no table-shape`, () => {
      const text = withTable(spec, layout(rows(spec)));
      const { report, findings } = analyze(text);
      const table = application(report);
      assert.equal(table.cells.size, cellCount);
      for (const [key, cell] of application(original.report).cells) assert.equal(table.cells.get(key)?.value, cell.value, key);
      assert.deepEqual(
        findings.filter((f) => f.code === 'table-shape' || f.severity === 'error').map((f) => f.code),
        [],
      );
    });
    it(`${name}: an item changed without its （七）总计 is found`, () => {
      const planted = structuredClone(spec);
      planted.application['3.1'][0] = String(Number(planted.application['3.1'][0]) + 1);
      assert.ok(codes(withTable(planted, layout(rows(planted)))).includes('subtotal'));
    });
  }

  it('all three tables pasted as tab rows give the findings of the Markdown original', () => {
    const text = render(spec, 'markdown');
    const defect = structuredClone(spec);
    defect.application['3.1'][0] = String(Number(defect.application['3.1'][0]) + 1);
    const planted = render(defect, 'markdown');
    // Each Markdown row as a pasted one: its cells split by tabs, the rule gone.
    const asTabs = (t: string) =>
      t
        .split('\n')
        .filter((l) => !/^\|[-| :]+\|?$/.test(l))
        .map((l) => (l.startsWith('|') ? l.replace(/^\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.trim()).join('\t') : l))
        .join('\n');
    assert.ok(analyze(planted).findings.some((f) => f.code === 'subtotal'));
    for (const original of [text, planted]) {
      const md = analyze(original);
      const tabs = analyze(asTabs(original));
      assert.deepEqual(tabs.report.tables.map((t) => t.layout), ['tabs', 'tabs', 'tabs']);
      assert.deepEqual(tabs.findings.map((f) => `${f.code} ${f.message.zh}`), md.findings.map((f) => `${f.code} ${f.message.zh}`));
    }
  });

  it('pasted rows are their own layout, and a label cell broken by Excel reads whole', () => {
    const all = rows(spec);
    all[3].label = '"（二）部分公开\n（区分处理的，只计这一情形，不计其他情形）"';
    const { report, findings } = analyze(withTable(spec, pasted(all)));
    assert.equal(application(report).layout, 'tabs');
    assert.equal(application(report).cells.size, cellCount);
    assert.equal(findings.filter((f) => f.code === 'table-shape').length, 0);
  });

  it('item numbers in any form: 1、 (1) （一） 一、', () => {
    const forms = ['$1、', '（$1）', '($1)', '$1．'];
    const all = rows(spec).map((r, i) => ({ ...r, label: r.label.replace(/^(\d)\./, (_, n: string) => forms[i % forms.length].replace('$1', n)) }));
    all[2].label = '(1)予以公开';
    const { report, findings } = analyze(withTable(spec, pasted(all)));
    assert.equal(application(report).cells.size, cellCount);
    assert.deepEqual(findings.filter((f) => f.code === 'table-shape').map((f) => f.message.zh), []);
  });

  it('an item known only within its group takes the group from the nearest group label before it', () => {
    // `其他` names 3.其他 only under （六）其他处理; with 2.申请人逾期未按… gone its neighbours cannot place it.
    const all = rows(spec)
      .filter((r) => !r.label.startsWith('2.申请人逾期'))
      .map((r) => (r.label === '3.其他' ? { ...r, label: '其他' } : r));
    for (const [name, layout] of LAYOUTS) {
      const { report, findings } = analyze(withTable(spec, layout(all)));
      const other = application(report).rows.find((r) => r.row.id === '3.6.3');
      assert.equal(other?.placement, 'label', name);
      const shape = findings.filter((f) => f.code === 'table-shape').map((f) => f.message.zh);
      assert.equal(shape.length, 1, `${name}: ${shape.join('\n')}`);
      assert.match(shape[0], /缺少「（六）其他处理」中的「2\.申请人逾期未按/, name);
    }
  });

  it('a shifted row never takes a number for its label', () => {
    const { report } = analyze(withTable(spec, shifted(rows(spec))));
    for (const row of application(report).rows) {
      if (row.label) assert.doesNotMatch(report.text.slice(row.label.start, row.label.end), /^\d+$/);
    }
  });

  it('rows that cannot be placed are said once, each row a place of its own', () => {
    const all = rows(spec);
    all.splice(2, 0, ...[2, 3, 4].map((i) => ({ groups: [], label: `某某情况${i}`, values: all[2].values })));
    const text = withTable(spec, pasted(all));
    const shape = analyze(text).findings.filter((f) => f.code === 'table-shape');
    const unknown = shape.filter((f) => f.related?.length === 3);
    assert.equal(unknown.length, 1, shape.map((f) => f.message.zh).join('\n'));
    assert.match(unknown[0].message.zh, /3 行/);
    for (const r of unknown[0].related!) assert.match(text.slice(r.span.start, r.span.end), /^某某情况\d$/);
  });

  it('standard rows missing are said once', () => {
    const all = rows(spec).filter((r) => !r.label.startsWith('1.属于') && !r.label.startsWith('2.其他法律'));
    const shape = analyze(withTable(spec, pasted(all))).findings.filter((f) => f.code === 'table-shape');
    assert.equal(shape.length, 1, shape.map((f) => f.message.zh).join('\n'));
    assert.match(shape[0].message.zh, /缺少 2 个标准行/);
    assert.equal(shape[0].related?.length, 2);
  });

  it('a pasted table can be rewritten as the standard Markdown table; Format Document leaves its tabs', () => {
    const text = withTable(spec, pasted(rows(spec)));
    const { report } = analyze(text);
    const table = application(report);
    const rewrite = rewriteTableAt(report, text, { start: table.span.start, end: table.span.start });
    assert.ok(rewrite, 'a rewrite is offered');
    const after = text.slice(0, rewrite.edit.span.start) + rewrite.edit.newText + text.slice(rewrite.edit.span.end);
    assert.equal(application(analyze(after).report).layout, 'markdown');
    assert.deepEqual(analyze(after).findings.filter((f) => f.severity === 'error'), []);
    const tabLines = new Set(report.lines.lines.filter((l) => l.text.includes('\t')).map((l) => l.index));
    for (const edit of formatTables(report.lines)) assert.ok(!tabLines.has(report.lines.positionAt(edit.span.start).line));
  });

  it('a converter’s invented header over every piece is one finding', () => {
    const found = analyze(withTable(spec, pieces(rows(spec), (s) => `### ${s}`))).findings.filter((f) => f.code === 'conversion-artifact');
    assert.equal(found.length, 1);
    assert.ok((found[0].related?.length ?? 0) > 1);
    assert.equal(found[0].fixes?.[0].edits.length, found[0].related?.length);
  });
});
