/**
 * Which settings govern a report: the nearest `.govreport.json` up from its
 * folder (as ESLint and markdownlint-cli2 find theirs), read once and kept
 * until told that it changed. The command line, the language server and its
 * workspace review all ask here, so that a report is checked alike by each.
 * What the file says is made ready for the library here: rule settings as
 * they are, the files to ignore as matchers, body aliases and the summary
 * reports' units as data.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { bodyAliases, bodyOf, canonicalBody, sameBody, type Body, type BodyAliases } from '../analysis/corpus/body';
import type { UnitGroup, UnitRef } from '../analysis/corpus';
import type { Text2 } from '../analysis/schema/tables';
import { pick, type Locale } from '../analysis/schema/locale';
import { LineIndex } from '../analysis/text/lines';
import { BASELINE_FILE } from './baseline';
import { CONFIG_FILE, emptyConfig, isPathName, readConfig, type ConfigProblem, type FolderConfig } from './settings';

/** A name in `units`: a report's path (resolved), or a body. */
interface UnitName {
  name: string;
  path?: string;
  body?: Body;
}

/** A path relative to a folder, with `/`, or undefined when it is not inside it. */
export function inside(dir: string, path: string): string | undefined {
  const rel = relative(dir, path);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** A matcher for `ignores`, as .gitignore reads its lines: a pattern without `/` names a file or folder at any depth; a folder matched ignores what is in it. */
function ignoreMatcher(patterns: readonly string[]): (rel: string) => boolean {
  if (!patterns.length) return () => false;
  const matchers = patterns.map((p) => {
    const trimmed = p.replace(/\/+$/, '');
    const anchored = trimmed.includes('/');
    return picomatch(trimmed.replace(/^\.?\/+/, ''), { dot: true, basename: !anchored });
  });
  return (rel) => {
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (matchers.some((m) => m(prefix))) return true;
    }
    return false;
  };
}

/** The settings that govern the reports under one folder: its `.govreport.json`, or none. */
export class FolderSettings {
  readonly config: FolderConfig;
  readonly problems: ConfigProblem[];
  /** The file's text, for the lines and columns of its problems. */
  readonly text: string;
  readonly aliases: BodyAliases;
  private readonly ignoredBy: (rel: string) => boolean;
  private readonly groups: { summary: UnitName; units: UnitName[] }[];

  /**
   * `file`: the settings file (absent: the defaults), and what was read of it.
   * `baseline`: the accepted findings' file that reports under it use (it may not exist yet).
   */
  constructor(
    readonly file: string | undefined,
    readonly baseline: string,
    source: { text: string } | { error: Text2 } = { text: '' },
  ) {
    this.text = 'text' in source ? source.text : '';
    const read =
      'error' in source
        ? { config: emptyConfig(), problems: [{ key: '', offset: 0, message: { zh: `${source.error.zh}；全部使用默认设置`, en: `${source.error.en}; every default is used` } }] }
        : file
          ? readConfig(source.text)
          : { config: emptyConfig(), problems: [] };
    this.config = read.config;
    this.problems = read.problems;
    this.aliases = bodyAliases(this.config.bodies);
    this.ignoredBy = ignoreMatcher(this.config.ignores);
    const dir = file ? dirname(file) : undefined;
    const unitName = (name: string): UnitName => {
      if (dir && isPathName(name)) return { name, path: resolve(dir, name) };
      const body = bodyOf(name);
      return { name, body: body && canonicalBody(body, this.aliases) };
    };
    this.groups = Object.entries(this.config.units).map(([summary, units]) => ({ summary: unitName(summary), units: units.map(unitName) }));
  }

  /** The folder of the settings file. */
  get dir(): string | undefined {
    return this.file ? dirname(this.file) : undefined;
  }

  /** A report the file's `ignores` leave out. */
  ignores(path: string): boolean {
    const rel = this.dir ? inside(this.dir, path) : undefined;
    return rel !== undefined && this.ignoredBy(rel);
  }

