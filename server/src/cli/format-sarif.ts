/** SARIF 2.1.0, for code scanning: one run, the rules as its driver's rules. */
import { CROSS_RULES, type CrossFinding } from '../analysis/corpus';
import { RULES } from '../analysis/rules';
import type { Severity } from '../analysis/rules/rule';
import { pick, place, type Checked, type Locale } from './checked';
import { ruleHelpUri } from './docs';
import { placeOf } from './cross';
import { relativeUri } from './paths';
import { placeJson, placeText, sourcePlace } from './sources';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const ruleIndex = new Map<string, number>([...RULES, ...CROSS_RULES].map((r, i) => [r.code, i]));

const location = (uri: string, p: ReturnType<typeof place>) => ({
  physicalLocation: {
    artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
    region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
  },
});

/** A file's findings as SARIF results. */
export function sarifResults(r: Checked, locale: Locale): object[] {
  if (r.input.error) return [];
  const uri = relativeUri(r.input.path ?? r.input.file);
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
}

/** A finding across reports, with the earlier report's place as a related location. */
export function sarifCross(f: CrossFinding, locale: Locale): object {
  return {
    ruleId: f.code,
    ruleIndex: ruleIndex.get(f.code),
    level: LEVEL[f.severity],
    message: { text: pick(f.message, locale) },
    locations: [location(relativeUri(f.file), placeOf(f.range))],
    relatedLocations: f.related.map((rel, id) => ({ id, ...location(relativeUri(rel.file), placeOf(rel.range)), message: { text: pick(rel.message, locale) } })),
  };
}

/** A file that could not be read, as a notification of the run. */
export function sarifNotification(r: Checked, locale: Locale): object {
  return {
    level: 'error',
    message: { text: `${r.input.file}: ${pick(r.input.error!, locale)}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(r.input.path ?? r.input.file), uriBaseId: '%SRCROOT%' } } }],
  };
}

/** The log around its results and notifications (written in pieces when streamed). */
export function sarifLog(locale: Locale, version: string, results: unknown, notifications: unknown): object {
  return {
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
              helpUri: ruleHelpUri(r.code),
              help: {
                text: `${r.description.zh}\n${r.description.en}\n${ruleHelpUri(r.code)}`,
                markdown: `${r.description.zh}\n\n${r.description.en}\n\n[${r.code}](${ruleHelpUri(r.code)})`,
              },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
}

