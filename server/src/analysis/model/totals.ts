/**
 * The report's totals that reviewers compare across reports: the application
 * table's 总计 column, the review table's totals and 结果纠正, and 20.1's
 * 行政规范性文件. Each is null unless every cell it takes was read with
 * certainty (a blank counts 0, and a blank 总计 is its row's applicants'
 * sum). The summary keeps them; the ratios come from them.
 */
import type { Report } from '../model/report';
import { rowsTotal, rowTotal, total, type Reading } from './figures';

export interface Figures {
  received: number | null;
  carriedIn: number | null;
  disclosed: number | null;
  partly: number | null;
  withheld: number | null;
  unable: number | null;
  notProcessed: number | null;
  otherwise: number | null;
  closed: number | null;
  carriedOut: number | null;
  reconsideration: number | null;
  lawsuitsDirect: number | null;
  lawsuitsAfter: number | null;
  /** 结果纠正 of 行政复议 and of both kinds of 行政诉讼, together. */
  corrected: number | null;
  normativeIssued: number | null;
  normativeRepealed: number | null;
  normativeInForce: number | null;
}

const value = (r: Reading | undefined) => r?.value ?? null;

export function figuresOf(report: Report): Figures {
  const app = report.tables.find((t) => t.kind === 'application' && t.readable);
  const review = report.tables.find((t) => t.kind === 'review' && t.readable);
  const active = report.tables.find((t) => t.kind === 'active' && t.readable);
  // A row's blank 总计 cell is its applicants' sum, as the narrative checks read it.
  const row = (id: string) => value(rowTotal(app, id));
  const under = (prefix: string) => value(rowsTotal(app, prefix));
  const review1 = (cols: string[]) => value(total(review, 'counts', cols));
  const normative = (c: string) => (active?.def.format === '2021' ? value(total(active, 'normative', [c])) : null);
  return {
    received: row('1'),
    carriedIn: row('2'),
    disclosed: row('3.1'),
    partly: row('3.2'),
    withheld: under('3.3'),
    unable: under('3.4'),
    notProcessed: under('3.5'),
    otherwise: under('3.6'),
    closed: row('3.7'),
    carriedOut: row('4'),
    reconsideration: review1(['review.total']),
    lawsuitsDirect: review1(['direct.total']),
    lawsuitsAfter: review1(['after.total']),
    corrected: review1(['review.corrected', 'direct.corrected', 'after.corrected']),
    normativeIssued: normative('issued'),
    normativeRepealed: normative('repealed'),
    normativeInForce: normative('inForce'),
  };
}
