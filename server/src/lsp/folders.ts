/**
 * The folder's settings in the editor: for each report, the nearest
 * `.govreport.json` up from its file (a source document's: its source's) over
 * the person's VS Code settings, where both speak; its accepted findings,
 * shown as hints; and "Accept this finding", which writes the baseline.
 * Files are read once and kept until the editor says one changed (watched).
 */
import { basename, dirname, sep } from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import { pick, Accepted, type AcceptedFinding, acceptedKey, type Analysis, applySettings, type CrossRuleCode, type DigestOptions, type Finding, type RatioThresholds, type RuleCode, type RuleSettings, type Severity, type Subject, subjectAt, type Text2, type UnitGroup, valuesOf } from '../analysis';
import { acceptInBaseline, BASELINE_FILE, baselineName, Baselines, readingProblem } from '../config/baseline';
import { SettingsStore, type FolderSettings } from '../config/folder';
import { CONFIG_FILE } from '../config/settings';
import { pathOf, reportUri } from '../workspace/review';
import { localeOf, type Locale, type Settings } from './settings';

/** The files whose changes make the settings be read again. */
export const SETTINGS_GLOB = `**/{${CONFIG_FILE},${BASELINE_FILE}}`;

export const isSettingsFile = (path: string): boolean => [CONFIG_FILE, BASELINE_FILE].includes(basename(path));

/**
 * Watched files that changed, sorted: the settings' (`settings`, undefined
 * when none; `folder` when a settings file is among them, not only baselines)
 * and the reports'.
 */
export function sortChanges(changes: readonly FileEvent[]): { settings?: { folder: boolean }; reports: { uri: string; deleted: boolean }[] } {
  const isSettings = (uri: string) => isSettingsFile(pathOf(uri) ?? uri);
  const settings = changes.filter((c) => isSettings(c.uri));
  return {
    settings: settings.length ? { folder: settings.some((c) => !c.uri.endsWith(BASELINE_FILE)) } : undefined,
    reports: changes.filter((c) => !isSettings(c.uri)).map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted })),
  };
}

/** The command "Accept this finding" runs, and what it carries. */
export const ACCEPT_COMMAND = 'govreport.acceptFinding';
export interface AcceptArgs {
  uri: string;
  entry: AcceptedFinding;
}

/** Said after an accepted finding's message, and what it is shown as. */
const ACCEPTED: Text2 = { zh: '（已接受）', en: ' (accepted)' };

/** What the editor shows of a report's findings: the settings applied, the accepted ones as hints. */
export interface Shown<F> {
  findings: F[];
  /** Those of `findings` that are accepted. */
  accepted: Set<F>;
}

export interface FoldersHost {
  /** The person's own settings (VS Code's). */
  settings(): Settings;
  editorLocale(): string | undefined;
  /** The workspace folders (paths), where a new baseline goes when no settings file is found. */
  folders(): string[];
  /** Said once per settings or baseline file with a problem. */
  warn(message: string): void;
  /** A settings file was read (its `units` may name reports across the workspace). */
  loaded(): void;
}

export class EditorFolders {
  private readonly store: SettingsStore;
  private readonly baselines = new Baselines();
  private readonly said = new Set<string>();

  constructor(private readonly host: FoldersHost) {
    this.store = new SettingsStore((path) => host.folders().find((f) => path.startsWith(f + sep)) ?? dirname(path), () => host.loaded());
  }

  /** The settings file governing a report, when it has a file on disk. */
  settingsOf(uri: string): FolderSettings | undefined {
    const path = pathOf(uri);
    if (path === undefined) return undefined;
    const settings = this.store.forFile(path);
    // Said once, and again only when the file has changed.
    const said = `${settings.file}\0${settings.text}`;
    if (settings.file && settings.problems.length && !this.said.has(said)) {
      this.said.add(said);
      const lines = settings.problemLines(this.localeOf(uri));
      this.host.warn(`GovReport: ${lines.join('\n')}`);
    }
    return settings;
  }

  /** The rules of a report: the person's settings, the folder's file over them. */
  rules(uri: string): RuleSettings {
    const own = this.host.settings().rules;
    const folder = this.settingsOf(uri)?.config.rules;
    return folder && Object.keys(folder).length ? { ...own, ...folder } : own;
  }

  /** Where the ratios mark a report as an outlier: the person's settings, the folder's file over them (of the first workspace folder, for the whole workspace's overview). */
  ratiosOf(uri?: string): RatioThresholds {
    const own = this.host.settings().ratios;
    const path = uri === undefined ? this.host.folders()[0] : pathOf(uri);
    const folder = path === undefined ? undefined : uri === undefined ? this.store.forDir(path).config.ratios : this.store.forFile(path).config.ratios;
    return { ...own, ...folder };
  }

