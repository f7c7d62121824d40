/**
 * The reports the forms are built from: every seed and corpus report text in
 * ../shared when it is beside the project, and always the project's own
 * reports (rendered by test/support/reports.ts), so that the forms and the
 * converter matrix exist on a clone without ../shared.
 */
import { cleanSpec, render, type Layout } from '../support/reports';
import { HAS_SHARED, sharedReports, sharedText } from '../support/shared';

export interface SourceReport {
  /** A shared file's name without `.txt`, or `project-<format>-<layout>`. */
  name: string;
  origin: 'seed' | 'corpus' | 'project';
  text: string;
}

const PROJECT: { format: '2021' | '2019'; layout: Layout }[] = [
  { format: '2021', layout: 'cells' },
  { format: '2021', layout: 'markdown' },
  { format: '2021', layout: 'pdf' },
  { format: '2019', layout: 'pipe' },
  { format: '2021', layout: 'flat' },
];

export function sourceReports(): SourceReport[] {
  const out: SourceReport[] = [];
  if (HAS_SHARED) {
    for (const folder of ['seeds', 'corpus'] as const) {
      for (const file of sharedReports(folder)) {
        out.push({ name: file.replace(/\.txt$/, ''), origin: folder === 'seeds' ? 'seed' : 'corpus', text: sharedText(folder, file) });
      }
    }
  }
  for (const p of PROJECT) out.push({ name: `project-${p.format}-${p.layout}`, origin: 'project', text: render(cleanSpec(p.format), p.layout) });
  return out;
}
