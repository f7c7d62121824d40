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
  check(report, emit) {
    // A converter that cuts a table into pieces invents the same header over
    // each piece: said once, every header a place of its own, removed together.
    const headers = new Map<string, Artifact[]>();
    for (const a of report.artifacts) if (a.kind === 'invented-header') headers.set(a.text, [...(headers.get(a.text) ?? []), a]);
    for (const a of report.artifacts) {
      const same = a.kind === 'invented-header' ? headers.get(a.text)! : [a];
      if (same.length > 1) {
        if (same[0] !== a) continue;
        const n = same.length;
        emit({
          span: a.span,
          message: { zh: `转换工具虚构的表头行「${a.text}」（共 ${n} 处），不是报告的内容，应删除`, en: `A header row invented by a converter ("${a.text}", ${n} times), not part of the report; remove it` },
          related: same.map((h, i) => ({ span: h.span, message: { zh: `虚构的表头行（第 ${i + 1} 处）`, en: `Invented header row (${i + 1} of ${n})` } })),
          fixes: [{ title: { zh: `删除这 ${n} 行虚构的表头`, en: `Remove these ${n} invented header rows` }, edits: same.map((h) => ({ span: h.remove ?? h.span, newText: '' })), safe: false }],
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
