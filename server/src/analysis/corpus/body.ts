/**
 * The body (机关) a report is by, from its title: 淮安市洪泽区人民政府 and
 * 洪泽区人民政府 are one body. The name is cut into leading places (省, 市,
 * 区, 县 …); the innermost place and what follows is the key, the outer places
 * are kept so that 淮安市洪泽区 and another city's 洪泽区 stay apart.
 */

export interface Body {
  /** The name as the title writes it, spaces removed. */
  name: string;
  /** The innermost place and the agency (洪泽区人民政府). */
  key: string;
  /** The places before it, outermost first (江苏省, 淮安市). */
  outer: string[];
}

const TITLE_WORDS = /(政府信息公开工作年度报告|政府信息公开年度报告|政务公开工作年度报告)/;
/** A place: two to eight characters ending in an administrative unit. */
const PLACE = /^(.{2,8}?(?:特别行政区|自治区|自治州|自治县|地区|省|市|州|盟|区|县|旗))/u;

/** The body named in a title, or undefined when the title names none. */
export function bodyOf(title: string): Body | undefined {
  const at = title.search(TITLE_WORDS);
  let name = (at >= 0 ? title.slice(0, at) : title).replace(/\s+/g, '');
  // The year and its words: 2023年, 2023年度, （2023年）, 关于…的.
  name = name.replace(/[（(]?(19|20)\d{2}年度?[)）]?/g, '').replace(/^关于/, '').replace(/(的|年度)+$/, '');
  name = name.replace(/[《》“”"「」]/g, '');
  if (name.length < 2) return undefined;
  const places: string[] = [];
  let rest = name;
  // A name may end with its place (2023年淮安市洪泽区政府信息公开…): the government of it.
  for (let m = PLACE.exec(rest); m; m = PLACE.exec(rest)) {
    places.push(m[1]);
    rest = rest.slice(m[1].length);
  }
  // 洪泽区, 洪泽区政府 and 洪泽区人民政府 are the district's government.
  if (rest === '' || rest === '政府') rest = '人民政府';
  if (!places.length) return { name, key: rest, outer: [] };
  return { name, key: places[places.length - 1] + rest, outer: places.slice(0, -1) };
}

/** One body: the same key, and outer places that do not contradict each other. */
export function sameBody(a: Body, b: Body): boolean {
  if (a.key !== b.key) return false;
  const [short, long] = a.outer.length <= b.outer.length ? [a.outer, b.outer] : [b.outer, a.outer];
  // The shorter list is the longer one's innermost places (淮安市 ⊂ 江苏省淮安市).
  return short.every((p, i) => long[long.length - short.length + i] === p);
}

/** Other names of bodies, each to be taken for its canonical name (a county become a district, a bureau renamed). */
export type BodyAliases = readonly { canonical: Body; names: readonly Body[] }[];

/**
 * Aliases from `{canonical: [other names]}`, each name read as a title's body
 * is (洪泽区政府 is 洪泽区人民政府); names that name no body are left out.
 */
export function bodyAliases(names: Readonly<Record<string, readonly string[]>>): BodyAliases {
  const out: { canonical: Body; names: Body[] }[] = [];
  for (const [canonical, others] of Object.entries(names)) {
    const body = bodyOf(canonical);
    if (!body) continue;
    out.push({ canonical: body, names: others.flatMap((n) => bodyOf(n) ?? []) });
  }
  return out;
}

/**
 * The body under its canonical name when an alias names it: the name as
 * written stays, the key and places become the canonical one's (its own
 * places kept when the canonical name has none).
 */
export function canonicalBody(body: Body, aliases: BodyAliases): Body {
  for (const alias of aliases) {
    if (!alias.names.some((n) => sameBody(n, body))) continue;
    return { name: body.name, key: alias.canonical.key, outer: alias.canonical.outer.length ? alias.canonical.outer : body.outer };
  }
  return body;
}
