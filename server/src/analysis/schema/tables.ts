/**
 * The three standard tables of the report, in the 2021 format (国办公开办函〔2021〕30号)
 * and the 2019 trial format, as data. The reader, the rules, hover, snippets and
 * the totals preview all read this one description.
 */
import type { ValueKind } from '../text/numbers';

export type TableKind = 'active' | 'application' | 'review';
export type Format = '2021' | '2019';

/** A text in both languages the product speaks. */
export interface Text2 {
  zh: string;
  en: string;
}

export interface ColumnDef {
  id: string;
  /** The header as the format prints it. */
  label: string;
  /** Printed forms seen in real reports besides `label`. */
  aliases?: string[];
  name: Text2;
  kind: ValueKind;
  /** The spanning header above this column, if any. */
  group?: Text2;
}

export interface RowDef {
  id: string;
  /** The row's own label as the format prints it. */
  label: string;
  aliases?: string[];
  /** The merged label cells printed to its left, outermost first. */
  groups?: string[];
  name: Text2;
  /** What the format says belongs in this row (hover). */
  note?: Text2;
}

export interface BlockDef {
  id: string;
  /** Block caption row as the format prints it, e.g. 第二十条第（一）项. */
  caption?: string;
  /** The caption in both languages (what the preview and `totals` show). */
  captionName?: Text2;
  columns: ColumnDef[];
  rows: RowDef[];
}

export interface CellRef {
  row: string;
  col: string;
}

export type ArithmeticCode = 'application-balance' | 'subtotal' | 'row-total' | 'review-total';

/** One equation of the format: the cells of `left` add up to those of `right`. */
export interface SumDef {
  rule: ArithmeticCode;
  left: CellRef[];
  right: CellRef[];
  /** The column or row or group the equation runs along. */
  along: Text2;
  /** Names of the two sides, for messages and the preview. */
  leftName: Text2;
  rightName: Text2;
}

export interface TableDef {
  kind: TableKind;
  format: Format;
  part: 2 | 3 | 4;
  name: Text2;
  /** The caption the format prints above the table, if any. */
  caption?: string;
  blocks: BlockDef[];
  sums: SumDef[];
}

// ---------------------------------------------------------------------------
// Table 1, part 二: 主动公开政府信息情况

const ARTICLE = (item: string): string => `第二十条第（${item}）项`;
const NUMBER = { 一: 1, 五: 5, 六: 6, 八: 8, 九: 9 } as const;
/** A block's caption: the item of Article 20 of the Regulations its figures answer. */
const caption = (item: keyof typeof NUMBER): Pick<BlockDef, 'caption' | 'captionName'> => ({
  caption: ARTICLE(item),
  captionName: { zh: ARTICLE(item), en: `Article 20, item (${NUMBER[item]})` },
});

const active2021: BlockDef[] = [
  {
    id: '20.1',
    ...caption('一'),
    columns: [
      { id: 'issued', label: '本年制发件数', name: { zh: '本年制发件数', en: 'issued this year' }, kind: 'count' },
      { id: 'repealed', label: '本年废止件数', name: { zh: '本年废止件数', en: 'repealed this year' }, kind: 'count' },
      { id: 'inForce', label: '现行有效件数', name: { zh: '现行有效件数', en: 'in force' }, kind: 'count' },
    ],
    rows: [
      { id: 'rules', label: '规章', name: { zh: '规章', en: 'Rules' } },
      { id: 'normative', label: '行政规范性文件', aliases: ['规范性文件'], name: { zh: '行政规范性文件', en: 'Normative documents' } },
    ],
  },
  {
    id: '20.5',
    ...caption('五'),
    columns: [{ id: 'decisions', label: '本年处理决定数量', name: { zh: '本年处理决定数量', en: 'decisions this year' }, kind: 'count' }],
    rows: [{ id: 'licensing', label: '行政许可', name: { zh: '行政许可', en: 'Administrative licensing' } }],
  },
  {
    id: '20.6',
    ...caption('六'),
    columns: [{ id: 'decisions', label: '本年处理决定数量', name: { zh: '本年处理决定数量', en: 'decisions this year' }, kind: 'count' }],
    rows: [
      { id: 'penalty', label: '行政处罚', name: { zh: '行政处罚', en: 'Administrative penalties' } },
      { id: 'coercion', label: '行政强制', name: { zh: '行政强制', en: 'Administrative coercion' } },
    ],
  },
  {
    id: '20.8',
    ...caption('八'),
    columns: [
      {
        id: 'fees',
        label: '本年收费金额（单位：万元）',
        aliases: ['本年收费金额'],
        name: { zh: '本年收费金额（万元）', en: 'fees this year (10,000 yuan)' },
        kind: 'amount',
      },
    ],
    rows: [{ id: 'fees', label: '行政事业性收费', name: { zh: '行政事业性收费', en: 'Administrative fees' } }],
  },
];

