/** `[{file, diagnostics: [{code, severity, line, column, endLine, endColumn, message}]}]`, 1-based. */
import { pick, place, type Checked, type Locale } from './checked';
import { crossJson } from './cross';

export function formatJson(results: Checked[], locale: Locale): string {
  const data = results.map((r) =>
    r.input.error
      ? { file: r.input.file, error: pick(r.input.error, locale), diagnostics: [] }
      : {
          file: r.input.file,
          diagnostics: [
            ...r.findings.map((f) => ({
              code: f.code,
              severity: f.severity,
              ...place(r.lines!, f.span),
              message: pick(f.message, locale),
            })),
            // Across reports: with `related`, places in other files.
            ...(r.cross ?? []).map((f) => crossJson(f, locale)),
          ],
        },
  );
  return `${JSON.stringify(data, null, 2)}\n`;
}
