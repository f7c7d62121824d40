/**
 * What `govreport init` writes: a `.govreport.json` that changes nothing yet,
 * every setting named with its default and a comment on what it does. The
 * rules and the ratios are commented out: written in, they would speak for
 * the folder and override each person's own editor settings.
 */
import { CROSS_RULE_CODES, type Locale, RULE_CODES, RULES } from '../analysis';
import { CORPUS_RULES } from '../analysis/corpus';

export function configTemplate(locale: Locale): string {
  const zh = locale === 'zh';
  const severity = new Map([...RULES, ...CORPUS_RULES].map((r) => [r.code as string, r.severity]));
  const codes = [...RULE_CODES, ...CROSS_RULE_CODES];
  const width = Math.max(...codes.map((c) => c.length));
  const rules = codes.map((code, i) => `    // ${`"${code}":`.padEnd(width + 3)} "${severity.get(code)}"${i < codes.length - 1 ? ',' : ''}`);
  const c = (zhText: string, enText: string) => `  // ${zh ? zhText : enText}`;
  return [
    zh
      ? '// GovReport 的文件夹设置（JSON，可写注释）。本文件夹及其子文件夹中的报告按此检查，'
      : "// GovReport's folder settings (JSON with comments). Reports in this folder and below are checked by them,",
    zh ? '// 命令行（govreport check、summary）与 VS Code 相同；与 VS Code 设置都写了的项，以本文件为准。' : '// on the command line (govreport check, summary) and in VS Code alike; where VS Code settings say otherwise, this file wins.',
    '{',
    c('规则的严重程度：off（关闭）、error、warning、info、hint。去掉行首的 // 即生效；所示为默认值。', 'Rule severities: off, error, warning, info or hint. Remove the // to apply one; the defaults are shown.'),
    '  "rules": {',
    ...rules,
    '  },',
    c('提示信息的语言：zh-CN 或 en；不写时按编辑器的显示语言或终端的 LANG。', "The language of the messages: zh-CN or en; when absent, the editor's display language or the terminal's LANG."),
    `  // "locale": "${zh ? 'zh-CN' : 'en'}",`,
    c('不检查的文件：相对本文件夹的 glob，如 "草稿/**"、"**/*.pdf"；不含 / 的模式匹配任意层的文件或文件夹名。', 'Files not to check: globs relative to this folder, like "drafts/**" or "**/*.pdf"; a pattern without / matches a file or folder name at any depth.'),
    '  "ignores": [],',
    c('同一机关的其他名称，如县改区、机构更名：{"洪泽区人民政府": ["洪泽县人民政府"]}。', 'Other names of one body, say after a county became a district: {"洪泽区人民政府": ["洪泽县人民政府"]}.'),
    '  "bodies": {},',
    c('审核比率的阈值（百分数）：实质公开率低于、纠错率高于此值时在总览与汇总表中标出。', 'The ratio thresholds, in per cent: a substantive disclosure rate below, a correction rate above, is marked in the overview and the summary.'),
    '  // "ratios": { "disclosureBelow": 40, "correctionAbove": 15 },',
    c('汇总报告与其下级单位（路径或机关名称）：{"某某市2024年报.docx": ["市教育局2024.html", "市公安局2024.pdf"]}；', 'Summary reports and their units (paths or body names): {"city-2024.docx": ["education-2024.html", "police-2024.pdf"]};'),
    c('汇总报告各表的每个数字应等于下级单位同年报告之和（规则 unit-sum）。', "every figure of a summary's tables should be the sum over its units' reports of that year (rule unit-sum)."),
    '  "units": {}',
    '}',
    '',
  ].join('\n');
}