const PREVIOUS_COUNT: ColumnDef = { id: 'lastYear', label: '上一年项目数量', name: { zh: '上一年项目数量', en: 'items last year' }, kind: 'count' };
const CHANGE: ColumnDef = { id: 'change', label: '本年增/减', aliases: ['本年增减'], name: { zh: '本年增/减', en: 'change this year' }, kind: 'signed' };
const DECISIONS_2019: ColumnDef = { id: 'decisions', label: '处理决定数量', name: { zh: '处理决定数量', en: 'decisions' }, kind: 'count' };

const active2019: BlockDef[] = [
  {
    id: '20.1',
    ...caption('一'),
    columns: [
      { id: 'made', label: '本年新制作数量', name: { zh: '本年新制作数量', en: 'made this year' }, kind: 'count' },
      { id: 'published', label: '本年新公开数量', name: { zh: '本年新公开数量', en: 'published this year' }, kind: 'count' },
      { id: 'total', label: '对外公开总数量', name: { zh: '对外公开总数量', en: 'published in all' }, kind: 'count' },
    ],
    rows: [
      { id: 'rules', label: '规章', name: { zh: '规章', en: 'Rules' } },
      { id: 'normative', label: '规范性文件', aliases: ['行政规范性文件'], name: { zh: '规范性文件', en: 'Normative documents' } },
    ],
  },
  {
    id: '20.5',
    ...caption('五'),
    columns: [PREVIOUS_COUNT, CHANGE, DECISIONS_2019],
    rows: [
      { id: 'licensing', label: '行政许可', name: { zh: '行政许可', en: 'Administrative licensing' } },
      { id: 'otherServices', label: '其他对外管理服务事项', name: { zh: '其他对外管理服务事项', en: 'Other public management services' } },
    ],
  },
  {
    id: '20.6',
    ...caption('六'),
    columns: [PREVIOUS_COUNT, CHANGE, DECISIONS_2019],
    rows: [
      { id: 'penalty', label: '行政处罚', name: { zh: '行政处罚', en: 'Administrative penalties' } },
      { id: 'coercion', label: '行政强制', name: { zh: '行政强制', en: 'Administrative coercion' } },
    ],
  },
  {
    id: '20.8',
    ...caption('八'),
    columns: [PREVIOUS_COUNT, CHANGE],
    rows: [{ id: 'fees', label: '行政事业性收费', name: { zh: '行政事业性收费', en: 'Administrative fees' } }],
  },
  {
    id: '20.9',
    ...caption('九'),
    columns: [
      { id: 'projects', label: '采购项目数量', name: { zh: '采购项目数量', en: 'procurement projects' }, kind: 'count' },
      { id: 'amount', label: '采购总金额', name: { zh: '采购总金额', en: 'procurement amount' }, kind: 'amount' },
    ],
    rows: [{ id: 'procurement', label: '政府集中采购', name: { zh: '政府集中采购', en: 'Centralised procurement' } }],
  },
];

// ---------------------------------------------------------------------------
// Table 2, part 三: 收到和处理政府信息公开申请情况

const ORGANISATIONS: Text2 = { zh: '法人或其他组织', en: 'Legal persons or other organisations' };

