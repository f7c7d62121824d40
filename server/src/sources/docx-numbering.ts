/**
 * The numbers Word generates before numbered paragraphs: numbering.xml's
 * abstract numberings and their instances, counted as the document goes, and
 * the numbering paragraph styles carry (styles.xml).
 */
import { formatNumber } from './numbering-formats';
import { child, int, tags, val, type El } from './ooxml';

const MAX_LEVEL_TEXT = 64;

interface Level {
  start: number;
  format: string;
  text: string;
  pStyle?: string;
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();

  constructor(root: El | undefined) {
    const numbering = root && child(root, 'w:numbering');
    for (const el of tags(numbering)) {
      if (el.name === 'w:abstractNum') {
        const levels = new Map<number, Level>();
        for (const lvl of tags(el).filter((c) => c.name === 'w:lvl')) {
          levels.set(int(lvl.attribs['w:ilvl'], 0), {
            start: int(val(child(lvl, 'w:start')), 0),
            format: val(child(lvl, 'w:numFmt')) ?? 'decimal',
            // `%1、`, `（%2）`: a few characters; a longer one would be repeated before every paragraph.
            text: (val(child(lvl, 'w:lvlText')) ?? '').slice(0, MAX_LEVEL_TEXT),
            pStyle: val(child(lvl, 'w:pStyle')),
          });
        }
        this.abstracts.set(el.attribs['w:abstractNumId'], levels);
      } else if (el.name === 'w:num') {
        const starts = new Map<number, number>();
        for (const o of tags(el).filter((c) => c.name === 'w:lvlOverride')) {
          const s = child(o, 'w:startOverride');
          if (s) starts.set(int(o.attribs['w:ilvl'], 0), int(val(s), 0));
        }
        this.nums.set(el.attribs['w:numId'], { abstract: val(child(el, 'w:abstractNumId')) ?? '', starts });
      }
    }
  }

  /** The level a style's numbering stands at, when the style names none. */
  levelOfStyle(numId: string, styleId: string): number | undefined {
    const levels = this.abstracts.get(this.nums.get(numId)?.abstract ?? '');
    for (const [i, l] of levels ?? []) if (l.pStyle === styleId) return i;
    return undefined;
  }

  /** Counts a numbered paragraph and returns the label Word shows before it. */
  next(numId: string, ilvl: number): string {
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstract);
    const level = ilvl >= 0 && ilvl <= 8 ? levels?.get(ilvl) : undefined; // Word's nine levels
    if (!num || !levels || !level) return '';
    const counts = this.counters.get(numId) ?? [];
    const startOf = (i: number): number => num.starts.get(i) ?? levels.get(i)?.start ?? 0;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl] + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    if (level.format === 'bullet') return '';
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(counts[i] ?? startOf(i), levels.get(i)?.format ?? 'decimal');
    });
  }
}

export interface Style {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

export function readStyles(root: El | undefined): Map<string, Style> {
  const styles = new Map<string, Style>();
  for (const s of tags(root && child(root, 'w:styles'))) {
    if (s.name !== 'w:style' || s.attribs['w:type'] !== 'paragraph') continue;
    const numPr = child(child(s, 'w:pPr'), 'w:numPr');
    const ilvl = val(child(numPr, 'w:ilvl'));
    styles.set(s.attribs['w:styleId'], { basedOn: val(child(s, 'w:basedOn')), numId: val(child(numPr, 'w:numId')), ilvl: ilvl === undefined ? undefined : int(ilvl, 0) });
  }
  return styles;
}
