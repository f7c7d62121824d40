/** The user's settings (`govreport.*`), as the client sends them. */
import { CROSS_RULE_CODES, DEFAULT_THRESHOLDS, type Locale, type RatioThresholds, resolveLocale, RULE_CODES, type RuleSettings } from '../analysis';

export type RunMode = 'onType' | 'onSave';
/** Which reports are checked: the open ones, or every report of the workspace. */
export type Scope = 'open' | 'workspace';
export type { Locale };

export interface Settings {
  rules: RuleSettings;
  run: RunMode;
  /** The message language; `auto` follows the editor's display language. */
  locale: 'auto' | 'zh-CN' | 'en';
  scope: Scope;
  /** Where the reviewer's ratios mark a report as an outlier. */
  ratios: RatioThresholds;
}

export const DEFAULT_SETTINGS: Settings = { rules: {}, run: 'onType', locale: 'auto', scope: 'open', ratios: DEFAULT_THRESHOLDS };

/** A percentage from 0 to 100, or the default. */
function percent(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100 ? v : fallback;
}

const LEVELS = new Set(['off', 'error', 'warning', 'info', 'hint']);

/** Settings from whatever the client sent: unknown values fall back to the defaults. */
export function readSettings(raw: unknown): Settings {
  const s = (raw ?? {}) as Partial<Record<keyof Settings, unknown>>;
  const rules: RuleSettings = {};
  if (s.rules && typeof s.rules === 'object') {
    for (const code of [...RULE_CODES, ...CROSS_RULE_CODES]) {
      const v = (s.rules as Record<string, unknown>)[code];
      if (typeof v === 'string' && LEVELS.has(v)) rules[code] = v as RuleSettings[typeof code];
    }
  }
  return {
    rules,
    run: s.run === 'onSave' ? 'onSave' : 'onType',
    locale: s.locale === 'zh-CN' || s.locale === 'en' ? s.locale : 'auto',
    scope: s.scope === 'workspace' ? 'workspace' : 'open',
    ratios: {
      disclosureBelow: percent((s.ratios as Partial<RatioThresholds> | undefined)?.disclosureBelow, DEFAULT_THRESHOLDS.disclosureBelow),
      correctionAbove: percent((s.ratios as Partial<RatioThresholds> | undefined)?.correctionAbove, DEFAULT_THRESHOLDS.correctionAbove),
    },
  };
}

/** Chinese unless the user or the editor asks for English. */
export function localeOf(settings: Settings, editorLocale: string | undefined): Locale {
  return resolveLocale(settings.locale, editorLocale);
}