const APPLICANTS: ColumnDef[] = [
  { id: 'natural', label: '自然人', name: { zh: '自然人', en: 'Natural persons' }, kind: 'count' },
  { id: 'business', label: '商业企业', name: { zh: '商业企业', en: 'Businesses' }, kind: 'count', group: ORGANISATIONS },
  { id: 'research', label: '科研机构', name: { zh: '科研机构', en: 'Research institutions' }, kind: 'count', group: ORGANISATIONS },
  { id: 'nonprofit', label: '社会公益组织', name: { zh: '社会公益组织', en: 'Non-profit organisations' }, kind: 'count', group: ORGANISATIONS },
  { id: 'legal', label: '法律服务机构', name: { zh: '法律服务机构', en: 'Legal service providers' }, kind: 'count', group: ORGANISATIONS },
  { id: 'other', label: '其他', name: { zh: '其他组织', en: 'Other organisations' }, kind: 'count', group: ORGANISATIONS },
];
const APPLICATION_COLUMNS: ColumnDef[] = [
  ...APPLICANTS,
  { id: 'total', label: '总计', name: { zh: '总计', en: 'Total' }, kind: 'count' },
];

const OUTCOMES = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHERWISE = '（六）其他处理';

/** The merged label cells over groups of rows, by their printed label, in both languages. */
const GROUP_NAMES: Record<string, Text2> = {
  [OUTCOMES]: { zh: OUTCOMES, en: '3. Outcomes this year' },
  [WITHHELD]: { zh: WITHHELD, en: '(3) Not disclosed' },
  [UNABLE]: { zh: UNABLE, en: '(4) Cannot provide' },
  [NOT_PROCESSED]: { zh: NOT_PROCESSED, en: '(5) Not processed' },
  [OTHERWISE]: { zh: OTHERWISE, en: '(6) Otherwise handled' },
};

/** A group label's name in both languages. */
export function groupName(label: string): Text2 {
  return GROUP_NAMES[label] ?? { zh: label, en: label };
}

const item = (id: string, groups: string[], label: string, zh: string, en: string): RowDef => ({
  id,
  label,
  groups,
  name: { zh, en },
});

const rowsBefore: RowDef[] = [
  {
    id: '1',
    label: '一、本年新收政府信息公开申请数量',
    name: { zh: '一、本年新收', en: '1. New this year' },
    note: { zh: '本年度新收到的政府信息公开申请数。', en: 'Applications received during the year.' },
  },
  {
    id: '2',
    label: '二、上年结转政府信息公开申请数量',
    name: { zh: '二、上年结转', en: '2. Carried over from last year' },
    note: { zh: '上一年度结转到本年度继续办理的申请数，应与上年报告的“四、结转下年度继续办理”一致。', en: "Applications carried over from last year; should equal last year's row 4." },
  },
  item('3.1', [OUTCOMES], '（一）予以公开', '（一）予以公开', '(1) Disclosed'),
  {
    ...item('3.2', [OUTCOMES], '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开', '(2) Partly disclosed'),
    aliases: ['（二）部分公开'],
    note: { zh: '区分处理的，只计这一情形，不计其他情形。', en: 'An application handled in parts counts here only, not under any other outcome.' },
  },
  item('3.3.1', [OUTCOMES, WITHHELD], '1.属于国家秘密', '（三）1.属于国家秘密', '(3) Not disclosed: 1. state secret'),
  item('3.3.2', [OUTCOMES, WITHHELD], '2.其他法律行政法规禁止公开', '（三）2.其他法律行政法规禁止公开', '(3) Not disclosed: 2. prohibited by other laws'),
  item('3.3.3', [OUTCOMES, WITHHELD], '3.危及“三安全一稳定”', '（三）3.危及“三安全一稳定”', '(3) Not disclosed: 3. endangers security or stability'),
  item('3.3.4', [OUTCOMES, WITHHELD], '4.保护第三方合法权益', '（三）4.保护第三方合法权益', "(3) Not disclosed: 4. third parties' rights"),
  item('3.3.5', [OUTCOMES, WITHHELD], '5.属于三类内部事务信息', '（三）5.属于三类内部事务信息', '(3) Not disclosed: 5. internal affairs'),
  item('3.3.6', [OUTCOMES, WITHHELD], '6.属于四类过程性信息', '（三）6.属于四类过程性信息', '(3) Not disclosed: 6. process information'),
  item('3.3.7', [OUTCOMES, WITHHELD], '7.属于行政执法案卷', '（三）7.属于行政执法案卷', '(3) Not disclosed: 7. enforcement files'),
  item('3.3.8', [OUTCOMES, WITHHELD], '8.属于行政查询事项', '（三）8.属于行政查询事项', '(3) Not disclosed: 8. administrative inquiries'),
  item('3.4.1', [OUTCOMES, UNABLE], '1.本机关不掌握相关政府信息', '（四）1.本机关不掌握相关政府信息', '(4) Cannot provide: 1. not held'),
  item('3.4.2', [OUTCOMES, UNABLE], '2.没有现成信息需要另行制作', '（四）2.没有现成信息需要另行制作', '(4) Cannot provide: 2. would have to be created'),
  item('3.4.3', [OUTCOMES, UNABLE], '3.补正后申请内容仍不明确', '（四）3.补正后申请内容仍不明确', '(4) Cannot provide: 3. unclear after correction'),
  item('3.5.1', [OUTCOMES, NOT_PROCESSED], '1.信访举报投诉类申请', '（五）1.信访举报投诉类申请', '(5) Not processed: 1. petitions and complaints'),
  item('3.5.2', [OUTCOMES, NOT_PROCESSED], '2.重复申请', '（五）2.重复申请', '(5) Not processed: 2. repeated applications'),
  item('3.5.3', [OUTCOMES, NOT_PROCESSED], '3.要求提供公开出版物', '（五）3.要求提供公开出版物', '(5) Not processed: 3. published material'),
  item('3.5.4', [OUTCOMES, NOT_PROCESSED], '4.无正当理由大量反复申请', '（五）4.无正当理由大量反复申请', '(5) Not processed: 4. massive repeated applications'),
  item('3.5.5', [OUTCOMES, NOT_PROCESSED], '5.要求行政机关确认或重新出具已获取信息', '（五）5.要求行政机关确认或重新出具已获取信息', '(5) Not processed: 5. confirm or reissue information'),
];

