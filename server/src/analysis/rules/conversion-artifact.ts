/** Text left by a converter, such as [bookmark: _GoBack]. */
import type { Artifact } from '../read/artifacts';
import type { Text2 } from '../schema/tables';
import { replaceFix } from './fixes';
import type { Rule } from './rule';

function describe(a: Artifact): Text2 {
  switch (a.kind) {
    case 'bookmark':
      return { zh: `文档转换遗留的书签标记「${a.text}」，应删除`, en: `A bookmark marker "${a.text}" left by a document converter; remove it` };
    case 'replacement':
      return { zh: '乱码字符「�」：文字转换或解码失败留下的', en: 'Replacement characters "�" left by a failed conversion or decoding' };
    case 'invented-header':
      return { zh: `转换工具虚构的表头行「${a.text}」，不是报告的内容，应删除`, en: `A header row invented by a converter ("${a.text}"), not part of the report; remove it` };
    case 'lone-marker':
      return { zh: `转换工具留下的「${a.text}」，应删除`, en: `"${a.text}" left by a converter; remove it` };
    case 'inserted-heading':
      return { zh: `转换工具插入的标题「${a.text}」，不是报告的内容，应删除`, en: `A heading inserted by a converter ("${a.text}"), not part of the report; remove it` };
    case 'invisible': {
      const code = `U+${a.text.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      return { zh: `不可见字符 ${code}（控制字符或零宽字符），应删除`, en: `An invisible character ${code} (a control or zero-width character); remove it` };
    }
  }
}

export const conversionArtifact: Rule = {
  code: 'conversion-artifact',
  severity: 'warning',
  description: {
    zh: '文档转换工具留下的多余文字，如“[bookmark: _GoBack]”、乱码字符、不可见字符。',
    en: 'Text left by a document converter, such as "[bookmark: _GoBack]", replacement characters and invisible characters.',
  },
  doc: {
    checks: 'text left by a converter, such as `[bookmark: _GoBack]`',
    zh: `
      文档转换留下的多余文字：\`[bookmark: _GoBack]\` 书签标记、乱码字符 \`�\`、不可见的控制字符和零宽字符；
      OCR 或大模型转换工具虚构的表头行（\`类别 | 数据1 | 数据2 …\`）、单独一行的“正文”、插入的 \`## 表二\` 标题。
    `,
    en: `
      Text left by a document converter: \`[bookmark: _GoBack]\` bookmark marks, the
      replacement character \`�\`, invisible control and zero-width characters; header rows an
      OCR or language-model converter made up (\`类别 | 数据1 | 数据2 …\`), a line holding only
      “正文”, inserted headings such as \`## 表二\`.
    `,
  },
  check(report, emit) {
    // A converter that cuts a table into pieces invents the same header over
    // each piece: said once, every header a place of its own, removed together.
    const headers = new Map<string, Artifact[]>();
    // The same header whatever its alignment (each piece is aligned on its own).
    const same = (a: Artifact) => a.text.replace(/\s+/g, '');
    for (const a of report.artifacts) {
      if (a.kind !== 'invented-header') continue;
      const list = headers.get(same(a));
      if (list) list.push(a);
      else headers.set(same(a), [a]);
    }
    for (const a of report.artifacts) {
      const alike = a.kind === 'invented-header' ? headers.get(same(a))! : [a];
      if (alike.length > 1) {
        if (alike[0] !== a) continue;
        const n = alike.length;
        emit({
          span: a.span,
          message: { zh: `转换工具虚构的表头行「${a.text}」（共 ${n} 处），不是报告的内容，应删除`, en: `A header row invented by a converter ("${a.text}", ${n} times), not part of the report; remove it` },
          related: alike.map((h, i) => ({ span: h.span, message: { zh: `虚构的表头行（第 ${i + 1} 处）`, en: `Invented header row (${i + 1} of ${n})` } })),
          fixes: [{ title: { zh: `删除这 ${n} 行虚构的表头`, en: `Remove these ${n} invented header rows` }, edits: alike.map((h) => ({ span: h.remove ?? h.span, newText: '' })), safe: false }],
        });
        continue;
      }
      // Replacement characters stand for lost text, and an invented header's
      // removal reshapes a table: offered, not done by "fix all".
      const fix = replaceFix(
        a.remove ?? a.span,
        '',
        { zh: `删除「${a.kind === 'invisible' ? '不可见字符' : a.text}」`, en: `Remove ${a.kind === 'invisible' ? 'the invisible character' : `"${a.text}"`}` },
        a.kind !== 'replacement' && a.kind !== 'invented-header',
      );
      emit({ span: a.span, message: describe(a), fixes: [fix] });
    }
  },
};
