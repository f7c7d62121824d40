/**
 * Is a text a report at all? For walking a folder: a `notes.txt` beside the
 * reports should be left alone, not told it lacks six parts. A report shows
 * what it is near its start: a title naming 政府信息公开 and 年度报告, or the
 * standard part headings. Only the start is read, so that this stays cheap on
 * large files; the test is generous, since a report skipped is a report not
 * checked. Reports are written in Chinese: a text about them in another
 * language (a readme, a manual quoting a title) is not one.
 */
import { PARTS } from '../schema/parts';

/** How much of the start of a text is looked at. */
const HEAD = 10_000;

const TITLE_SUBJECT = /政府信息公开|政务公开|信息公开/;
const TITLE_KIND = /年度报告|年报|工作报告/;
/** The part titles and their known variants, but not the short ones any notes might hold (总体情况, 其他事项). */
const PART_TITLES = PARTS.flatMap((p) => [p.title, ...p.variants]).filter((t) => t.length >= 6);

/** More Chinese characters than Latin letters (reports quote a few: PDF, Word, a URL). */
function mostlyChinese(head: string): boolean {
  // Counted without a string per character (this runs on every text file a folder's check finds).
  let latin = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) latin++;
  }
  const hanText = head.replace(NOT_HAN, '');
  // Characters, not UTF-16 units: a Han character beyond the BMP is two.
  let han = hanText.length;
  for (let i = 0; i < hanText.length; i++) if (hanText.charCodeAt(i) >= 0xd800 && hanText.charCodeAt(i) <= 0xdbff) han--;
  return han >= latin;
}

const NOT_HAN = /\P{Script=Han}+/gu;

export function looksLikeReport(text: string): boolean {
  const head = text.slice(0, HEAD).replace(/\s+/g, '');
  if (!mostlyChinese(head)) return false;
  if (TITLE_SUBJECT.test(head) && TITLE_KIND.test(head)) return true;
  let parts = 0;
  for (const title of PART_TITLES) if (head.includes(title) && ++parts >= 2) return true;
  return false;
}
