/**
 * One cell of the converter matrix: a report's converted text checked against
 * its original text. The arithmetic findings must be the same; a finding of
 * the original may be absent only where the converted table cannot be read
 * (the checker says so with `table-shape`); no error may appear that the
 * original lacks.
 */
import { readFileSync } from 'node:fs';
import { analyze, ARITHMETIC_CODES, type Finding } from '../../server/src/analysis';
import type { TableKind } from '../../server/src/analysis/schema/tables';
import type { Converter } from './convert';
import type { FixtureVariant } from './index';
import { isReadable } from './model';
import { arithmeticKeys, findingKey, without } from './planted';

export interface CellResult {
  /** Arithmetic findings (and other errors) the converted text has and the original lacks. */
  falseErrors: string[];
  /** Arithmetic findings of the original absent although the converted table is readable. */
  missed: string[];
  /** Arithmetic findings of the original absent because the converted table is unreadable. */
  lostToUnreadable: string[];
  /** Tables the original's checker reads and the converted text's does not. */
  unreadable: TableKind[];
  /** For a planted variant: whether every finding the defect adds is found. */
  plantedFound?: boolean;
}

const TABLE_OF: Record<string, TableKind> = {
  'application-balance': 'application',
  subtotal: 'application',
  'row-total': 'application',
  'review-total': 'review',
};

/**
 * Tables read in full: every sum of the table could be worked out. A row that
 * could not be placed (said with `table-shape`) leaves its sums unknown, and a
 * finding of the original in such a table is lost to what cannot be read.
 */
function readableTables(findingsOf: ReturnType<typeof analyze>): Set<TableKind> {
  const partial = new Set(findingsOf.report.sums.filter((s) => s.status === 'unknown').map((s) => TABLE_OF[s.def.rule]));
  return new Set(findingsOf.report.tables.filter((t) => isReadable(t) && !partial.has(t.kind)).map((t) => t.kind));
}

function otherErrors(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.severity === 'error' && !ARITHMETIC_CODES.includes(f.code)).map(findingKey).sort();
}

export function checkConverted(originalText: string, convertedText: string, expected?: readonly string[]): CellResult {
  const original = analyze(originalText);
  const converted = analyze(convertedText);
  const before = arithmeticKeys(original.findings);
  const after = arithmeticKeys(converted.findings);
  const readable = readableTables(converted);
  const missing = without(before, after);
  const falseErrors = [...without(after, before), ...without(otherErrors(converted.findings), otherErrors(original.findings))];
  const missed = missing.filter((k) => readable.has(TABLE_OF[k.slice(0, k.indexOf(':'))]));
  const lostToUnreadable = missing.filter((k) => !missed.includes(k));
  const unreadable = [...readableTables(original)].filter((k) => !readable.has(k));
  return {
    falseErrors,
    missed,
    lostToUnreadable,
    unreadable,
    plantedFound: expected ? without(expected, after).length === 0 : undefined,
  };
}

export function checkCell(variant: FixtureVariant, converter: Converter): CellResult {
  return checkConverted(readFileSync(variant.forms.text, 'utf8'), readFileSync(variant.converted[converter], 'utf8'), variant.expected);
}

const TABLE_NAMES: Record<TableKind, string> = { active: '表一', application: '表二', review: '表三' };

/** The cell as the README's matrix shows it. */
export function describeCell(r: CellResult): string {
  const tables = r.unreadable.map((k) => TABLE_NAMES[k]).join(' ');
  const parts: string[] = [];
  if (r.falseErrors.length) parts.push(`✗ ${r.falseErrors.length} false error${r.falseErrors.length > 1 ? 's' : ''}`);
  if (r.missed.length) parts.push(`✗ ${r.missed.length} missed`);
  if (parts.length) return tables ? `${parts.join(', ')} (${tables} unreadable)` : parts.join(', ');
  if (r.lostToUnreadable.length) return `unreadable (${tables || '?'})`;
  return tables ? `same (${tables} unreadable)` : 'same';
}

export function passes(r: CellResult): boolean {
  return !r.falseErrors.length && !r.missed.length;
}
