/**
 * Reports checked together (a folder, a workspace): an index of their digests
 * by body, and the rules across reports run over it. The later report of a
 * pair carries the finding; a report whose previous year is absent is not
 * checked across years.
 */
import { sameBody, type Body } from './body';
import type { ReportDigest } from './digest';
import { CROSS_RULES } from './rules';
import type { CrossFinding, CrossRule } from './rules/rule';
import { unitSum, type Unit } from './rules/unit-sum';

/** A report as `units` names it: by the caller's name for its file, or by its body (its report of the summary's year); `name` as written. */
export type UnitRef = { file: string; name: string } | { body: Body; name: string };

/** A summary report and its units. */
export interface UnitGroup {
  summary: UnitRef;
  units: UnitRef[];
}

const refers = (ref: UnitRef, d: ReportDigest): boolean => ('file' in ref ? ref.file === d.file : !!d.body && sameBody(ref.body, d.body));

const byFile = (a: ReportDigest, b: ReportDigest): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** Compared across reports: a body, and a year that is certain (a report whose title and period disagree is not placed). */
const indexed = (d: ReportDigest): d is ReportDigest & { body: NonNullable<ReportDigest['body']>; year: number } =>
  !!d.body && d.year !== undefined && d.yearCertain;

/**
 * The reports of one body, as its places are written, for one year. Its first
 * file is kept (recomputed only after that file is removed), so that finding a
 * report's earlier twin does not scan the group: linear in the reports however
 * many share a body and year.
 */
class Group {
  readonly files = new Set<string>();
  /** The first file in file order; undefined when unknown (after it was removed). */
  private head: string | undefined;

  constructor(readonly body: Body) {}

  add(file: string): void {
    if (!this.files.size) this.head = file;
    else if (this.head !== undefined && file < this.head) this.head = file;
    this.files.add(file);
  }

  delete(file: string): void {
    this.files.delete(file);
    if (file === this.head) this.head = undefined;
  }

  first(): string | undefined {
    if (this.head === undefined) for (const f of this.files) if (this.head === undefined || f < this.head) this.head = f;
    return this.head;
  }
}

/** Bodies sameBody tells apart only by their outer places: one group for each way of writing them. */
const outerKey = (body: Body): string => body.outer.join('\u0000');

export class ReportIndex {
  private readonly files = new Map<string, ReportDigest>();
  /** Body key → year → outer places → files: a report meets only its body's previous and same year. */
  private readonly bodies = new Map<string, Map<number, Map<string, Group>>>();
  private groups: readonly UnitGroup[] = [];

  get size(): number {
    return this.files.size;
  }

  get(file: string): ReportDigest | undefined {
    return this.files.get(file);
  }

  all(): IterableIterator<ReportDigest> {
    return this.files.values();
  }

  /** Adds or replaces a report. */
  set(d: ReportDigest): void {
    this.remove(d.file);
    this.files.set(d.file, d);
    if (indexed(d)) {
      let years = this.bodies.get(d.body.key);
      if (!years) this.bodies.set(d.body.key, (years = new Map()));
      let groups = years.get(d.year);
      if (!groups) years.set(d.year, (groups = new Map()));
      const outer = outerKey(d.body);
      let group = groups.get(outer);
      if (!group) groups.set(outer, (group = new Group(d.body)));
      group.add(d.file);
    }
  }

  /** Removes a report. */
  remove(file: string): void {
    const old = this.files.get(file);
    if (!old) return;
    this.files.delete(file);
    if (indexed(old)) {
      const years = this.bodies.get(old.body.key);
      const groups = years?.get(old.year);
      const outer = outerKey(old.body);
      const group = groups?.get(outer);
      group?.delete(file);
      if (group && !group.files.size) groups!.delete(outer);
      if (groups && !groups.size) years!.delete(old.year);
      if (years && !years.size) this.bodies.delete(old.body.key);
    }
  }

  /** The summary reports and their units (`units` of the folder's settings). */
  setUnits(groups: readonly UnitGroup[]): void {
    this.groups = groups;
  }

