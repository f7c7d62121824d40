/**
 * What the editor says besides the findings and the tables: the language
 * server's lines, titles and progress, Chinese first, English a complete
 * translation. The server picks from them; it words nothing itself.
 */
import type { Text2 } from '../schema/tables';

export const EDITOR_WORDS = {
  /** Stands for the findings left out so as not to flood the editor. */
  overflow: (count: number): Text2 => ({
    zh: `另有 ${count} 个问题未显示；用 \`govreport check\` 检查此文件可查看全部`,
    en: `${count} more problems are not shown; run \`govreport check\` on the file for all of them`,
  }),
  /** Said when the report could not be read at all (the cause is in the log). */
  internalError: { zh: 'GovReport 无法检查此报告（内部错误，详见 GovReport 输出面板）', en: 'GovReport could not check this report (an internal error, recorded in the GovReport output)' },
  /** ` (表二 第 27 行 第 4 列)`: a finding's place in the source its report was read from, after its message. */
  placeSuffix: (where: string): Text2 => ({ zh: `（${where}）`, en: ` (${where})` }),
  /** Under a hover in a report read from a source: where the cell stands there. */
  sourcePlace: (where: string): Text2 => ({ zh: `原文位置：${where}`, en: `In the source: ${where}` }),
  /** The skeleton's completion entry. */
  skeleton: (year: number): Text2 => ({ zh: `${year} 年政府信息公开工作年度报告：标题、六个部分与三张标准表`, en: `${year} annual report: title, six parts, three standard tables` }),
  fixAll: { zh: '修复所有可自动修复的问题', en: 'Fix all auto-fixable report problems' },
  accept: { zh: '接受此问题', en: 'Accept this finding' },
  acceptCode: (code: string): Text2 => ({ zh: `接受此问题（${code}）`, en: `Accept this finding (${code})` }),
  /** An error said in a message box, named as GovReport's. */
  fromGovReport: (message: Text2): Text2 => ({ zh: `GovReport: ${message.zh}`, en: `GovReport: ${message.en}` }),
  reviewing: { zh: 'GovReport：检查工作区中的报告', en: 'GovReport: reviewing the workspace' },
  reports: (total: number): Text2 => ({ zh: `共 ${total} 份报告`, en: `${total} reports` }),
  notSource: { zh: '不是 .docx、网页或 PDF 文件', en: 'not a .docx, web page or PDF' },
  cannotRead: { zh: '无法读取', en: 'cannot be read' },
} satisfies Record<string, Text2 | ((...args: never[]) => Text2)>;
