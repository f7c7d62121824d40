/**
 * The folder overview, inside the webview: the summary table the server
 * computed (one row per report), sortable and filterable by body and year, and
 * charts of the selection drawn with Chart.js (bundled here; a canvas, no eval,
 * nothing remote, so it runs under the page's strict CSP). Report text goes in
 * through textContent, never as HTML. A click on a report asks the extension to
 * open it at its first finding.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title, Tooltip, type ChartDataset } from 'chart.js';
import { isOutlier, isRatioKey, pick as pickIn, RATIO_KEYS, summaryCell, type SummaryRow, type Text2, thresholdText } from '../../../server/src/analysis/pages';
import type { SummaryResult } from '../../../server/src/protocol';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, Tooltip);

/** What the server answers `govreport/summary`, passed on by the extension. */
type Summary = SummaryResult;
type Row = Summary['rows'][number];

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; setState(s: unknown): void; getState(): unknown };
const vscode = acquireVsCodeApi();

const WORDS = {
  zh: {
    title: '报告总览',
    counts: (n: number, e: number, w: number) => `${n} 份报告 · ${e} 个错误 · ${w} 个警告`,
    allBodies: '全部机关',
    allYears: '全部年度',
    body: '机关',
    year: '年度',
    export: '导出汇总表（CSV）',
    none: '工作区中没有找到报告。',
    noMatch: '没有符合筛选条件的报告。',
    outcomes: '办理结果（每份报告）',
    perBody: (b: string) => `${b}：历年情况`,
    more: (n: number) => `另有 ${n} 个机关未画出；按机关筛选可查看。`,
    series: { disclosed: '予以公开', partly: '部分公开', withheld: '不予公开', unable: '无法提供', notProcessed: '不予处理', otherwise: '其他处理' },
    yearly: { received: '本年新收', carriedOut: '结转下年度', reconsideration: '行政复议', lawsuits: '行政诉讼' },
    open: '打开报告',
    noBody: '（未识别机关）',
    ratios: (limits: string) => `实质公开率与纠错率（%，红色为超出阈值：${limits}）`,
    rates: { disclosureRate: '实质公开率', correctionRate: '纠错率' },
    outlier: (limit: string) => `超出阈值：${limit}`,
  },
  en: {
    title: 'Reports overview',
    counts: (n: number, e: number, w: number) => `${n} reports · ${e} errors · ${w} warnings`,
    allBodies: 'All bodies',
    allYears: 'All years',
    body: 'Body',
    year: 'Year',
    export: 'Export summary (CSV)',
    none: 'No reports were found in the workspace.',
    noMatch: 'No report matches the filters.',
    outcomes: 'Outcomes, per report',
    perBody: (b: string) => `${b} over the years`,
    more: (n: number) => `${n} more bodies not drawn; filter by body to see them.`,
    series: { disclosed: 'Disclosed', partly: 'Partly disclosed', withheld: 'Not disclosed', unable: 'Cannot provide', notProcessed: 'Not processed', otherwise: 'Otherwise handled' },
    yearly: { received: 'Received', carriedOut: 'Carried over', reconsideration: 'Reconsideration', lawsuits: 'Lawsuits' },
    open: 'Open report',
    noBody: '(body not recognised)',
    ratios: (limits: string) => `Disclosure and correction rates (%, red beyond the thresholds: ${limits})`,
    rates: { disclosureRate: 'Substantive disclosure rate', correctionRate: 'Correction rate' },
    outlier: (limit: string) => `Beyond the threshold: ${limit}`,
  },
};

/** Bodies drawn one chart each; more would make the page unreadable. */
const MAX_BODY_CHARTS = 6;

interface State {
  body: string;
  year: string;
  sort: keyof SummaryRow;
  descending: boolean;
}

let summary: Summary | undefined;
let state: State = (vscode.getState() as State | undefined) ?? { body: '', year: '', sort: 'file', descending: false };
const charts: Chart[] = [];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** The theme's chart colours (VS Code defines them as CSS variables). */
function colour(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(`--vscode-charts-${name}`).trim() || fallback;
}

const bodyOf = (r: Row) => r.bodyKey ?? '';
const pick = (t: Text2) => pickIn(t, summary?.locale === 'en' ? 'en' : 'zh');

function selection(rows: Row[]): Row[] {
  return rows.filter((r) => (!state.body || bodyOf(r) === state.body) && (!state.year || String(r.year) === state.year));
}

function sorted(rows: Row[]): Row[] {
  const k = state.sort;
  const dir = state.descending ? -1 : 1;
  return rows.slice().sort((a, b) => {
    const x = a[k];
    const y = b[k];
    if (x === y) return a.file < b.file ? -1 : 1;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return (x < y ? -1 : 1) * dir;
  });
}

