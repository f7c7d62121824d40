/**
 * `[{file, diagnostics: [{code, severity, line, column, endLine, endColumn, message,
 * related: [{line, column, message}]}]}]`, 1-based; `related` are the cells
 * involved, as the text output's `note:` lines.
 */
import { pick, place, type Checked, type Locale } from './checked';
import { placeJson, sourcePlace } from './sources';

/** One file's entry of the array. */
export function jsonEntry(r: Checked, locale: Locale): object {
  return r.input.error
    ? { file: r.input.file, error: pick(r.input.error, locale), diagnostics: [] }
    : {
        file: r.input.file,
        diagnostics: r.findings.map((f) => ({
          code: f.code,
          severity: f.severity,
          ...place(r.lines!, f.span),
          // Lines and columns are those of the canonical text (`govreport convert`); this is the source's place.
          ...(r.source ? { source: placeJson(sourcePlace(r.source, f.span)) ?? { kind: r.source.kind } } : {}),
          message: pick(f.message, locale),
          related: (f.related ?? []).map((rel) => {
            const p = place(r.lines!, rel.span);
            return { line: p.line, column: p.column, message: pick(rel.message, locale) };
          }),
        })),
      };
}

