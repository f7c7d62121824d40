/** The report the rules and features work on: the report as read, with the sums of its tables. */
import { readReport, type ReadReport } from '../read/report';
import { computeSums, type SumResult } from './sums';

export interface Report extends ReadReport {
  sums: SumResult[];
}

/** Reads `text` and sums its tables. */
export function modelReport(text: string): Report {
  const read = readReport(text);
  return { ...read, sums: read.tables.flatMap(computeSums) };
}
