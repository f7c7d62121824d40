/** SARIF 2.1.0, for code scanning: one run, the rules as its driver's rules. */
import { RULES } from '../analysis/rules';
import type { Severity } from '../analysis/rules/rule';
import { pick, place, type Checked, type Locale } from './checked';
import { relativeUri } from './inputs';
import { placeJson, placeText, sourcePlace } from './sources';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(results: Checked[], locale: Locale, version: string): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.code, i]));
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
            rules: RULES.map((r) => ({
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
          // A .docx, web page or PDF has no lines to point at: the file, and the cell or
          // paragraph as a logical location (its Chinese name, the place as properties).
          const at = (span: Parameters<typeof place>[1]) => {
            if (!r.source) return location(uri, place(r.lines!, span));
            const p = sourcePlace(r.source, span);
            return {
              physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' } },
              ...(p ? { logicalLocations: [{ name: placeText(p, 'zh-CN'), fullyQualifiedName: placeText(p, 'en'), kind: 'element' }] } : {}),
              properties: { source: placeJson(p) ?? { kind: r.source.kind } },
            };
          };
          return r.findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: ruleIndex.get(f.code),
            level: LEVEL[f.severity],
            message: { text: pick(f.message, locale) },
            locations: [at(f.span)],
            relatedLocations: (f.related ?? []).map((rel, id) => ({
              id,
              ...at(rel.span),
              message: { text: pick(rel.message, locale) },
            })),
          }));
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
