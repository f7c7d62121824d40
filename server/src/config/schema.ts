/**
 * The JSON schema of `.govreport.json`, from the same lists the reader checks
 * against (the rule codes, the levels, the ratio keys), so that VS Code
 * completes and validates the file as GovReport reads it. Descriptions in
 * Chinese, then English: a schema has one description per key.
 */
import { CROSS_RULE_CODES, RULE_CODES, RULES } from '../analysis';
import { CORPUS_RULES } from '../analysis/corpus';
import { CONFIG_LOCALES, LEVELS, RATIO_KEYS } from './settings';

const both = (zh: string, en: string) => `${zh}\n\n${en}`;

const names = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };

export function configSchema(): Record<string, unknown> {
  const descriptions = new Map([...RULES, ...CORPUS_RULES].map((r) => [r.code, r.description]));
  const ratios: Record<(typeof RATIO_KEYS)[number], [string, string, number]> = {
    disclosureBelow: ['实质公开率低于此百分数时标出（默认 40）。', 'Mark a substantive disclosure rate below this percentage (default 40).', 40],
    correctionAbove: ['纠错率高于此百分数时标出（默认 15）。', 'Mark a correction rate above this percentage (default 15).', 15],
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'GovReport .govreport.json',
    description: both(
      'GovReport 的文件夹设置：本文件所在文件夹及其子文件夹中的报告按此检查（命令行与 VS Code 相同）。与 VS Code 设置都写了的项，以本文件为准。',
      "GovReport's folder settings: reports in this file's folder and below are checked by them (the command line and VS Code alike). Where VS Code's settings say otherwise, this file wins.",
    ),
    type: 'object',
    // VS Code's own extension: trailing commas are allowed here, as GovReport reads the file.
    allowTrailingCommas: true,
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: both('按规则代码关闭规则（off）或改变其严重程度。', 'Turn rules off or change their severity, by code.'),
        additionalProperties: false,
        properties: Object.fromEntries(
          [...RULE_CODES, ...CROSS_RULE_CODES].map((code) => {
            const d = descriptions.get(code);
            return [code, { enum: [...LEVELS], description: d ? both(d.zh, d.en) : code }];
          }),
        ),
      },
      locale: {
        enum: [...CONFIG_LOCALES],
        description: both('提示信息的语言；不写时按编辑器的显示语言或终端的 LANG。', "The language of the messages; when absent, the editor's display language or the terminal's LANG."),
      },
      ignores: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: both(
          '不检查的文件：相对本文件所在文件夹的 glob，如 "草稿/**"、"**/*.pdf"。不含 / 的模式匹配任意层的文件或文件夹名。',
          'Files not to check: globs relative to this file\'s folder, like "drafts/**" or "**/*.pdf". A pattern without / matches a file or folder name at any depth.',
        ),
      },
      bodies: {
        type: 'object',
        additionalProperties: names,
        description: both(
          '同一机关的其他名称：{"规范名称": ["其他名称", …]}，如县改区、机构更名，供跨报告规则把不同年份的报告当作同一机关。',
          'Other names of one body: {"canonical name": ["other name", …]}, say after a county became a district, so that the rules across reports take its years as one body\'s.',
        ),
      },
      ratios: {
        type: 'object',
        additionalProperties: false,
        description: both('审核比率的阈值（百分数）。', "The reviewer's ratio thresholds, in per cent."),
        properties: Object.fromEntries(Object.entries(ratios).map(([k, [zh, en, d]]) => [k, { type: 'number', minimum: 0, maximum: 100, default: d, description: both(zh, en) }])),
      },
      units: {
        type: 'object',
        additionalProperties: names,
        description: both(
          '汇总报告与其下级单位：{"汇总报告": ["下级单位", …]}，每项为相对本文件所在文件夹的路径或机关名称；汇总报告各表的每个数字应等于下级单位同年报告之和（规则 unit-sum）。',
          'Summary reports and their units: {"summary": ["unit", …]}, each a path relative to this file\'s folder or a body\'s name; every figure of the summary\'s tables should be the sum over its units\' reports of that year (rule unit-sum).',
        ),
      },
    },
  };
}