const otherItems2021: RowDef[] = [
  item('3.6.1', [OUTCOMES, OTHERWISE], '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '（六）1.逾期不补正', '(6) Otherwise handled: 1. not corrected in time'),
  item('3.6.2', [OUTCOMES, OTHERWISE], '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '（六）2.逾期未缴纳费用', '(6) Otherwise handled: 2. fee not paid in time'),
  item('3.6.3', [OUTCOMES, OTHERWISE], '3.其他', '（六）3.其他', '(6) Otherwise handled: 3. other'),
];
const otherRow2019: RowDef[] = [item('3.6', [OUTCOMES], OTHERWISE, OTHERWISE, '(6) Otherwise handled')];

const rowsAfter: RowDef[] = [
  {
    ...item('3.7', [OUTCOMES], '（七）总计', '（七）总计', '(7) Total'),
    note: { zh: '等于（一）至（六）各项之和。', en: 'Equals the sum of items (1) to (6).' },
  },
  {
    id: '4',
    label: '四、结转下年度继续办理',
    name: { zh: '四、结转下年度', en: '4. Carried over to next year' },
    note: { zh: '一 + 二 − （七）总计：年末仍在办理的申请。', en: '1 + 2 − (7): applications still open at year end.' },
  },
];

const OUTCOME_LEAVES = (other: RowDef[]): string[] =>
  [...rowsBefore.slice(2), ...other].map((r) => r.id);

const APPLICATION_CAPTION = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function applicationTable(format: Format, other: RowDef[]): TableDef {
  const rows = [...rowsBefore, ...other, ...rowsAfter];
  const leaves = OUTCOME_LEAVES(other);
  const sums: SumDef[] = [];
  for (const col of APPLICATION_COLUMNS) {
    const along = { zh: `「${col.name.zh}」列`, en: `column "${col.name.en}"` };
    sums.push({
      rule: 'application-balance',
      left: [{ row: '1', col: col.id }, { row: '2', col: col.id }],
      right: [{ row: '3.7', col: col.id }, { row: '4', col: col.id }],
      along,
      leftName: { zh: '一 + 二', en: '1 + 2' },
      rightName: { zh: '（七）总计 + 四', en: '(7) Total + 4' },
    });
    sums.push({
      rule: 'subtotal',
      left: [{ row: '3.7', col: col.id }],
      right: leaves.map((row) => ({ row, col: col.id })),
      along,
      leftName: { zh: '（七）总计', en: '(7) Total' },
      rightName: { zh: '（一）至（六）各项之和', en: 'the sum of items (1) to (6)' },
    });
  }
  for (const row of rows) {
    sums.push({
      rule: 'row-total',
      left: [{ row: row.id, col: 'total' }],
      right: APPLICANTS.map((c) => ({ row: row.id, col: c.id })),
      along: { zh: `「${row.name.zh}」行`, en: `row "${row.name.en}"` },
      leftName: { zh: '总计', en: 'Total' },
      rightName: { zh: '各类申请人之和', en: 'the sum of the six applicant columns' },
    });
  }
  return {
    kind: 'application',
    format,
    part: 3,
    name: { zh: '收到和处理政府信息公开申请情况', en: 'Applications received and handled' },
    caption: APPLICATION_CAPTION,
    blocks: [{ id: 'applications', columns: APPLICATION_COLUMNS, rows }],
    sums,
  };
}

// ---------------------------------------------------------------------------
// Table 3, part 四: 政府信息公开行政复议、行政诉讼情况

const REVIEW_GROUPS: { id: string; name: Text2 }[] = [
  { id: 'review', name: { zh: '行政复议', en: 'Administrative reconsideration' } },
  { id: 'direct', name: { zh: '行政诉讼（未经复议直接起诉）', en: 'Lawsuits without prior reconsideration' } },
  { id: 'after', name: { zh: '行政诉讼（复议后起诉）', en: 'Lawsuits after reconsideration' } },
];
const RESULTS: { id: string; label: string; en: string }[] = [
  { id: 'upheld', label: '结果维持', en: 'upheld' },
  { id: 'corrected', label: '结果纠正', en: 'corrected' },
  { id: 'other', label: '其他结果', en: 'other result' },
  { id: 'pending', label: '尚未审结', en: 'pending' },
  { id: 'total', label: '总计', en: 'total' },
];
const REVIEW_COLUMNS: ColumnDef[] = REVIEW_GROUPS.flatMap((g) =>
  RESULTS.map((r) => ({
    id: `${g.id}.${r.id}`,
    label: r.label,
    name: { zh: `${g.name.zh}${r.label}`, en: `${g.name.en}: ${r.en}` },
    kind: 'count' as const,
    group: g.name,
  })),
);

function reviewTable(format: Format): TableDef {
  return {
    kind: 'review',
    format,
    part: 4,
    name: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Reconsideration and lawsuits' },
    blocks: [{ id: 'review', columns: REVIEW_COLUMNS, rows: [{ id: 'counts', label: '', name: { zh: '复议和诉讼数字', en: 'Reconsideration and lawsuit counts' } }] }],
    sums: REVIEW_GROUPS.map((g) => ({
      rule: 'review-total' as const,
      left: [{ row: 'counts', col: `${g.id}.total` }],
      right: RESULTS.slice(0, 4).map((r) => ({ row: 'counts', col: `${g.id}.${r.id}` })),
      along: g.name,
      leftName: { zh: '总计', en: 'Total' },
      rightName: { zh: '维持、纠正、其他、尚未审结之和', en: 'upheld + corrected + other + pending' },
    })),
  };
}

function activeTable(format: Format, blocks: BlockDef[]): TableDef {
  return {
    kind: 'active',
    format,
    part: 2,
    name: { zh: '主动公开政府信息情况', en: 'Information disclosed proactively' },
    blocks,
    sums: [],
  };
}

export const TABLES: Record<Format, Record<TableKind, TableDef>> = {
  '2021': {
    active: activeTable('2021', active2021),
    application: applicationTable('2021', otherItems2021),
    review: reviewTable('2021'),
  },
  '2019': {
    active: activeTable('2019', active2019),
    application: applicationTable('2019', otherRow2019),
    review: reviewTable('2019'),
  },
};

export const TABLE_KINDS: TableKind[] = ['active', 'application', 'review'];

export function tableDef(kind: TableKind, format: Format): TableDef {
  return TABLES[format][kind];
}

/** Every row of a table, across its blocks, in order. */
export function allRows(def: TableDef): { block: BlockDef; row: RowDef }[] {
  return def.blocks.flatMap((block) => block.rows.map((row) => ({ block, row })));
}

/** The most value columns any block of the table has (both formats alike). */
export function valueColumns(kind: TableKind): number {
  return Math.max(...TABLES['2021'][kind].blocks.map((b) => b.columns.length));
}

export function cellKey(ref: CellRef): string {
  return `${ref.row}|${ref.col}`;
}
