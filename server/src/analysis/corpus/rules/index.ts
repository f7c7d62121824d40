/** Every rule across reports. */
import { activeCount } from './active-count';
import { carryOver } from './carry-over';
import { duplicateReport } from './duplicate-report';
import { repeatedText } from './repeated-text';
import type { CrossRule } from './rule';
import { unitSum, type UnitRule } from './unit-sum';

/** The rules that compare a report with another of its body. */
export const CROSS_RULES: readonly CrossRule[] = [carryOver, activeCount, repeatedText, duplicateReport];

/** Every rule across reports, the summary report's sum over its units too. */
export const CORPUS_RULES: readonly (CrossRule | UnitRule)[] = [...CROSS_RULES, unitSum];
