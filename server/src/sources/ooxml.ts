/** Small helpers over Word's XML (WordprocessingML) as the markup parser gives it. */
import type { MarkupNode } from './markup';

export type El = MarkupNode;

export const tags = (el: El | undefined): El[] => (el?.children ?? []).filter((c) => c.type === 'tag');
export const child = (el: El | undefined, name: string): El | undefined => tags(el).find((c) => c.name === name);
export const val = (el: El | undefined): string | undefined => el?.attribs['w:val'];
/** An on/off property: present and not turned off. */
export const on = (el: El | undefined): boolean => !!el && !['0', 'false', 'off'].includes(val(el) ?? '');
export const int = (s: string | undefined, dflt: number): number => {
  const n = parseInt(s ?? '', 10);
  return Number.isFinite(n) ? n : dflt;
};
