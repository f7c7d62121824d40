/**
 * The six parts of the report, in order, with the wordings real reports use.
 */
import type { TableKind, Text2 } from './tables';

export type PartNumber = 1 | 2 | 3 | 4 | 5 | 6;

export interface PartDef {
  number: PartNumber;
  numeral: string;
  /** The standard heading without its numeral. */
  title: string;
  /** Other wordings seen in real reports (without numeral). */
  variants: string[];
  /** Words that identify the part in a heading worded some other way. */
  keywords: string[];
  name: Text2;
  /** The standard table this part must hold. */
  table?: TableKind;
  /** What the format says belongs here (hover). */
  note: Text2;
  subparts?: SubpartDef[];
}

export interface SubpartDef {
  numeral: string;
  /** The sub-heading's words as the format names the topic (the skeleton writes `（一）主动公开情况`). */
  title: string;
  /** Words a sub-heading of part 一 starts with (after its numbering). */
  keywords: string[];
  /** The topic as the format names it, for messages. */
  topic: Text2;
  /**
   * Wordings that name the topic anywhere in part 一, a sub-heading or a
   * sentence, compared after folding (spaces and line breaks dropped).
   */
  mentions: string[];
}

export const PARTS: PartDef[] = [
  {
    number: 1,
    numeral: '一',
    title: '总体情况',
    variants: ['总体情况概述', '基本情况'],
    keywords: ['总体情况', '概述'],
    name: { zh: '一、总体情况', en: '1. Overview' },
    note: {
      zh: '概述本年度政府信息公开工作，分主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面。',
      en: "An overview of the year's work: proactive disclosure, disclosure on application, information management, platforms, and oversight.",
    },
    subparts: [
      {
        numeral: '一',
        title: '主动公开',
        keywords: ['主动公开'],
        topic: { zh: '主动公开', en: 'proactive disclosure' },
        mentions: ['主动公开'],
      },
      {
        numeral: '二',
        title: '依申请公开',
        keywords: ['依申请公开', '依申请'],
        topic: { zh: '依申请公开', en: 'disclosure on application' },
        mentions: ['依申请', '申请公开', '公开申请'],
      },
      {
        numeral: '三',
        title: '政府信息管理',
        keywords: ['信息管理'],
        topic: { zh: '政府信息管理', en: 'information management' },
        mentions: ['信息管理', '信息的管理', '管理政府信息', '信息资源管理'],
      },
      {
        numeral: '四',
        title: '政府信息公开平台建设',
        keywords: ['平台建设', '平台载体', '平台'],
        topic: { zh: '政府信息公开平台建设', en: 'disclosure platforms' },
        mentions: ['平台建设', '公开平台', '平台载体', '载体建设', '公开载体', '网站建设'],
      },
      {
        numeral: '五',
        title: '监督保障',
        keywords: ['监督保障', '监督'],
        topic: { zh: '监督保障（工作考核、社会评议和责任追究）', en: 'oversight (evaluation, public review and accountability)' },
        mentions: ['监督保障', '保障监督', '监督和保障', '监督与保障', '监督检查', '接受监督', '考核', '社会评议', '责任追究', '问责'],
      },
    ],
  },
  {
    number: 2,
    numeral: '二',
    title: '主动公开政府信息情况',
    variants: [],
    keywords: ['主动公开'],
    name: { zh: '二、主动公开政府信息情况', en: '2. Information disclosed proactively' },
    table: 'active',
    note: {
      zh: '以表格列明《条例》第二十条第（一）（五）（六）（八）项信息的数量。',
      en: 'A table of the counts under Article 20, items (1), (5), (6) and (8) of the Regulations.',
    },
  },
  {
    number: 3,
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    variants: [],
    keywords: ['收到和处理', '处理政府信息公开申请', '依申请公开'],
    name: { zh: '三、收到和处理政府信息公开申请情况', en: '3. Applications received and handled' },
    table: 'application',
    note: {
      zh: '以表格列明申请的收到、办理结果和结转情况；每列中一 + 二 = 三 + 四。',
      en: 'A table of applications received, their outcomes and carry-over; in every column 1 + 2 = 3 + 4.',
    },
  },
  {
    number: 4,
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', '因政府信息公开申请行政复议、提起行政诉讼的情况'],
    keywords: ['复议', '诉讼'],
    name: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: '4. Reconsideration and lawsuits' },
    table: 'review',
    note: {
      zh: '以表格列明行政复议、行政诉讼（未经复议直接起诉、复议后起诉）的结果及总计。',
      en: 'A table of reconsideration and lawsuit results, each group with its total.',
    },
  },
  {
    number: 5,
    numeral: '五',
    title: '存在的主要问题及改进情况',
    variants: ['当前存在的主要问题及下步改进措施', '政府信息公开工作存在的主要问题及改进情况'],
    keywords: ['问题', '改进'],
    name: { zh: '五、存在的主要问题及改进情况', en: '5. Main problems and improvements' },
    note: {
      zh: '说明工作中存在的主要问题，以及上年问题的改进情况和下一步措施。',
      en: "The main problems, how last year's were addressed, and the next steps.",
    },
  },
  {
    number: 6,
    numeral: '六',
    title: '其他需要报告的事项',
    variants: ['其他需要报告事项', '其他事项'],
    keywords: ['其他需要报告', '其他事项', '需要报告'],
    name: { zh: '六、其他需要报告的事项', en: '6. Other matters to report' },
    note: {
      zh: '如信息处理费的收取情况、政务公开工作要点的落实情况等。',
      en: 'For example fees charged for processing applications, and how the year’s work plan was carried out.',
    },
  },
];

export const NUMERALS = '一二三四五六七八九十';

export function standardHeading(part: PartDef): string {
  return `${part.numeral}、${part.title}`;
}