  /**
   * A report and those whose findings across reports depend on it (its
   * body's, in its year and the years beside; the summary reports it is a unit of).
   */
  related(file: string): string[] {
    const d = this.files.get(file);
    if (!d) return [];
    const out = indexed(d) ? [file, ...this.neighbours(d)] : [file];
    for (const group of this.groups) {
      if (!group.units.some((ref) => refers(ref, d))) continue;
      if ('file' in group.summary) out.push(group.summary.file);
      else if (d.year !== undefined) out.push(...this.ofBody(group.summary.body, d.year).map((s) => s.file));
    }
    return [...new Set(out)];
  }

  /** The reports of a body for a year, in file order. */
  private ofBody(body: Body, year: number): ReportDigest[] {
    const out: ReportDigest[] = [];
    for (const group of this.bodies.get(body.key)?.get(year)?.values() ?? []) {
      if (sameBody(group.body, body)) for (const f of group.files) out.push(this.files.get(f)!);
    }
    return out.sort(byFile);
  }

  /** The first report, in file order, of a body for a year (other than `except`, which comes first when it is there). */
  private firstOf(body: Body, year: number, except?: string): ReportDigest | undefined {
    let best: string | undefined;
    for (const group of this.bodies.get(body.key)?.get(year)?.values() ?? []) {
      if (!sameBody(group.body, body)) continue;
      const f = group.first();
      if (f !== undefined && f !== except && (best === undefined || f < best)) best = f;
    }
    return best === undefined ? undefined : this.files.get(best);
  }

  /** A unit of `summary`: its report for the summary's year, or its name when there is none. */
  private unitFor(ref: UnitRef, summary: ReportDigest): Unit {
    if ('file' in ref) {
      const d = this.files.get(ref.file);
      return d && (summary.year === undefined || d.year === summary.year) ? { digest: d } : { missing: ref.name };
    }
    const d = summary.year === undefined ? undefined : this.firstOf(ref.body, summary.year);
    return d ? { digest: d } : { missing: ref.name };
  }

  /** The files of a report's body in its year and the years beside it (those it may be compared with). */
  private neighbours(d: ReportDigest): string[] {
    const years = this.bodies.get(d.body!.key);
    if (!years) return [];
    const out: string[] = [];
    for (const y of [d.year! - 1, d.year!, d.year! + 1]) for (const group of years.get(y)?.values() ?? []) for (const f of group.files) if (f !== d.file) out.push(f);
    return out;
  }

  /** The findings across reports that stand on `file`. */
  findingsFor(file: string, rules: readonly CrossRule[] = CROSS_RULES): CrossFinding[] {
    const d = this.files.get(file);
    if (!d) return [];
    const out: CrossFinding[] = [];
    for (const group of this.groups) {
      if (!refers(group.summary, d)) continue;
      const units = group.units.map((ref) => this.unitFor(ref, d));
      unitSum.check(d, units, (f) => out.push({ code: unitSum.code, severity: unitSum.severity, file: d.file, ...f }));
    }
    if (!indexed(d)) return out;
    const previous = this.firstOf(d.body, d.year - 1);
    // Of two reports for one year, the one later in file order carries the finding (it meets the first).
    const first = this.firstOf(d.body, d.year, d.file);
    const twin = first && byFile(first, d) < 0 ? first : undefined;
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

export { bodyAliases, bodyOf, canonicalBody, sameBody, type Body, type BodyAliases } from './body';
export { digest, findingsDigest, type DigestOptions, type ReportDigest, type CellDigest } from './digest';
export type { Figures } from '../model/totals';
export { sketch, jaccard, type Sketch } from './similarity';
export { CROSS_RULES, CORPUS_RULES } from './rules';
export { CROSS_RULE_CODES, type CrossFinding, type CrossRelated, type CrossRule, type CrossRuleCode } from './rules/rule';
export { unitSum, type Unit, type UnitRule } from './rules/unit-sum';
