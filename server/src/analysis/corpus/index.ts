/**
 * Reports checked together (a folder, a workspace): an index of their digests
 * by body, and the rules across reports run over it. The later report of a
 * pair carries the finding; a report whose previous year is absent is not
 * checked across years.
 */
import type { RuleSettings } from '../index';
import { sameBody } from './body';
import type { ReportDigest } from './digest';
import { CROSS_RULES } from './rules';
import type { CrossFinding, CrossRule } from './rules/rule';

const byFile = (a: ReportDigest, b: ReportDigest): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

export class ReportIndex {
  private readonly files = new Map<string, ReportDigest>();
  private readonly bodies = new Map<string, Set<string>>();

  get size(): number {
    return this.files.size;
  }

  get(file: string): ReportDigest | undefined {
    return this.files.get(file);
  }

  all(): IterableIterator<ReportDigest> {
    return this.files.values();
  }

  /** Adds or replaces a report; returns the files whose findings across reports may have changed. */
  set(d: ReportDigest): string[] {
    const affected = this.remove(d.file);
    this.files.set(d.file, d);
    if (d.body) {
      let group = this.bodies.get(d.body.key);
      if (!group) this.bodies.set(d.body.key, (group = new Set()));
      group.add(d.file);
      for (const f of group) affected.push(f);
    } else affected.push(d.file);
    return [...new Set(affected)];
  }

  /** Removes a report; returns the files whose findings across reports may have changed. */
  remove(file: string): string[] {
    const old = this.files.get(file);
    if (!old) return [];
    this.files.delete(file);
    const group = old.body ? this.bodies.get(old.body.key) : undefined;
    if (!group) return [file];
    group.delete(file);
    if (!group.size) this.bodies.delete(old.body!.key);
    return [file, ...group];
  }

  /** The reports of the same body as `d` (itself excluded), in file order. */
  private peers(d: ReportDigest): ReportDigest[] {
    if (!d.body) return [];
    const group = this.bodies.get(d.body.key);
    if (!group) return [];
    const out: ReportDigest[] = [];
    for (const f of group) {
      const other = this.files.get(f)!;
      if (f !== d.file && other.body && sameBody(other.body, d.body)) out.push(other);
    }
    return out.sort(byFile);
  }

  /** The findings across reports that stand on `file`. */
  findingsFor(file: string, rules: readonly CrossRule[] = CROSS_RULES): CrossFinding[] {
    const d = this.files.get(file);
    if (!d || d.year === undefined) return [];
    const peers = this.peers(d);
    const previous = peers.find((p) => p.year === d.year! - 1);
    // Of two reports for one year, the one later in file order carries the finding.
    const twin = peers.find((p) => p.year === d.year && byFile(p, d) < 0);
    const out: CrossFinding[] = [];
    for (const rule of rules) {
      const earlier = rule.pairs === 'previous-year' ? previous : twin;
      if (!earlier) continue;
      rule.check(d, earlier, (f) => out.push({ code: rule.code, severity: rule.severity, file: d.file, ...f }));
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  /** Every finding across reports, by file in file order. */
  findings(rules: readonly CrossRule[] = CROSS_RULES): CrossFinding[] {
    return [...this.files.values()].sort(byFile).flatMap((d) => this.findingsFor(d.file, rules));
  }
}

/** Applies a user's settings to findings across reports. */
export function applyCrossSettings(findings: readonly CrossFinding[], settings: RuleSettings | undefined): CrossFinding[] {
  if (!settings) return findings.slice();
  const out: CrossFinding[] = [];
  for (const f of findings) {
    const s = settings[f.code];
    if (s === 'off') continue;
    out.push(s ? { ...f, severity: s } : f);
  }
  return out;
}

export { bodyOf, sameBody, type Body } from './body';
export { digest, type ReportDigest, type Figures, type CellDigest } from './digest';
export { sketch, jaccard, type Sketch } from './similarity';
export { CROSS_RULES } from './rules';
export { CROSS_RULE_CODES, type CrossFinding, type CrossRelated, type CrossRule, type CrossRuleCode } from './rules/rule';