function setState(next: Partial<State>): void {
  state = { ...state, ...next };
  vscode.setState(state);
  render();
}

function select(label: string, id: string, options: [string, string][], value: string, onChange: (v: string) => void): HTMLLabelElement {
  const wrap = el('label', label);
  const s = el('select');
  s.id = id;
  for (const [v, text] of options) {
    const o = el('option', text);
    o.value = v;
    o.selected = v === value;
    s.append(o);
  }
  s.addEventListener('change', () => onChange(s.value));
  wrap.append(s);
  return wrap;
}

function table(rows: Row[], w: (typeof WORDS)['zh']): HTMLTableElement {
  const t = el('table', undefined, 'summary');
  const head = el('tr');
  for (const c of summary!.columns) {
    const th = el('th', c.name);
    th.tabIndex = 0;
    th.setAttribute('role', 'button');
    th.dataset.key = c.key;
    if (state.sort === c.key) th.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending');
    const toggle = () => setState({ sort: c.key, descending: state.sort === c.key ? !state.descending : false });
    th.addEventListener('click', toggle);
    th.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && toggle());
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  t.append(thead);
  const body = el('tbody');
  for (const r of sorted(rows)) {
    const tr = el('tr');
    if (r.errors) tr.className = 'has-errors';
    for (const c of summary!.columns) {
      const v = r[c.key];
      const td = el('td', summaryCell(r, c.key));
      if (typeof v === 'number' || v === null) td.className = 'num';
      if (isRatioKey(c.key) && isOutlier(c.key, r[c.key], summary!.thresholds)) {
        td.classList.add('outlier');
        td.title = w.outlier(pick(thresholdText(c.key, summary!.thresholds)));
        td.append(el('span', ' ⚠', 'mark'));
      }
      if (c.key === 'errors' && r.errors) td.className = 'num errors';
      if (c.key === 'warnings' && r.warnings) td.className = 'num warnings';
      if (c.key === 'body') {
        td.className = 'body';
        if (!v) td.textContent = w.noBody;
      }
      if (c.key === 'file') {
        td.className = 'file';
        td.tabIndex = 0;
        td.setAttribute('role', 'link');
        td.title = w.open;
        const open = () => vscode.postMessage({ type: 'open', uri: r.uri, range: r.first });
        td.addEventListener('click', open);
        td.addEventListener('keydown', (e) => e.key === 'Enter' && open());
      }
      tr.append(td);
    }
    body.append(tr);
  }
  t.append(body);
  return t;
}

/** A label cut to `max` characters, for an axis (the tooltip shows it whole). */
function short(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/**
 * A bar chart. `perCategory`: one bar per report, of which there may be many
 * with long names: the bars run sideways, a row each, so every name reads
 * level and the chart grows with them (Chart.js thins the names when rows get
 * too thin to hold one each); otherwise the categories are few (years) and
 * stand along the bottom.
 */
function chart(parent: HTMLElement, title: string, labels: string[], datasets: ChartDataset<'bar'>[], stacked: boolean, perCategory = false): void {
  const box = el('div', undefined, 'chart');
  if (perCategory) box.style.height = `${Math.min(1200, Math.max(300, 90 + 22 * labels.length))}px`;
  const canvas = el('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', title);
  box.append(canvas);
  parent.append(box);
  const fg = getComputedStyle(document.body).getPropertyValue('--vscode-foreground').trim() || '#ccc';
  const grid = getComputedStyle(document.body).getPropertyValue('--vscode-editorWidget-border').trim() || 'rgba(128,128,128,0.3)';
  const category = {
    stacked,
    grid: { color: grid },
    ticks: { color: fg, autoSkip: true, maxRotation: 0, callback: (_: unknown, i: number) => short(labels[i] ?? '', 24) },
  };
  const values = { stacked, beginAtZero: true, ticks: { color: fg, precision: 0 }, grid: { color: grid } };
  charts.push(
    new Chart(canvas, {
      type: 'bar',
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        color: fg,
        indexAxis: perCategory ? 'y' : 'x',
        plugins: { title: { display: true, text: short(title, 60), color: fg }, legend: { labels: { color: fg } } },
        scales: perCategory ? { x: values, y: category } : { x: category, y: values },
      },
    }),
  );
}

