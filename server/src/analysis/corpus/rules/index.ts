/** Every rule across reports. */
import { activeCount } from './active-count';
import { carryOver } from './carry-over';
import { duplicateReport } from './duplicate-report';
import { repeatedText } from './repeated-text';
import type { CrossRule } from './rule';

export const CROSS_RULES: readonly CrossRule[] = [carryOver, activeCount, repeatedText, duplicateReport];