  /** The language GovReport speaks of a report (of the first workspace folder, for what is of no report). */
  localeOf(uri?: string): Locale {
    const settings = this.host.settings();
    const path = uri === undefined ? this.host.folders()[0] : pathOf(uri);
    const folder = path === undefined ? undefined : uri === undefined ? this.store.forDir(path).config.locale : this.store.forFile(path).config.locale;
    return localeOf(folder ? { ...settings, locale: folder } : settings, this.host.editorLocale());
  }

  /** Whether the folder's file leaves a report out (`ignores`). */
  ignores(uri: string): boolean {
    const path = pathOf(uri);
    return path !== undefined && !!this.settingsOf(uri)?.ignores(path);
  }

  digestOptions(uri: string): DigestOptions {
    const settings = this.settingsOf(uri);
    const path = pathOf(uri);
    return settings && path !== undefined ? { aliases: settings.aliases, keepCells: (body) => settings.inUnits(path, body) } : {};
  }

  /** The summary reports and their units every settings file read names, as the review knows reports. */
  unitGroups(): UnitGroup[] {
    return this.store.all().flatMap((s) => s.unitGroups(reportUri));
  }

  /** The baseline entry a finding of a report would be (undefined: the report has no file to name). */
  entry(uri: string, code: string, at: Subject, message: Text2, values = valuesOf(message)): AcceptedFinding | undefined {
    const settings = this.settingsOf(uri);
    const path = pathOf(uri);
    if (!settings || path === undefined) return undefined;
    return { file: baselineName(settings.baseline, path), code, at, values, count: 1, message: message.zh };
  }

  /** A report's accepted findings, to take from as its findings are gone through. */
  private accepted(uri: string): ((key: string) => boolean) | undefined {
    const settings = this.settingsOf(uri);
    const path = pathOf(uri);
    if (!settings || path === undefined) return undefined;
    const baseline = this.baselines.get(settings.baseline);
    const problem = readingProblem(baseline);
    const said = `${baseline.path}\0${problem?.en}`;
    if (problem && !this.said.has(said)) {
      this.said.add(said);
      this.host.warn(`GovReport: ${baseline.path}: ${pick(problem, this.localeOf(uri))}`);
    }
    const entries = baseline.byFile.get(baselineName(settings.baseline, path));
    if (!entries) return undefined;
    const taker = new Accepted(entries);
    return (key) => taker.take(key);
  }

  /**
   * What the editor shows of findings: the rules of the report applied, and
   * those its baseline accepts turned into hints (out of Problems, a faint
   * mark in the text) that say so.
   */
  shown<F extends { code: RuleCode | CrossRuleCode; severity: Severity; message: Text2 }>(uri: string, findings: readonly F[], at: (f: F) => Subject, values?: (f: F) => AcceptedFinding['values'] | undefined): Shown<F> {
    const applied = applySettings(findings, this.rules(uri));
    const accepted = new Set<F>();
    const take = applied.length ? this.accepted(uri) : undefined;
    if (!take) return { findings: applied, accepted };
    const out = applied.map((f) => {
      const entry = this.entry(uri, f.code, at(f), f.message, values?.(f) ?? valuesOf(f.message));
      if (!entry || !take(acceptedKey(entry))) return f;
      const hint = { ...f, severity: 'hint' as const, message: { zh: f.message.zh + ACCEPTED.zh, en: f.message.en + ACCEPTED.en } };
      accepted.add(hint);
      return hint;
    });
    return { findings: out, accepted };
  }

  /** An open report's findings as shown. */
  shownOf(uri: string, a: Analysis): Shown<Finding> {
    return this.shown(uri, a.findings, (f) => subjectAt(a.report, f.span.start));
  }

  /** A report's findings as counted (the overview's errors and warnings): the accepted left out. */
  visible(uri: string, a: Analysis): Finding[] {
    const { findings, accepted } = this.shownOf(uri, a);
    return accepted.size ? findings.filter((f) => !accepted.has(f)) : findings;
  }

  /** "Accept this finding": writes the entry to the report's baseline; undefined, or why it could not. */
  accept(args: AcceptArgs): Text2 | undefined {
    const settings = this.settingsOf(args.uri);
    if (!settings) return { zh: '此报告没有磁盘上的文件，无法记录', en: 'this report has no file on disk to record it for' };
    const error = acceptInBaseline(settings.baseline, args.entry);
    this.clear();
    return error;
  }

  /** A settings or baseline file changed: read them again when next asked. */
  clear(): void {
    this.store.clear();
    this.baselines.clear();
  }
}