function drawCharts(parent: HTMLElement, rows: Row[], w: (typeof WORDS)['zh']): void {
  const palette = [colour('blue', '#3794ff'), colour('green', '#89d185'), colour('yellow', '#cca700'), colour('orange', '#d18616'), colour('red', '#f14c4c'), colour('purple', '#b180d7')];
  const ordered = rows.slice().sort((a, b) => (bodyOf(a) + (a.year ?? '') < bodyOf(b) + (b.year ?? '') ? -1 : 1));
  const plain = (r: Row) => `${r.body ?? ''} ${r.year ?? ''}`.trim();
  const seen = new Map<string, number>();
  for (const r of ordered) seen.set(plain(r), (seen.get(plain(r)) ?? 0) + 1);
  // Two reports of one body and year (or none named) are told apart by their file.
  const label = (r: Row) => (plain(r) && seen.get(plain(r)) === 1 ? plain(r) : `${plain(r)} ${r.file.split('/').pop()}`.trim());
  const keys = Object.keys(w.series) as (keyof typeof w.series)[];
  chart(
    parent,
    w.outcomes,
    ordered.map(label),
    keys.map((k, i) => ({ label: w.series[k], data: ordered.map((r) => r[k] ?? 0), backgroundColor: palette[i] })),
    true,
    true,
  );
  // The ratios, each bar beyond its threshold drawn in the error colour.
  const limits = RATIO_KEYS.map((k) => pick(thresholdText(k, summary!.thresholds))).join(' / ');
  chart(
    parent,
    w.ratios(limits),
    ordered.map(label),
    RATIO_KEYS.map((k, i) => ({
      label: w.rates[k],
      // An empty ratio (divisor 0, table not read) is no bar, not a bar of 0.
      data: ordered.map((r) => r[k]),
      backgroundColor: ordered.map((r) => (isOutlier(k, r[k], summary!.thresholds) ? palette[4] : palette[i === 0 ? 1 : 0])),
    })),
    false,
    true,
  );
  const bodies = new Map<string, Row[]>();
  for (const r of ordered) {
    if (!r.bodyKey || r.year === null) continue;
    const list = bodies.get(r.bodyKey) ?? [];
    list.push(r);
    bodies.set(r.bodyKey, list);
  }
  let drawn = 0;
  for (const [, list] of bodies) {
    if (drawn === MAX_BODY_CHARTS) break;
    drawn++;
    const name = list.reduce((a, r) => ((r.body ?? '').length > a.length ? (r.body ?? '') : a), '');
    const y = w.yearly;
    chart(
      parent,
      w.perBody(name),
      list.map((r) => String(r.year)),
      [
        { label: y.received, data: list.map((r) => r.received ?? 0), backgroundColor: palette[0] },
        { label: y.carriedOut, data: list.map((r) => r.carriedOut ?? 0), backgroundColor: palette[2] },
        { label: y.reconsideration, data: list.map((r) => r.reconsideration ?? 0), backgroundColor: palette[3] },
        { label: y.lawsuits, data: list.map((r) => (r.lawsuitsDirect ?? 0) + (r.lawsuitsAfter ?? 0)), backgroundColor: palette[4] },
      ],
      false,
    );
  }
  if (bodies.size > drawn) parent.append(el('p', w.more(bodies.size - drawn), 'note'));
}

function render(): void {
  const root = document.getElementById('root')!;
  for (const c of charts.splice(0)) c.destroy();
  root.replaceChildren();
  if (!summary) return;
  const w = WORDS[summary.locale];
  const rows = summary.rows;
  root.append(el('h1', w.title));
  if (!rows.length) {
    root.append(el('p', w.none, 'note'));
    return;
  }
  const chosen = selection(rows);
  const errors = chosen.reduce((n, r) => n + r.errors, 0);
  const warnings = chosen.reduce((n, r) => n + r.warnings, 0);
  root.append(el('p', w.counts(chosen.length, errors, warnings), errors ? 'counts fail' : 'counts'));

  const bodies = new Map<string, string>();
  for (const r of rows) if (r.bodyKey && (r.body ?? '').length > (bodies.get(r.bodyKey) ?? '').length) bodies.set(r.bodyKey, r.body ?? r.bodyKey);
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort();
  const bar = el('div', undefined, 'filters');
  bar.append(
    select(w.body, 'filter-body', [['', w.allBodies], ...[...bodies].sort((a, b) => (a[1] < b[1] ? -1 : 1))], state.body, (v) => setState({ body: v })),
    select(w.year, 'filter-year', [['', w.allYears], ...years.map((y): [string, string] => [String(y), String(y)])], state.year, (v) => setState({ year: v })),
  );
  const exportButton = el('button', w.export);
  exportButton.id = 'export';
  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  bar.append(exportButton);
  root.append(bar);
  if (!chosen.length) {
    root.append(el('p', w.noMatch, 'note'));
    return;
  }
  const scroll = el('div', undefined, 'table-scroll');
  scroll.append(table(chosen, w));
  root.append(scroll);
  const chartsBox = el('section', undefined, 'charts');
  root.append(chartsBox);
  drawCharts(chartsBox, chosen, w);
}

window.addEventListener('message', (e: MessageEvent<{ type: string; summary?: Summary }>) => {
  if (e.data.type === 'summary' && e.data.summary) {
    summary = e.data.summary;
    render();
  }
});
vscode.postMessage({ type: 'ready' });
