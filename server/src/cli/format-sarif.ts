/**
 * SARIF 2.1.0, for code scanning: one run, the rules as its driver's rules
 * (documented inline), each file by its path relative to the working folder,
 * which `originalUriBaseIds` names, so that a consumer can resolve it.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS_RULES, type CrossFinding, docMarkdown, RULES, type Severity } from '../analysis';
import type { FilePath } from '../inputs';
import { pick, place, type Checked, type Locale } from './checked';
import { ruleHelpUri } from './docs';
import { placeOf } from './cross';
import { placeJson, placeText, sourcePlace } from './sources';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const ruleIndex = new Map<string, number>([...RULES, ...CORPUS_RULES].map((r, i) => [r.code, i]));

/** The base of the artifacts' relative paths: the working folder. */
const SRCROOT = '%SRCROOT%';

/** Keeps in a URI what RFC 3986 allows in a path, percent-encodes the rest (bytes, not characters). */
const KEEP = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

function encodePath(latin1: string): string {
  let out = '';
  for (const byte of Buffer.from(latin1, 'latin1')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && KEEP.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Where a file is: relative to the working folder (SRCROOT) when inside it,
 * else its absolute file: URI. Bytes of names that are not UTF-8 are kept
 * (percent-encoded), so the path is handled as latin1, one char per byte.
 */
export function artifactLocation(path: FilePath): { uri: string; uriBaseId?: string } {
  const latin1 = (typeof path === 'string' ? Buffer.from(path, 'utf8') : path).toString('latin1');
  const cwd = Buffer.from(process.cwd(), 'utf8').toString('latin1');
  const absolute = resolve(cwd, latin1);
  const rel = relative(cwd, absolute);
  if (rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return { uri: encodePath(rel.split(sep).join('/')), uriBaseId: SRCROOT };
  const slashed = absolute.split(sep).join('/');
  return { uri: `file://${encodePath(slashed.startsWith('/') ? slashed : `/${slashed}`)}` };
}

const location = (file: FilePath, p: ReturnType<typeof place>) => ({
  physicalLocation: {
    artifactLocation: artifactLocation(file),
    region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
  },
});

/** A file's findings as SARIF results. */
export function sarifResults(r: Checked, locale: Locale): object[] {
  if (r.input.error) return [];
  const file = r.input.path ?? r.input.file;
  // A .docx, web page or PDF has no lines to point at: the file, and the cell or
  // paragraph as a logical location (its Chinese name, the place as properties).
  const at = (span: Parameters<typeof place>[1]) => {
    if (!r.source) return location(file, place(r.lines!, span));
    const p = sourcePlace(r.source, span);
    return {
      physicalLocation: { artifactLocation: artifactLocation(file) },
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
    locations: [location(f.file, placeOf(f.range))],
    relatedLocations: f.related.map((rel, id) => ({ id, ...location(rel.file, placeOf(rel.range)), message: { text: pick(rel.message, locale) } })),
  };
}

/** A file that could not be read, as a notification of the run. */
export function sarifNotification(r: Checked, locale: Locale): object {
  return {
    level: 'error',
    message: { text: `${r.input.file}: ${pick(r.input.error!, locale)}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.input.path ?? r.input.file) } }],
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
            rules: [...RULES, ...CORPUS_RULES].map((r) => {
              const helpUri = ruleHelpUri(r.code);
              const doc = docMarkdown(r.doc);
              return {
                id: r.code,
                name: r.code,
                shortDescription: { text: pick(r.description, locale) },
                fullDescription: { text: `${r.description.zh} ${r.description.en}` },
                ...(helpUri ? { helpUri } : {}),
                help: {
                  text: [r.description.zh, r.description.en, doc].filter(Boolean).join('\n\n'),
                  markdown: [r.description.zh, r.description.en, doc, helpUri && `[${r.code}](${helpUri})`].filter(Boolean).join('\n\n'),
                },
                defaultConfiguration: { level: LEVEL[r.severity] },
              };
            }),
          },
        },
        // The working folder, with its closing slash, as SARIF wants a base URI.
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(`${process.cwd()}${sep}`).href } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
}

