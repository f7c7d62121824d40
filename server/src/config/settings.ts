/**
 * The folder's settings file, `.govreport.json` (JSON with comments): what it
 * may hold, and reading it. A file that is not JSON gives every default; a
 * key whose value is wrong gives that key's default; each is said once, with
 * the key named and where it stands, and checking goes on.
 */
import { getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { CROSS_RULE_CODES, RULE_CODES, type RuleSettings } from '../analysis';
import { bodyOf } from '../analysis/corpus/body';
import type { Text2 } from '../analysis/schema/tables';
import { isReportName } from '../inputs/names';
import { parseErrorText } from './parse-errors';

export const CONFIG_FILE = '.govreport.json';

export const LEVELS = ['off', 'error', 'warning', 'info', 'hint'] as const;
export const CONFIG_LOCALES = ['zh-CN', 'en'] as const;

/** Where the reviewer's ratios mark a report as an outlier, in per cent (as the editor's `govreport.ratios`). */
export interface ConfigRatios {
  /** 实质公开率 below this. */
  disclosureBelow: number;
  /** 纠错率 above this. */
  correctionAbove: number;
}
export const RATIO_KEYS = ['disclosureBelow', 'correctionAbove'] as const;

export interface FolderConfig {
  /** Per rule code: off, or a severity. */
  rules: RuleSettings;
  locale?: (typeof CONFIG_LOCALES)[number];
  /** Files not to check: globs relative to the file's folder. */
  ignores: string[];
  /** Other names of bodies: canonical name → other names. */
  bodies: Record<string, string[]>;
  /** The ratio thresholds the file sets (the others are the editor's or the defaults). */
  ratios: Partial<ConfigRatios>;
  /** Summary report (a path or a body name) → its units (paths or body names). */
  units: Record<string, string[]>;
}

/** Nothing set: every default. */
export const emptyConfig = (): FolderConfig => ({ rules: {}, ignores: [], bodies: {}, ratios: {}, units: {} });

export interface ConfigProblem {
  /** The key, as a path: `rules.subtotal`; '' for the file as a whole. */
  key: string;
  /** Where it stands in the file (0-based offset). */
  offset: number;
  message: Text2;
}

const KEYS = ['rules', 'locale', 'ignores', 'bodies', 'ratios', 'units'] as const;
const RULES: readonly string[] = [...RULE_CODES, ...CROSS_RULE_CODES];

const list = (items: readonly string[], zh: boolean) => items.join(zh ? '、' : ', ');
const shown = (node: Node) => JSON.stringify(getNodeValue(node));

/** A problem with a key's value: its default is used. */
function wrong(key: string, node: Node, zh: string, en: string): ConfigProblem {
  return { key, offset: node.offset, message: { zh: `「${key}」${zh}；此项使用默认值`, en: `"${key}" ${en}; its default is used` } };
}

const KIND_NAMES: Record<string, Text2> = {
  object: { zh: '对象 { … }', en: 'an object { … }' },
  array: { zh: '数组 [ … ]', en: 'an array [ … ]' },
  string: { zh: '字符串', en: 'a string' },
  number: { zh: '数字', en: 'a number' },
};

function expect(key: string, node: Node, type: keyof typeof KIND_NAMES): ConfigProblem | undefined {
  if (node.type === type) return undefined;
  return wrong(key, node, `应为${KIND_NAMES[type].zh}，而不是 ${shown(node)}`, `should be ${KIND_NAMES[type].en}, not ${shown(node)}`);
}

/** The members of an object: each one's key node, name and value. */
function* members(node: Node): Generator<[Node, string, Node]> {
  for (const prop of node.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (keyNode && value) yield [keyNode, String(keyNode.value), value];
  }
}

/** A member `key` has no place for (`name` what it holds: 规则 / rule): ignored. */
function unknown(key: string, at: Node, name: string, known: readonly string[], what: Text2 = { zh: '', en: '' }): ConfigProblem {
  const inside = key ? { zh: `「${key}」中没有${what.zh}「${name}」`, en: `"${key}" has no ${what.en}"${name}"` } : { zh: `没有设置项「${name}」`, en: `there is no setting "${name}"` };
  const use = known.length <= 8 ? { zh: `（可用：${list(known, true)}）`, en: ` (use ${list(known, false)})` } : { zh: '', en: '' };
  return { key: key ? `${key}.${name}` : name, offset: at.offset, message: { zh: `${inside.zh}${use.zh}，已忽略`, en: `${inside.en}${use.en}; ignored` } };
}

/** `{name: [names…]}` (bodies, units): each entry checked apart. */
function namesMap(key: string, node: Node, problems: ConfigProblem[], check?: (name: string, at: Node) => ConfigProblem | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const bad = expect(key, node, 'object');
  if (bad) return problems.push(bad), out;
  for (const [nameNode, name, value] of members(node)) {
    const at = `${key}.${name}`;
    if (value.type !== 'array' || !value.children?.every((c) => c.type === 'string' && String(c.value).trim())) {
      problems.push(wrong(at, value, `应为名称的数组，如 ["名称一", "名称二"]，而不是 ${shown(value)}`, `should be an array of names, like ["one", "two"], not ${shown(value)}`));
      continue;
    }
    const names = value.children.map((c) => String(c.value).trim());
    const problem = check?.(name, nameNode) ?? value.children.map((c, i) => check?.(names[i], c)).find(Boolean);
    if (problem) problems.push(problem);
    else out[name.trim()] = names;
  }
  return out;
}

/** A name in `units` that is a report's path (a report's extension, or a folder in it), not a body's name. */
export const isPathName = (name: string): boolean => isReportName(name) || /[\\/]/.test(name);

const notUnit = (key: string) => (name: string, at: Node) =>
  isPathName(name) || bodyOf(name) ? undefined : wrong(key, at, `中的「${name}」既不是报告文件的路径，也不是机关名称`, `: "${name}" is neither a report's path nor a body's name`);

const notBody = (key: string) => (name: string, at: Node) =>
  bodyOf(name) ? undefined : wrong(key, at, `中的「${name}」不是机关名称`, `: "${name}" names no body`);

/** Reads the file's text: its settings, and what was wrong in it. */
export function readConfig(text: string): { config: FolderConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || !text.trim()) {
    return { config: emptyConfig(), problems: [{ key: '', offset: 0, message: { zh: '文件中没有设置（应为一个对象 { … }）；全部使用默认设置', en: 'the file holds no settings (it should be an object { … }); every default is used' } }] };
  }
  if (errors.length) {
    const what = parseErrorText(errors[0].error);
    return { config: emptyConfig(), problems: [{ key: '', offset: errors[0].offset, message: { zh: `不是有效的 JSON（${what.zh}）；全部使用默认设置`, en: `not valid JSON (${what.en}); every default is used` } }] };
  }
  const problems: ConfigProblem[] = [];
  if (root.type !== 'object') {
    return { config: emptyConfig(), problems: [{ key: '', offset: root.offset, message: { zh: '应为一个对象 { … }；全部使用默认设置', en: 'should be an object { … }; every default is used' } }] };
  }
  const config = emptyConfig();
  for (const [keyNode, key, value] of members(root)) {
    if (key === '$schema') continue;
    switch (key) {
      case 'rules': {
        const bad = expect(key, value, 'object');
        if (bad) {
          problems.push(bad);
          break;
        }
        for (const [codeNode, code, level] of members(value)) {
          if (!RULES.includes(code)) {
            problems.push(unknown(key, codeNode, code, RULES, { zh: '规则', en: 'rule ' }));
          } else if (level.type !== 'string' || !(LEVELS as readonly string[]).includes(String(level.value))) {
            problems.push(wrong(`rules.${code}`, level, `应为 ${list(LEVELS, true)} 之一，而不是 ${shown(level)}`, `should be one of ${list(LEVELS, false)}, not ${shown(level)}`));
          } else {
            config.rules[code as keyof RuleSettings] = level.value as (typeof LEVELS)[number];
          }
        }
        break;
      }
      case 'locale':
        if (value.type === 'string' && (CONFIG_LOCALES as readonly string[]).includes(String(value.value))) config.locale = value.value as FolderConfig['locale'];
        else problems.push(wrong(key, value, `应为 ${list(CONFIG_LOCALES, true)} 之一，而不是 ${shown(value)}`, `should be one of ${list(CONFIG_LOCALES, false)}, not ${shown(value)}`));
        break;
      case 'ignores': {
        const bad = expect(key, value, 'array') ?? value.children?.filter((c) => c.type !== 'string' || !String(c.value).trim()).map((c) => wrong(key, c, `应为 glob 字符串的数组，其中 ${shown(c)} 不是`, `should be an array of glob strings; ${shown(c)} is not one`))[0];
        if (bad) problems.push(bad);
        else config.ignores = value.children!.map((c) => String(c.value).trim());
        break;
      }
      case 'bodies':
        config.bodies = namesMap(key, value, problems, notBody(key));
        break;
      case 'ratios': {
        const bad = expect(key, value, 'object');
        if (bad) {
          problems.push(bad);
          break;
        }
        for (const [nameNode, name, n] of members(value)) {
          if (!(RATIO_KEYS as readonly string[]).includes(name)) {
            problems.push(unknown(key, nameNode, name, RATIO_KEYS));
          } else if (n.type !== 'number' || !(Number(n.value) >= 0 && Number(n.value) <= 100)) {
            problems.push(wrong(`ratios.${name}`, n, `应为 0 至 100 的百分数，而不是 ${shown(n)}`, `should be a percentage from 0 to 100, not ${shown(n)}`));
          } else {
            config.ratios[name as (typeof RATIO_KEYS)[number]] = Number(n.value);
          }
        }
        break;
      }
      case 'units':
        config.units = namesMap(key, value, problems, notUnit(key));
        break;
      default:
        problems.push(unknown('', keyNode, key, KEYS));
    }
  }
  return { config, problems };
}
