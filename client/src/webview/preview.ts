/**
 * The totals preview, inside the webview: renders the server's report model
 * as real tables with their sums. Every piece of report text goes in through
 * textContent, never as HTML. A click (or Enter) on a cell asks the extension
 * to reveal it in the editor.
 */
import { type CellView, describeFormat, describeMissingTables, describeRatio, describeShouldBe, describeSum, describeSums, isOutlier, type Locale, pick, RATIO_KEYS, type RowView, type SumView, TABLE_WORDS, type TableView, thresholdText } from '../../../server/src/analysis/pages';
import type { TablesResult } from '../../../server/src/protocol';

/** What the server answers `govreport/tables`, passed on by the extension. */
type Model = TablesResult;

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; setState(s: unknown): void; getState(): unknown };
const vscode = acquireVsCodeApi();

const WORDS = {
  zh: {
    parts: '部分',
    errors: (n: number) => `${n} 个错误`,
    warnings: (n: number) => `${n} 个警告`,
    clean: '未发现问题',
    allSums: '全部合计',
    noReport: '请打开一份报告。',
    ratios: '审核比率',
    outlier: (limit: string) => `超出阈值（${limit}）`,
  },
  en: {
    parts: 'Parts',
    errors: (n: number) => `${n} error${n === 1 ? '' : 's'}`,
    warnings: (n: number) => `${n} warning${n === 1 ? '' : 's'}`,
    clean: 'No problems found',
    allSums: 'All sums',
    noReport: 'Open a report.',
    ratios: "Reviewer's ratios",
    outlier: (limit: string) => `beyond the threshold (${limit})`,
  },
};

type Words = (typeof WORDS)['zh'];

/** Creates an element with text; report text is never parsed as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

const sameRange = (a: CellView['range'] | undefined, b: CellView['range']) =>
  !!a && a.start.line === b.start.line && a.start.character === b.start.character;

function reveal(range: CellView['range']): void {
  vscode.postMessage({ type: 'reveal', range });
}

/** A clickable element that reveals `range` in the editor. */
function revealing<T extends HTMLElement>(e: T, range: CellView['range']): T {
  e.tabIndex = 0;
  e.setAttribute('role', 'button');
  e.addEventListener('click', () => reveal(range));
  e.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      reveal(range);
    }
  });
  return e;
}

function cellElement(cell: CellView, failing: SumView[], locale: Locale): HTMLTableCellElement {
  const td = revealing(el('td', undefined, `cell ${cell.state}`), cell.range);
  td.append(el('span', cell.state === 'empty' ? pick(TABLE_WORDS.blank, locale) : cell.value === null || !cell.certain ? cell.raw : String(cell.value), 'value'));
  const bad = failing.find((s) => sameRange(s.range, cell.range));
  if (bad) {
    td.classList.add('fail');
    if (bad.shouldBe !== undefined) td.append(el('span', pick(describeShouldBe(bad.shouldBe), locale), 'expected'));
  }
  td.title = `${cell.range.start.line + 1}:${cell.range.start.character + 1}`;
  return td;
}

function rowElement(row: RowView, width: number, failing: SumView[], locale: Locale): HTMLTableRowElement {
  const tr = el('tr');
  const th = revealing(el('th', pick(row.name, locale), `label depth-${row.depth}`), row.range);
  th.scope = 'row';
  tr.append(th);
  if (row.group) {
    // A group's heading row (三、本年度办理结果) spans the table, over its rows.
    tr.className = 'group';
    th.scope = 'rowgroup';
    th.colSpan = width + 1;
    return tr;
  }
  if (!row.cells) {
    const td = el('td', pick(TABLE_WORDS.rowUnread, locale), 'unread');
    td.colSpan = width;
    tr.append(td);
  } else for (const c of row.cells) tr.append(cellElement(c, failing, locale));
  return tr;
}

