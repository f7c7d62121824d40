/**
 * A text report laid out as the official template lays it out (merged cells
 * where the template merges them), then written as a .docx (gridSpan, vMerge,
 * numbered headings) or as a web page (a CMS page in GBK with its chrome and
 * metadata table, or Word's "save as web page"). Built from the report's own
 * reading, so that every form holds the same numbers as the text.
 */
import iconv from 'iconv-lite';
import { analyze } from '../../server/src/analysis';
import type { ReadTable } from '../../server/src/analysis/read/tables/assemble';
import type { TableDef } from '../../server/src/analysis/schema/tables';
import { docx, NUMBERING, type WCell } from './sources';

export interface OCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}
export type OBlock = { type: 'p'; text: string } | { type: 'table'; rows: OCell[][] };

/** A cell value to write instead of the one read: plants a defect. */
export type Plant = (kind: string, row: string, col: string, raw: string) => string;

function values(t: ReadTable): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of t.rows) for (const c of r.cells) m.set(`${r.row.id}|${c.column.id}`, c.raw);
  return m;
}

function tableRows(def: TableDef, t: ReadTable, plant: Plant): OCell[][] {
  const v = values(t);
  const val = (row: string, col: string): string => plant(def.kind, row, col, v.get(`${row}|${col}`) ?? '');
  const rows: OCell[][] = [];
  if (def.kind === 'active') {
    for (const b of def.blocks) {
      rows.push([{ text: b.caption ?? '', colSpan: 4 }]);
      const n = b.columns.length;
      rows.push([{ text: '信息内容' }, ...b.columns.map((c, i) => ({ text: c.label, colSpan: i === n - 1 ? 4 - n : 1 }))]);
      for (const r of b.rows) rows.push([{ text: r.label }, ...b.columns.map((c, i) => ({ text: val(r.id, c.id), colSpan: i === n - 1 ? 4 - n : 1 }))]);
    }
  } else if (def.kind === 'application') {
    const b = def.blocks[0];
    const cols = b.columns;
    rows.push([{ text: def.caption ?? '', rowSpan: 3, colSpan: 3 }, { text: '申请人情况', colSpan: 7 }]);
    rows.push([{ text: '自然人', rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: '总计', rowSpan: 2 }]);
    rows.push(cols.slice(1, 6).map((c) => ({ text: c.label })));
    b.rows.forEach((r, i) => {
      const groups = r.groups ?? [];
      const cells: OCell[] = [];
      groups.forEach((g, depth) => {
        // A group's cell stands in the row of its first member and spans its members.
        if (b.rows[i - 1]?.groups?.[depth] === g) return;
        let span = 1;
        while (b.rows[i + span]?.groups?.[depth] === g) span++;
        cells.push({ text: g, rowSpan: span });
      });
      cells.push({ text: r.label, colSpan: 3 - groups.length });
      for (const c of cols) cells.push({ text: val(r.id, c.id) });
      rows.push(cells);
    });
  } else {
    const cols = def.blocks[0].columns;
    const labels = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    rows.push([{ text: '行政复议', colSpan: 5 }, { text: '行政诉讼', colSpan: 10 }]);
    rows.push([...labels.map((l) => ({ text: l, rowSpan: 2 })), { text: '未经复议直接起诉', colSpan: 5 }, { text: '复议后起诉', colSpan: 5 }]);
    rows.push([...labels, ...labels].map((l) => ({ text: l })));
    rows.push(cols.map((c) => ({ text: val(def.blocks[0].rows[0].id, c.id) })));
  }
  return rows;
}

/**
 * The report's paragraphs and its tables in the official layout; undefined
 * when a table could not be read in full (its layout could not be rebuilt).
 */
export function officialLayout(text: string, plant: Plant = (_k, _r, _c, raw) => raw): OBlock[] | undefined {
  const { report } = analyze(text);
  if (report.tables.some((t) => !t.readable || t.problems.some((p) => p.kind !== 'label-variant'))) return undefined;
  const blocks: OBlock[] = [];
  const done = new Set<ReadTable>();
  for (const line of report.lines.lines) {
    const t = report.tables.find((x) => line.end >= x.anchor.start && line.start <= x.span.end);
    if (t) {
      if (!done.has(t)) blocks.push({ type: 'table', rows: tableRows(t.def, t, plant) });
      done.add(t);
      continue;
    }
    if (line.text.trim()) blocks.push({ type: 'p', text: line.text.trim() });
  }
  return blocks;
}

// ---------------------------------------------------------------------------
// .docx

const PART = /^([一二三四五六])、(.+)$/;

