/** Running the rules on a report: the first thing every door asks of the library. */
import { modelReport, type Report } from '../model/report';
import { RULES } from '../rules';
import type { Finding, Rule, RuleCode } from '../rules/rule';

export interface RuleFailure {
  /** The rule that threw, or `reader` when reading the report failed. */
  code: RuleCode | 'reader';
  error: unknown;
}

export interface Analysis {
  report: Report;
  /** Findings with the rules' default severities, in text order. */
  findings: Finding[];
  /** Rules that threw; the others' findings stand. */
  failures: RuleFailure[];
}

/**
 * Reads a report and runs the rules. Nothing in it may take the caller down:
 * a rule that throws is recorded in `failures` and the others still report;
 * if reading itself fails, the report is taken as empty text.
 */
export function analyze(text: string, rules: readonly Rule[] = RULES): Analysis {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  let report: Report;
  try {
    report = modelReport(text);
  } catch (error) {
    failures.push({ code: 'reader', error });
    return { report: modelReport(''), findings, failures };
  }
  for (const rule of rules) {
    try {
      rule.check(report, ({ severity, ...f }) => findings.push({ code: rule.code, severity: severity ?? rule.severity, ...f }));
    } catch (error) {
      failures.push({ code: rule.code, error });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { report, findings, failures };
}
