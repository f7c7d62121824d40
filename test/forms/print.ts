/**
 * The converter matrix as Markdown: one row per report (and its planted
 * variant), one column per converter, each cell `same`, `unreadable (表二)`,
 * or the false errors and missed findings; then the false errors' messages.
 */
import { CONVERTER_COMMANDS, CONVERTERS, fixtureForms, type FixtureSet } from './index';
import { checkCell, describeCell, passes, type CellResult } from './matrix';

export function matrixMarkdown(set: FixtureSet): { markdown: string; failures: number; cells: number } {
  const lines: string[] = [];
  lines.push(`| report | ${CONVERTERS.join(' | ')} |`, `|---|${CONVERTERS.map(() => '---').join('|')}|`);
  const details: string[] = [];
  let failures = 0;
  let cells = 0;
  for (const v of set.variants) {
    const row: string[] = [];
    for (const c of CONVERTERS) {
      let r: CellResult;
      try {
        r = checkCell(v, c);
      } catch (error) {
        row.push('✗ not converted');
        details.push(`- ${v.id} / ${c}: ${(error as Error).message}`);
        failures++;
        continue;
      }
      cells++;
      if (!passes(r)) failures++;
      row.push(describeCell(r));
      for (const f of r.falseErrors) details.push(`- ${v.id} / ${c}: false \`${f}\``);
      for (const f of r.missed) details.push(`- ${v.id} / ${c}: missed \`${f}\``);
    }
    const label = v.variant === 'planted' ? `${v.report} + planted (${v.change})` : v.report;
    lines.push(`| ${label} | ${row.join(' | ')} |`);
  }
  lines.push('', `${cells} cells, ${failures} failing.`);
  if (details.length) lines.push('', 'False errors and missed findings:', '', ...details);
  lines.push('', 'Converters:', '', ...CONVERTERS.map((c) => `- \`${c}\`: \`${CONVERTER_COMMANDS[c]}\``));
  lines.push('', `Converter versions: ${set.versions.join('; ')}.`);
  return { markdown: lines.join('\n'), failures, cells };
}

export async function main(): Promise<number> {
  const started = Date.now();
  const set = await fixtureForms();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(`[fixtures] ${set.built ? 'built' : 'reused'} ${set.dir} in ${seconds} s\n`);
  const { markdown, failures } = matrixMarkdown(set);
  console.log(markdown);
  return failures ? 1 : 0;
}