/** As Word holds it: part headings numbered by Word (`%1、`), merged cells as gridSpan and vMerge, one tracked change. */
export function officialDocx(blocks: OBlock[]): Uint8Array {
  let body = '';
  let first = true;
  let parts = 0;
  for (const b of blocks) {
    if (b.type === 'p') {
      const m = PART.exec(b.text);
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      // Word numbers the parts in sequence; a part out of sequence keeps its typed number.
      if (m && '一二三四五六'.indexOf(m[1]) === parts && ++parts) body += `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${esc(m[2])}</w:t></w:r></w:p>`;
      else if (first) {
        // The first paragraph with a tracked change: a deleted word and an inserted one.
        body += `<w:p><w:r><w:t>${esc(b.text)}</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>（草稿）</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t></w:t></w:r></w:ins></w:p>`;
        first = false;
      } else body += `<w:p><w:r><w:t xml:space="preserve">${esc(b.text)}</w:t></w:r></w:p>`;
      continue;
    }
    // Rows of cells with spans to Word's grid: a rowSpan becomes a vMerge restart and continuations below.
    const pending: { col: number; left: number; span: number }[] = [];
    const rows: WCell[][] = [];
    for (const r of b.rows) {
      const out: WCell[] = [];
      let col = 0;
      const flush = (): void => {
        for (let p = pending.find((x) => x.col === col && x.left > 0); p; p = pending.find((x) => x.col === col && x.left > 0)) {
          out.push({ text: '', span: p.span > 1 ? p.span : undefined, vMerge: 'continue' });
          p.left--;
          col += p.span;
        }
      };
      for (const c of r) {
        flush();
        const span = c.colSpan ?? 1;
        if ((c.rowSpan ?? 1) > 1) pending.push({ col, left: (c.rowSpan ?? 1) - 1, span });
        out.push({ text: c.text, span: span > 1 ? span : undefined, vMerge: (c.rowSpan ?? 1) > 1 ? 'restart' : undefined });
        col += span;
      }
      flush();
      rows.push(out);
    }
    body += wtblSpans(rows);
  }
  return docx(body, { numbering: NUMBERING });
}

function wtblSpans(rows: WCell[][]): string {
  const tc = (c: WCell): string => {
    const pr = `${c.span ? `<w:gridSpan w:val="${c.span}"/>` : ''}${c.vMerge ? (c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : ''}`;
    return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}<w:p><w:r><w:t>${c.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p></w:tc>`;
  };
  // Bordered, with the template's column widths (wide label columns), so that an office suite lays it out as Word does.
  const width = rows[0].reduce((n, c) => n + (c.span ?? 1), 0);
  const grid = width === 10 ? [900, 1100, 2400, ...new Array(7).fill(700)] : width === 4 ? [2600, 2200, 2200, 2200] : new Array(width).fill(Math.floor(9000 / width));
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const pr = `<w:tblPr><w:tblW w:w="${grid.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders></w:tblPr>`;
  return `<w:tbl>${pr}<w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.map((r) => `<w:tr>${r.map(tc).join('')}</w:tr>`).join('')}</w:tbl>`;
}

// ---------------------------------------------------------------------------
// Web pages

const escHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A word split across spans, as Word-pasted cells hold it. */
function spans(s: string): string {
  const cut = Math.ceil(s.length / 2);
  return `<span style="font-family:宋体">${escHtml(s.slice(0, cut))}</span><span>${escHtml(s.slice(cut))}</span><span><o:p></o:p></span>`;
}

function htmlTable(rows: OCell[][], word: boolean): string {
  const td = (c: OCell): string => {
    const attrs = `${c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan && c.colSpan > 1 ? ` colspan=${c.colSpan}` : ''}`;
    const style = word ? ' style="border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt"' : ' valign="center"';
    const inner = c.text ? `<p class=MsoNormal align=center style="text-align:center">${spans(c.text)}</p>` : '<p><o:p>&nbsp;</o:p></p>';
    return `<td${attrs}${style}>${inner}</td>`;
  };
  return `<table border=1 cellspacing=0 style="border-collapse:collapse">${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n')}</table>`;
}

function bodyHtml(blocks: OBlock[], word: boolean): string {
  return blocks
    .map((b) => (b.type === 'p' ? `<p style="text-indent:2em">${word ? spans(b.text) : `<span>${escHtml(b.text)}</span>&nbsp;`}</p>` : htmlTable(b.rows, word)))
    .join('\n');
}

/** A CMS page in GBK: navigation, a metadata table before the report, a footer, scripts. */
export function cmsPage(blocks: OBlock[]): Uint8Array {
  const title = blocks.find((b) => b.type === 'p')?.type === 'p' ? (blocks[0] as { text: string }).text : '年度报告';
  const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>${escHtml(title)}-某某市人民政府</title><script>var s = "<table><tr><td>总体情况 申请人情况</td></tr></table>";</script></head>
<body><div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/gk">政府信息公开</a></li><li><a href="/nb">政府信息公开年报</a></li></ul></div>
<table class="table_content"><tr><td>名称</td><td colspan="3">${escHtml(title)}</td></tr>
<tr><td>索引号</td><td>000000/2024-00001</td><td>分类</td><td>信息公开年报</td></tr>
<tr><td>发布机构</td><td>某某局</td><td>公开日期</td><td>2024-01-20</td></tr></table>
<div class=TRS_Editor>${bodyHtml(blocks, false)}</div>
<div class="footer"><a href="/a">网站地图</a> | <a href="/b">联系我们</a><p>主办单位：某某市人民政府办公室</p></div></body></html>`;
  return iconv.encode(html, 'gbk');
}

/** Word's "save as web page": mso styles, conditional comments, o:p, UTF-8 by http-equiv. */
export function wordHtml(blocks: OBlock[]): Uint8Array {
  const html = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1 style='layout-grid:15.6pt'>
${bodyHtml(blocks, true)}
</div></body></html>`;
  return new TextEncoder().encode(html);
}
