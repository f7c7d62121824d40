/**
 * The two languages GovReport speaks, Chinese first and English a complete
 * translation: every text the library gives is a `Text2`, and every door
 * picks from it with `pick`.
 */
import type { Text2 } from './tables';

/** The language of what is shown: the editor, the server and the pages say `zh` or `en`. */
export type Locale = 'zh' | 'en';
/** The same as a language tag, as the command line's `--locale` and the summaries write it. */
export type LocaleTag = 'zh-CN' | 'en';

/**
 * The language shown: the setting's (`zh-CN`, `en`), or with `auto` the
 * editor's display language: Chinese unless the editor speaks another.
 */
export function resolveLocale(setting: string | undefined, editorLanguage: string | undefined): Locale {
  if (setting === 'en') return 'en';
  if (setting === 'zh-CN') return 'zh';
  return editorLanguage && !editorLanguage.toLowerCase().startsWith('zh') ? 'en' : 'zh';
}

/** `text` in `locale`: English for `en`, Chinese otherwise. */
export function pick(text: Text2, locale: Locale | LocaleTag): string {
  return locale === 'en' ? text.en : text.zh;
}
