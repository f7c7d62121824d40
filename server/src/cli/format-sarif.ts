/** SARIF 2.1.0, for code scanning: one run, the rules as its driver's rules. */
import { CROSS_RULES } from '../analysis/corpus';
import { RULES } from '../analysis/rules';
import type { Severity } from '../analysis/rules/rule';
import { pick, place, type Checked, type Locale } from './checked';
import { placeOf } from './cross';
import { relativeUri } from './inputs';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(results: Checked[], locale: Locale, version: string): string {
  const ruleIndex = new Map<string, number>([...RULES, ...CROSS_RULES].map((r, i) => [r.code, i]));
  const location = (uri: string, p: ReturnType<typeof place>) => ({
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
      region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
    },
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'GovReport',
            version,
            rules: [...RULES, ...CROSS_RULES].map((r) => ({
              id: r.code,
              name: r.code,
              shortDescription: { text: pick(r.description, locale) },
              fullDescription: { text: `${r.description.zh} ${r.description.en}` },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: results
              .filter((r) => r.input.error)
              .map((r) => ({
                level: 'error',
                message: { text: `${r.input.file}: ${pick(r.input.error!, locale)}` },
                locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(r.input.file), uriBaseId: '%SRCROOT%' } } }],
              })),
          },
        ],
        results: results.flatMap((r) => {
          if (r.input.error) return [];
          const uri = relativeUri(r.input.file);
          return r.findings.map((f): Record<string, unknown> => ({
            ruleId: f.code,
            ruleIndex: ruleIndex.get(f.code),
            level: LEVEL[f.severity],
            message: { text: pick(f.message, locale) },
            locations: [location(uri, place(r.lines!, f.span))],
            relatedLocations: (f.related ?? []).map((rel, id) => ({
              id,
              ...location(uri, place(r.lines!, rel.span)),
              message: { text: pick(rel.message, locale) },
            })),
          })).concat(
            (r.cross ?? []).map((f) => ({
              ruleId: f.code,
              ruleIndex: ruleIndex.get(f.code),
              level: LEVEL[f.severity],
              message: { text: pick(f.message, locale) },
              locations: [location(uri, placeOf(f.range))],
              relatedLocations: f.related.map((rel, id) => ({ id, ...location(relativeUri(rel.file), placeOf(rel.range)), message: { text: pick(rel.message, locale) } })),
            })),
          );
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
