/**
 * The TextMate grammar of a report, its row labels taken from the schema.
 * Every element gets a standard scope that themes colour: headings
 * (markup.heading), captions (entity.name.type), row labels (entity.name.tag),
 * numbers (constant.numeric), converter artifacts (invalid.illegal).
 */
import { PARTS } from '../analysis/schema/parts';
import { allRows, TABLES } from '../analysis/schema/tables';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A label as a pattern that accepts either bracket width and list mark. */
function labelPattern(label: string): string {
  return escape(label)
    .replace(/（|\\\(/g, '[（(]')
    .replace(/）|\\\)/g, '[）)]')
    .replace(/^(\d+)\\\./, '$1[.、．]')
    .replace(/^([一二三四五六七])、/, '$1[、.．]');
}

function rowLabels(): string[] {
  const labels = new Set<string>();
  for (const format of ['2021', '2019'] as const) {
    for (const kind of ['active', 'application'] as const) {
      for (const { row } of allRows(TABLES[format][kind])) {
        for (const l of [row.label, ...(row.aliases ?? []), ...(row.groups ?? [])]) if (l) labels.add(l);
      }
    }
  }
  // Longest first, so that a label is not cut short by a shorter one.
  return [...labels].sort((a, b) => b.length - a.length).map(labelPattern);
}

export function grammar(): Record<string, unknown> {
  const wordings = PARTS.flatMap((p) => [p.title, ...p.variants]).sort((a, b) => b.length - a.length).map(escape);
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'GovReport',
    scopeName: 'source.govreport',
    patterns: [
      { include: '#part' },
      { include: '#artifact' },
      { include: '#title' },
      { include: '#caption' },
      { include: '#row-label' },
      { include: '#subpart' },
      { include: '#footer' },
      { include: '#number' },
      { include: '#separator' },
    ],
    repository: {
      artifact: { match: '\\[bookmark:[^\\]\\n]{0,80}\\]|\\x{FFFD}+', name: 'invalid.illegal.artifact.govreport' },
      title: { match: '^(?![\\t|]).{0,60}?(?:政府信息公开(?:工作)?年度报告)\\s*$', name: 'markup.heading.1.govreport' },
      // Converter junk before a heading is matched here, with the heading.
      part: {
        match: `^(\\[bookmark:[^\\]]*\\])?\\s*([一二三四五六][、.．]\\s*(?:${wordings.join('|')}))`,
        captures: { 1: { name: 'invalid.illegal.artifact.govreport' }, 2: { name: 'markup.heading.2.govreport' } },
      },
      caption: {
        match: '第二十条\\s*第[（(][一二三四五六七八九十][）)]项|[（(]本列数据的勾稽关系为[^）)]*[）)]',
        name: 'entity.name.type.caption.govreport',
      },
      'row-label': { match: `(?:${rowLabels().join('|')})`, name: 'entity.name.tag.row-label.govreport' },
      subpart: { match: '^(?![\\t|])\\s*[（(][一二三四五六七八九十][）)][^。.：:\\t|]{1,24}', name: 'markup.heading.3.govreport' },
      footer: { match: '^\\s*[-－—]\\s*\\d{1,3}\\s*[-－—]\\s*$', name: 'comment.line.page-footer.govreport' },
      number: { match: '(?<![\\d.])[0-9０-９]+(?:[.．][0-9０-９]+)?', name: 'constant.numeric.govreport' },
      separator: { match: '\\|', name: 'punctuation.separator.table.govreport' },
    },
  };
}