  /** Whether a report (its path, its body) is a summary report or a unit named in `units`: it keeps its tables' cells. */
  inUnits(path: string, body: Body | undefined): boolean {
    const named = (n: UnitName) => (n.path ? n.path === path : !!body && !!n.body && sameBody(n.body, body));
    return this.groups.some((g) => named(g.summary) || g.units.some(named));
  }

  /** The summary reports and their units, files named as the caller names them (`nameOf` a path). */
  unitGroups(nameOf: (path: string) => string): UnitGroup[] {
    const ref = (n: UnitName): UnitRef | undefined => (n.path ? { file: nameOf(n.path), name: n.name } : n.body ? { body: n.body, name: n.name } : undefined);
    return this.groups.flatMap((g) => {
      const summary = ref(g.summary);
      const units = g.units.flatMap((u) => ref(u) ?? []);
      return summary && units.length ? [{ summary, units }] : [];
    });
  }

  /** A problem of the file as one line for people: `.govreport.json:3:15: 「rules.subtotal」…`. */
  problemLines(locale: Locale, shownFile = this.file ?? CONFIG_FILE): string[] {
    const lines = new LineIndex(this.text);
    return this.problems.map((p) => {
      const at = lines.positionAt(p.offset);
      return `${shownFile}:${at.line + 1}:${at.character + 1}: ${pick(p.message, locale)}`;
    });
  }
}

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** More than any settings file needs: a larger one is said to be too large, not read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

function readText(path: string): { text: string } | { error: Text2 } {
  try {
    if (statSync(path).size > MAX_CONFIG_BYTES) return { error: { zh: '文件过大（超过 1 MB）', en: 'too large (over 1 MB)' } };
    return { text: readFileSync(path, 'utf8').replace(/^\ufeff/, '') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { error: { zh: `无法读取（${code}）`, en: `cannot be read (${code})` } };
  }
}

/**
 * The settings files found so far, by folder. `fallback`: where the accepted
 * findings go when neither a baseline nor a settings file is found up from a
 * report (the command line's current folder, the editor's workspace folder).
 */
export class SettingsStore {
  /** Folder → the nearest settings file and baseline file at or above it. */
  private readonly found = new Map<string, { config?: string; baseline?: string }>();
  private readonly loaded = new Map<string, FolderSettings>();

  /** `loaded`: called when a settings file has been read (not when one is found in the cache). */
  constructor(
    private readonly fallback: (path: string) => string = () => process.cwd(),
    private readonly onRead: () => void = () => undefined,
  ) {}

  private near(dir: string): { config?: string; baseline?: string } {
    const hit = this.found.get(dir);
    if (hit) return hit;
    const parent = dirname(dir);
    const above = parent === dir ? {} : this.near(parent);
    const config = join(dir, CONFIG_FILE);
    const baseline = join(dir, BASELINE_FILE);
    const here = { config: isFile(config) ? config : above.config, baseline: isFile(baseline) ? baseline : above.baseline };
    this.found.set(dir, here);
    return here;
  }

  /** The settings that govern the report at `path` (an absolute path). */
  forFile(path: string): FolderSettings {
    return this.forDir(dirname(path), path);
  }

  /** The settings that govern a folder's reports (`path`: one of them, for where a new baseline goes). */
  forDir(dir: string, path = join(dir, '.')): FolderSettings {
    const { config, baseline } = this.near(resolve(dir));
    const home = baseline ?? join(config ? dirname(config) : this.fallback(path), BASELINE_FILE);
    const key = `${config ?? ''}\0${home}`;
    let settings = this.loaded.get(key);
    if (!settings) {
      settings = new FolderSettings(config, home, config ? readText(config) : undefined);
      this.loaded.set(key, settings);
      if (config) this.onRead();
    }
    return settings;
  }

  /** Every settings file read so far. */
  all(): FolderSettings[] {
    return [...this.loaded.values()];
  }

  /** Forgets what was found and read: a settings or baseline file was created, changed or deleted. */
  clear(): void {
    this.found.clear();
    this.loaded.clear();
  }
}
