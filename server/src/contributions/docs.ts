/**
 * The rules' documentation, written from the rule modules (each carries its
 * own, in Chinese and English) by `npm run docs`: docs/rules/<code>.md, and the
 * rule sections of README.md and README.marketplace.md between their marker
 * comments. A test fails when the committed files differ from what this writes.
 */
import { CORPUS_RULES, docMarkdown, RULES, type RuleDoc, type Severity } from '../analysis';

interface Documented {
  code: string;
  severity: Severity;
  doc: RuleDoc;
}

/** The READMEs whose rule sections are written here. */
export const READMES = ['README.md', 'README.marketplace.md'] as const;

const rules: readonly Documented[] = RULES;
const crossRules: readonly Documented[] = CORPUS_RULES;

const table = (all: readonly Documented[]) =>
  ['| code | default | what it checks |', '|---|---|---|', ...all.map((r) => `| [\`${r.code}\`](#${r.code}) | ${r.severity} | ${r.doc.checks} |`)].join('\n');

const sections = (all: readonly Documented[]) => all.map((r) => `### ${r.code}\n\n${docMarkdown(r.doc)}`).join('\n\n');

/** Each generated region of a README, by the name its markers carry. */
const REGIONS: Record<string, () => string> = {
  'rules-table': () => table([...rules, ...crossRules]),
  rules: () => sections(rules),
  'cross-rules': () => sections(crossRules),
};

const marker = (name: string) => `<!-- ${name}: generated from the rule modules by \`npm run docs\`; edit them, not this -->`;
const end = (name: string) => `<!-- end of ${name} -->`;

/** `readme` with each region between its markers written anew; a region whose markers are absent is an error, not a silent skip. */
export function fillReadme(file: string, readme: string): string {
  let out = readme;
  for (const [name, render] of Object.entries(REGIONS)) {
    const start = out.indexOf(marker(name));
    const stop = out.indexOf(end(name));
    if (start < 0 || stop < start) throw new Error(`${file}: no "${marker(name)}" … "${end(name)}" region`);
    out = `${out.slice(0, start + marker(name).length)}\n\n${render()}\n\n${out.slice(stop)}`;
  }
  return out;
}

function rulePage(r: Documented): string {
  return `# ${r.code}\n\n默认级别 · Default severity: **${r.severity}**\n\n${docMarkdown(r.doc)}\n\n[全部规则 · All rules](../../README.md#rules)\n`;
}

/** Every generated file by its path, from the READMEs as they are (`read` gives a file's text). */
export function docFiles(read: (file: string) => string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of READMES) files[file] = fillReadme(file, read(file));
  for (const r of [...rules, ...crossRules]) files[`docs/rules/${r.code}.md`] = rulePage(r);
  return files;
}
