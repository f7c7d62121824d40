/**
 * Format Document: Markdown tables aligned by display width, cells trimmed,
 * and nothing else changed: every cell reads the same before and after. And
 * the refactoring that rewrites a table read in another layout as the
 * standard Markdown table.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyEdits, formatTables, rewriteTableAt } from '../../server/src/analysis';
import { LineIndex } from '../../server/src/analysis/text/lines';
import { displayWidth } from '../../server/src/analysis/text/width';
import { decode } from '../../server/src/inputs';
import { FIXTURES, fixtureReports } from '../support/fixtures';
import { cleanSpec, copySpec, LAYOUTS, render } from '../support/reports';
import { HAS_SHARED, sharedReports, sharedText } from '../support/shared';

const format = (text: string) => applyEdits(text, formatTables(new LineIndex(text)));

/** Every cell of every table as read: where it belongs, what it says, what it counts as. */
function cells(text: string): string[] {
  const { report } = analyze(text);
  return report.tables.flatMap((t) => [...t.cells.entries()].map(([key, c]) => `${t.kind}|${key}|${c.raw.trim()}|${c.value}|${c.state}|${c.certain}`)).sort();
}

const codes = (text: string) => analyze(text).findings.map((f) => f.code);

/** The reports the tests format: the fixtures, each layout of the test builder, the shared seeds and corpus. */
function reports(): [string, string][] {
  const out: [string, string][] = fixtureReports().map((name) => {
    const decoded = decode(readFileSync(join(FIXTURES, name)));
    return [name, 'text' in decoded ? decoded.text : ''];
  });
  const ragged = copySpec(cleanSpec());
  for (const layout of LAYOUTS) out.push([`built ${layout}`, render(ragged, layout)], [`built ${layout} CRLF`, render(ragged, layout, '\r\n')]);
  if (HAS_SHARED) for (const folder of ['seeds', 'corpus'] as const) for (const name of sharedReports(folder)) out.push([`${folder}/${name}`, sharedText(folder, name)]);
  return out;
}

describe('Format Document', () => {
  it('counts a Chinese character as two columns', () => {
    assert.equal(displayWidth('总计'), 4);
    assert.equal(displayWidth('（一）予以公开'), 14);
    assert.equal(displayWidth('１２'), 4);
    assert.equal(displayWidth('a1 '), 3);
  });

  it('aligns a ragged Markdown table by display width and trims its cells', () => {
    const text = ['一、总体情况', '|   信息内容 | 本年制发件数|本年废止件数 |', '|---|:--|--:|', '| 规章 |0|  12 |', '| 行政规范性文件 | 3 | 4|', '正文。'].join('\n');
    const lines = format(text).split('\n');
    assert.deepEqual(lines, [
      '一、总体情况',
      '| 信息内容       | 本年制发件数 | 本年废止件数 |',
      '| -------------- | :----------- | -----------: |',
      '| 规章           |            0 |           12 |',
      '| 行政规范性文件 |            3 |            4 |',
      '正文。',
    ]);
    // Every pipe at the same display column on every line.
    const pipes = (l: string) => [...l].reduce<number[]>((at, ch, i, all) => (ch === '|' ? [...at, displayWidth(all.slice(0, i).join(''))] : at), []);
    for (const l of lines.slice(1, 5)) assert.deepEqual(pipes(l), pipes(lines[1]));
  });

  it('changes nothing but spaces and dashes, and formats once for all', () => {
    for (const [name, text] of reports()) {
      const once = format(text);
      assert.equal(format(once), once, `${name}: a second format changes nothing`);
      assert.equal(once.replace(/[ -]/g, ''), text.replace(/[ -]/g, ''), `${name}: only spaces and dashes change`);
      assert.equal(new LineIndex(once).lines.length, new LineIndex(text).lines.length, name);
    }
  });

  it('never changes a number: every cell reads the same after formatting, and the findings are the same', () => {
    let changed = 0;
    for (const [name, text] of reports()) {
      const once = format(text);
      if (once !== text) changed++;
      assert.deepEqual(cells(once), cells(text), name);
      assert.deepEqual(codes(once), codes(text), name);
    }
    assert.ok(changed >= 3, `some reports had tables to format (${changed})`);
  });

  it('formats only the tables a range touches', () => {
    const text = ['|a|b|', '|--|--|', '|1|22|', '', '正文。', '', '|c|d|', '|---|---|', '|333|4|'].join('\n');
    const lines = new LineIndex(text);
    const second = { start: lines.lines[7].start, end: lines.lines[7].start };
    const out = applyEdits(text, formatTables(lines, second)).split('\n');
    assert.deepEqual(out.slice(0, 3), ['|a|b|', '|--|--|', '|1|22|']);
    assert.deepEqual(out.slice(6), ['| c   | d   |', '| --- | --- |', '| 333 |   4 |']);
  });

  it('on any text of pipes, cells, CJK and line breaks: only blanks and dashes change, once for all (property)', () => {
    const token = fc.constantFrom('|', '| ', ' |', '\n', '\r\n', '\n|', '---', ':--', '--:', ' ', '  ', '0', '12', '１２', '总计', '（一）予以公开', '\\|', '\t', 'a', '\u200b', '😀');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }).map((t) => t.join('')), (text) => {
        const once = format(text);
        assert.equal(format(once), once);
        // Cells are trimmed of any blank (a tab too); line breaks stay.
        assert.equal(once.replace(/[^\S\r\n]|-/g, ''), text.replace(/[^\S\r\n]|-/g, ''));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves prose, pipe rows and lines that are only a pipe alone', () => {
    const text = ['某某 | 10 | 2 |', '|', '正文 | 不是表格'].join('\n');
    assert.deepEqual(formatTables(new LineIndex(text)), []);
  });
});

