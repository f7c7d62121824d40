/** `[{file, diagnostics: [{code, severity, line, column, endLine, endColumn, message}]}]`, 1-based. */
import { pick, place, type Checked, type Locale } from './checked';
import { placeJson, sourcePlace } from './sources';

export function formatJson(results: Checked[], locale: Locale): string {
  const data = results.map((r) =>
    r.input.error
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
          })),
        },
  );
  return `${JSON.stringify(data, null, 2)}\n`;
}
