/**
 * The reviewer's ratios, computed here once for the summary, the overview,
 * hovers, the preview and `govreport totals`:
 * 实质公开率 = (予以公开 + 部分公开) / （七）总计, and
 * 纠错率 = 结果纠正 / 总计 of 行政复议 and both kinds of 行政诉讼 together.
 * Percentages with one decimal; null where a figure is unknown or the divisor is 0.
 */
import type { Text2 } from '../schema/tables';
import type { Figures } from './totals';

export interface Ratio {
  /** Percent, rounded to one decimal; null when unknown or the divisor is 0. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface Ratios {
  disclosureRate: Ratio;
  correctionRate: Ratio;
}

export type RatioKey = keyof Ratios;
export const RATIO_KEYS: readonly RatioKey[] = ['disclosureRate', 'correctionRate'];

/** Where a ratio marks a report as an outlier (`govreport.ratios`), in percent. */
export interface RatioThresholds {
  /** 实质公开率 below this is an outlier. */
  disclosureBelow: number;
  /** 纠错率 above this is an outlier. */
  correctionAbove: number;
}

export const DEFAULT_THRESHOLDS: RatioThresholds = { disclosureBelow: 40, correctionAbove: 15 };

export const RATIO_NAMES: Record<RatioKey, Text2> = {
  disclosureRate: { zh: '实质公开率', en: 'substantive disclosure rate' },
  correctionRate: { zh: '纠错率', en: 'correction rate' },
};

function sum(...values: (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + v!, 0);
}

function ratio(numerator: number | null, denominator: number | null): Ratio {
  const value = numerator === null || denominator === null || denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;
  return { value, numerator, denominator };
}

export function ratiosOf(f: Figures): Ratios {
  return {
    disclosureRate: ratio(sum(f.disclosed, f.partly), f.closed),
    correctionRate: ratio(f.corrected, sum(f.reconsideration, f.lawsuitsDirect, f.lawsuitsAfter)),
  };
}

/** `47.0%`, or '' for none. */
export function shownPercent(value: number | null): string {
  return value === null ? '' : `${value.toFixed(1)}%`;
}

/** Whether a ratio's value (as shown, one decimal) lies beyond its threshold. */
export function isOutlier(key: RatioKey, value: number | null, t: RatioThresholds): boolean {
  if (value === null) return false;
  return key === 'disclosureRate' ? value < t.disclosureBelow : value > t.correctionAbove;
}

/** What the threshold says: `低于 40%` / `below 40%`. */
export function thresholdText(key: RatioKey, t: RatioThresholds): Text2 {
  return key === 'disclosureRate'
    ? { zh: `低于 ${t.disclosureBelow}%`, en: `below ${t.disclosureBelow}%` }
    : { zh: `高于 ${t.correctionAbove}%`, en: `above ${t.correctionAbove}%` };
}

/**
 * A ratio with how it was computed, for hovers, the preview and `totals`:
 * `实质公开率 59.5%（予以公开与部分公开 1816 ÷ （七）总计 3050）`.
 */
export function describeRatio(key: RatioKey, r: Ratio): Text2 {
  const name = RATIO_NAMES[key];
  const [top, bottom] =
    key === 'disclosureRate'
      ? [{ zh: '予以公开与部分公开', en: 'disclosed and partly disclosed' }, { zh: '（七）总计', en: 'total handled' }]
      : [{ zh: '结果纠正', en: 'corrected' }, { zh: '复议和诉讼总计', en: 'reconsideration and lawsuits in all' }];
  if (r.value === null) {
    const why = r.denominator === 0 ? { zh: `${bottom.zh}为 0`, en: `${bottom.en} is 0` } : { zh: '表中数字未能确定', en: 'the figures could not be read with certainty' };
    return { zh: `${name.zh}：无（${why.zh}）`, en: `${capital(name.en)}: none (${why.en})` };
  }
  return {
    zh: `${name.zh} ${shownPercent(r.value)}（${top.zh} ${r.numerator} ÷ ${bottom.zh} ${r.denominator}）`,
    en: `${capital(name.en)} ${shownPercent(r.value)} (${top.en} ${r.numerator} ÷ ${bottom.en} ${r.denominator})`,
  };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
