/** The user's settings (`govreport.*`), as the client sends them. */
import { CROSS_RULE_CODES, RULE_CODES, type RuleSettings } from '../analysis';

export type RunMode = 'onType' | 'onSave';
/** Which reports are checked: the open ones, or every report of the workspace. */
export type Scope = 'open' | 'workspace';
export type Locale = 'zh' | 'en';

export interface Settings {
  rules: RuleSettings;
  run: RunMode;
  /** The message language; `auto` follows the editor's display language. */
  locale: 'auto' | 'zh-CN' | 'en';
  scope: Scope;
}

export const DEFAULT_SETTINGS: Settings = { rules: {}, run: 'onType', locale: 'auto', scope: 'open' };

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
  };
}

/** Chinese unless the user or the editor asks for English. */
export function resolveLocale(settings: Settings, editorLocale: string | undefined): Locale {
  if (settings.locale !== 'auto') return settings.locale === 'en' ? 'en' : 'zh';
  return editorLocale && !editorLocale.toLowerCase().startsWith('zh') ? 'en' : 'zh';
}