function tableElement(t: TableView, locale: Locale, w: Words): HTMLElement {
  const section = el('section', undefined, 'report-table');
  const h2 = el('h2', pick(t.name, locale));
  h2.append(el('span', pick(describeFormat(t.format, t.layout), locale), 'meta'));
  section.append(h2);
  if (!t.readable) {
    section.append(el('p', pick(TABLE_WORDS.unreadable, locale), 'unreadable'));
    return section;
  }
  const failing = t.sums.filter((s) => s.status === 'fail');
  for (const block of t.blocks) {
    if (block.captionName) section.append(el('h3', pick(block.captionName, locale)));
    const table = el('table');
    const head = el('thead');
    const groups = block.columns.some((c) => c.group);
    if (groups) {
      const tr = el('tr');
      tr.append(el('th'));
      let i = 0;
      while (i < block.columns.length) {
        const g = block.columns[i].group;
        let span = 1;
        while (i + span < block.columns.length && g && block.columns[i + span].group && pick(block.columns[i + span].group!, locale) === pick(g, locale)) span++;
        const th = el('th', g ? pick(g, locale) : '');
        th.colSpan = span;
        tr.append(th);
        i += span;
      }
      head.append(tr);
    }
    const tr = el('tr');
    tr.append(el('th'));
    for (const c of block.columns) tr.append(el('th', pick(c.name, locale)));
    head.append(tr);
    table.append(head);
    const body = el('tbody');
    for (const row of block.rows) body.append(rowElement(row, block.columns.length, failing, locale));
    table.append(body);
    section.append(table);
  }
  if (t.sums.length) {
    const blanks = t.sums.filter((s) => s.status === 'unverifiable');
    section.append(el('p', pick(describeSums(t.sums), locale), failing.length ? 'summary fail' : 'summary ok'));
    const list = el('ul', undefined, 'sums');
    for (const s of [...failing, ...blanks]) list.append(sumElement(s, locale));
    section.append(list);
    const details = el('details');
    details.append(el('summary', w.allSums));
    const all = el('ul', undefined, 'sums');
    for (const s of t.sums) all.append(sumElement(s, locale));
    details.append(all);
    section.append(details);
  }
  return section;
}

function sumElement(s: SumView, locale: Locale): HTMLLIElement {
  const li = el('li', pick(describeSum(s), locale), s.status);
  return s.range ? revealing(li, s.range) : li;
}

/** 实质公开率 and 纠错率, with how each was computed; one beyond its threshold is marked. */
function ratiosElement(model: Model, w: Words): HTMLElement {
  const list = el('ul', undefined, 'ratios');
  list.setAttribute('aria-label', w.ratios);
  for (const key of RATIO_KEYS) {
    const ratio = model.view.ratios[key];
    const li = el('li', pick(describeRatio(key, ratio), model.locale), 'ratio');
    li.dataset.ratio = key;
    if (model.thresholds && isOutlier(key, ratio.value, model.thresholds)) {
      li.classList.add('outlier');
      li.append(el('span', ` ⚠ ${w.outlier(pick(thresholdText(key, model.thresholds), model.locale))}`));
    }
    list.append(li);
  }
  return list;
}

function render(model: Model | null): void {
  const root = document.getElementById('root')!;
  root.replaceChildren();
  const locale = model?.locale ?? 'zh';
  const w = WORDS[locale];
  if (!model) {
    root.append(el('p', w.noReport));
    return;
  }
  const { view } = model;
  const header = el('header');
  const title = el('h1', view.title ? `${view.title.text.replace(/\s+/g, ' ')}` : model.uri.split('/').pop() ?? '');
  if (view.title) revealing(title, view.title.range);
  header.append(title);
  const { error, warning } = view.counts;
  header.append(el('p', error || warning ? [error ? w.errors(error) : '', warning ? w.warnings(warning) : ''].filter(Boolean).join(' · ') : w.clean, error ? 'counts fail' : 'counts'));
  const parts = el('ul', undefined, 'parts');
  parts.setAttribute('aria-label', w.parts);
  for (const p of view.parts) {
    const problem = p.problem ? pick(p.problem, locale) : '';
    const li = el('li', `${!p.present ? '✗' : problem ? '⚠' : '✓'} ${pick(p.name, locale)}${problem ? `（${problem}）` : ''}`, !p.present ? 'absent' : problem ? 'misplaced' : 'present');
    parts.append(p.range ? revealing(li, p.range) : li);
  }
  header.append(parts);
  header.append(ratiosElement(model, w));
  root.append(header);
  for (const t of view.tables) root.append(tableElement(t, locale, w));
  if (view.missingTables.length) {
    root.append(el('p', pick(describeMissingTables(view.missingTables), locale), 'missing'));
  }
  vscode.setState(model);
}

window.addEventListener('message', (event: MessageEvent<{ type: string; model: Model | null }>) => {
  if (event.data?.type === 'model') render(event.data.model);
});
render((vscode.getState() as Model | undefined) ?? null);
vscode.postMessage({ type: 'ready' });