describe('rewrite a table as the standard Markdown table', () => {
  for (const layout of ['cells', 'pipe', 'pdf'] as const) {
    it(`from ${layout}: every cell carried over, read as Markdown, the findings the same`, () => {
      const spec = copySpec(cleanSpec());
      spec.application['1'][0] = '11'; // an error the rewrite must keep
      const text = render(spec, layout);
      const a = analyze(text);
      for (const table of a.report.tables) {
        const rewrite = rewriteTableAt(a.report, text, { start: table.anchor.start, end: table.anchor.start });
        assert.ok(rewrite, `${layout} ${table.kind}`);
        assert.equal(rewrite.title.zh, '将此表改写为标准 Markdown 表格');
        const after = applyEdits(text, [rewrite.edit]);
        const read = analyze(after).report.tables.find((t) => t.kind === table.kind)!;
        assert.equal(read.layout, 'markdown');
        assert.deepEqual(cells(after), cells(text));
        assert.deepEqual(codes(after), codes(text));
        // Already in the standard form: nothing more to rewrite, and it is formatted.
        assert.equal(rewriteTableAt(analyze(after).report, after, { start: read.anchor.start, end: read.anchor.start }), undefined);
        assert.equal(format(rewrite.edit.newText), rewrite.edit.newText);
      }
    });
  }

  it('is not offered where text would be lost or cells are uncertain', () => {
    // A note between the rows has no place in the standard table.
    const built = render(copySpec(cleanSpec()), 'pdf').split('\n');
    built.splice(built.indexOf('行政许可 120') + 1, 0, '注：含委托乡镇办理的许可事项');
    const text = built.join('\n');
    const a = analyze(text);
    const active = a.report.tables.find((t) => t.kind === 'active')!;
    assert.equal(rewriteTableAt(a.report, text, { start: active.anchor.start, end: active.anchor.start }), undefined);
    // A note inside a cell stays in its cell.
    const cellsText = readFileSync(join(FIXTURES, 'cells.report.txt'), 'utf8');
    const c = analyze(cellsText).report;
    const cellsActive = c.tables.find((t) => t.kind === 'active')!;
    const kept = rewriteTableAt(c, cellsText, { start: cellsActive.anchor.start, end: cellsActive.anchor.start });
    assert.match(kept!.edit.newText, /\| 2118（含交通行政处罚实施数量2009） \|/);
    // A row with too few cells cannot be placed; flat text cannot be read.
    for (const name of ['pipe.report.txt', 'flat.report.txt']) {
      const t = readFileSync(join(FIXTURES, name), 'utf8');
      const r = analyze(t).report;
      const application = r.tables.find((x) => x.kind === 'application')!;
      assert.equal(rewriteTableAt(r, t, { start: application.anchor.start, end: application.anchor.start }), undefined, name);
    }
    // Away from any table, nothing.
    assert.equal(rewriteTableAt(a.report, text, { start: 0, end: 0 }), undefined);
  });
});
