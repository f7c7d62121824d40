/**
 * Each report checked under its folder's settings (the nearest
 * `.govreport.json`): its rules' severities, the files it ignores, body
 * aliases and summary reports' units for the rules across reports, and the
 * accepted findings of its baseline, taken out of what is printed (or, with
 * `--update-baseline`, all taken in). A settings or baseline file with a
 * problem is said once, on stderr; the defaults stand in and checking goes on.
 */
import { resolve } from 'node:path';
import { Accepted, type AcceptedFinding, acceptedKey, type Analysis, applySettings, type CrossFinding, type DigestOptions, type Finding, type Subject, subjectAt, type Text2, type UnitGroup, valuesOf } from '../analysis';
import { baselineName, Baselines, readingProblem, writeBaseline } from '../config/baseline';
import { inside, SettingsStore, type FolderSettings } from '../config/folder';
import { displayPath } from '../inputs/paths';
import type { FilePath } from '../inputs';
import { pick, type Locale } from './checked';
import { MESSAGES } from './messages';
import type { Io } from './output';

/** A settings or baseline file as said to the user: relative to the current folder when inside it. */
const shown = (path: string): string => inside(process.cwd(), path) ?? path;

/** A finding as the baseline keys it. */
function entry(file: string, code: string, at: Subject, message: Text2, values = valuesOf(message)): AcceptedFinding {
  return { file, code, at, values, count: 1, message: message.zh };
}

export class FolderChecks {
  readonly store = new SettingsStore();
  private readonly baselines = new Baselines();
  private readonly said = new Set<string>();
  /** The reports read, by absolute path: the name they are printed under. */
  private readonly names = new Map<string, string>();
  /** One taker per baseline file: each accepted finding is taken once in a run. */
  private readonly takers = new Map<string, Accepted>();
  /** With --update-baseline: per baseline file, the reports checked and their findings. */
  private readonly updates = new Map<string, { files: Set<string>; entries: AcceptedFinding[] }>();
  private last: { file: string; settings: FolderSettings } | undefined;
  /** Findings left out as accepted, per baseline file. */
  readonly accepted = new Map<string, number>();

  constructor(
    private readonly io: Io,
    private readonly locale: Locale,
    private readonly update = false,
  ) {}

  /** The settings of a report (by the name it is printed under), said once when they have a problem. */
  settingsOf(file: string): FolderSettings {
    // Asked several times for each report in turn.
    if (this.last?.file === file) return this.last.settings;
    const settings = this.store.forFile(resolve(file));
    this.last = { file, settings };
    if (settings.file && !this.said.has(settings.file)) {
      this.said.add(settings.file);
      for (const line of settings.problemLines(this.locale === 'en' ? 'en' : 'zh', shown(settings.file))) this.io.err(`govreport: ${line}\n`);
    }
    return settings;
  }

  /** Whether the folder's settings leave a file out. */
  ignores(path: FilePath): boolean {
    const file = resolve(displayPath(path));
    return this.settingsOf(file).ignores(file);
  }

  /** How a report's digest is made: its body by the aliases, its cells kept when it is a summary report or a unit. */
  digestOptions(file: string): DigestOptions {
    const settings = this.settingsOf(file);
    const path = resolve(file);
    return { aliases: settings.aliases, keepCells: (body) => settings.inUnits(path, body) };
  }

  /** The summary reports and their units named by the settings files read, their files as printed. */
  unitGroups(): UnitGroup[] {
    return this.store.all().flatMap((s) => s.unitGroups((path) => this.names.get(path) ?? path));
  }

  /** A report's own findings to print: its settings applied, the accepted ones left out. */
  own(file: string, analysis: Analysis): Finding[] {
    return this.ownOf(file, analysis.findings, (offset) => subjectAt(analysis.report, offset));
  }

  /** As `own`, from the findings and what each is about (by the offset it starts at), as a thread sends them. */
  ownOf(file: string, all: readonly Finding[], subject: (offset: number) => Subject): Finding[] {
    const settings = this.settingsOf(file);
    this.names.set(resolve(file), file);
    const findings = applySettings(all, settings.config.rules);
    return this.filter(file, settings, findings, (f) => subject(f.span.start), (f) => f.message);
  }

  /** Findings across reports to print, each under the settings of the report it stands on. */
  cross(findings: readonly CrossFinding[]): CrossFinding[] {
    const out: CrossFinding[] = [];
    for (const f of findings) {
      const settings = this.settingsOf(f.file);
      const [kept] = applySettings([f], settings.config.rules);
      if (kept) out.push(...this.filter(f.file, settings, [kept], (x) => x.at, (x) => x.message, (x) => x.values));
    }
    return out;
  }

  private filter<F extends { code: string }>(file: string, settings: FolderSettings, findings: F[], at: (f: F) => Subject, message: (f: F) => Text2, values?: (f: F) => AcceptedFinding['values'] | undefined): F[] {
    const keyed = (name: string) => (f: F) => entry(name, f.code, at(f), message(f), values?.(f) ?? valuesOf(message(f)));
    if (this.update) {
      const name = baselineName(settings.baseline, resolve(file));
      let update = this.updates.get(settings.baseline);
      if (!update) this.updates.set(settings.baseline, (update = { files: new Set(), entries: [] }));
      update.files.add(name);
      update.entries.push(...findings.map(keyed(name)));
      return [];
    }
    const baseline = this.baselines.get(settings.baseline);
    let taker = this.takers.get(settings.baseline);
    if (!taker) {
      const problem = readingProblem(baseline);
      if (problem) this.io.err(`govreport: ${shown(settings.baseline)}: ${pick(problem, this.locale)}\n`);
      this.takers.set(settings.baseline, (taker = new Accepted([...baseline.byFile.values()].flat())));
    }
    // Nothing accepted for the report: no need to tell what its findings are about.
    if (!findings.length || !baseline.byFile.size) return findings;
    const name = baselineName(settings.baseline, resolve(file));
    if (!baseline.byFile.has(name)) return findings;
    const left = findings.filter((f) => !taker.take(acceptedKey(keyed(name)(f))));
    if (left.length < findings.length) this.accepted.set(settings.baseline, (this.accepted.get(settings.baseline) ?? 0) + findings.length - left.length);
    return left;
  }

  /** The baseline files that left findings out, as said to the user. */
  get acceptedFrom(): string[] {
    return [...this.accepted.keys()].map(shown);
  }

  /** The number of findings left out as accepted. */
  get acceptedCount(): number {
    let n = 0;
    for (const c of this.accepted.values()) n += c;
    return n;
  }

  /** With --update-baseline: writes each baseline, and says so; false when one could not be written. */
  writeBaselines(): boolean {
    let ok = true;
    for (const [path, { files, entries }] of this.updates) {
      const written = writeBaseline(path, files, entries);
      if ('error' in written) {
        ok = false;
        this.io.err(`govreport: ${shown(path)}: ${pick(written.error, this.locale)}\n`);
      } else this.io.err(`${pick(MESSAGES.baselineWritten(shown(path), entries.length, written.accepted), this.locale)}\n`);
    }
    return ok;
  }
}
