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

/** `text` in `locale`: English for `en`, Chinese otherwise. */
export function pick(text: Text2, locale: Locale | LocaleTag): string {
  return locale === 'en' ? text.en : text.zh;
}
