/** Every rule, in the order of the spec's table. */
import { allClosed } from './all-closed';
import { applicationBalance } from './application-balance';
import { conversionArtifact } from './conversion-artifact';
import { emptyCell } from './empty-cell';
import { feeReport } from './fee-report';
import { improvementReport } from './improvement-report';
import { missingSection } from './missing-section';
import { missingTable } from './missing-table';
import { missingTitle } from './missing-title';
import { narrativeMismatch } from './narrative-mismatch';
import { nonNumericCell } from './non-numeric-cell';
import { oldFormat } from './old-format';
import { overviewTopics } from './overview-topics';
import { reviewTotal } from './review-total';
import { rowTotal } from './row-total';
import type { Rule, RuleCode } from './rule';
import { sectionHeading } from './section-heading';
import { sectionOrder } from './section-order';
import { subtotal } from './subtotal';
import { tableShape } from './table-shape';
import { yearMismatch } from './year-mismatch';

export const RULES: readonly Rule[] = [
  applicationBalance,
  subtotal,
  rowTotal,
  reviewTotal,
  nonNumericCell,
  emptyCell,
  tableShape,
  missingTable,
  missingSection,
  sectionOrder,
  sectionHeading,
  missingTitle,
  yearMismatch,
  narrativeMismatch,
  oldFormat,
  conversionArtifact,
  overviewTopics,
  feeReport,
  improvementReport,
  allClosed,
];

export const RULES_BY_CODE: ReadonlyMap<RuleCode, Rule> = new Map(RULES.map((r) => [r.code, r]));
