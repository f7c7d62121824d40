/**
 * Code actions: the quick fixes at hand, and "fix all". A quick-fix request
 * (sent on every cursor move) costs what the fixes at hand cost; fix-all is
 * computed only when asked for: through `only: source.fixAll…` (on save), or
 * when the editor resolves the "fix all" entry of the quick-fix menu.
 * A fix is shown as preferred (safe) only after the text it makes has been
 * analysed again and shows no new finding.
 */
import { CodeActionKind, type CodeAction } from 'vscode-languageserver/node';
import { type AcceptedFinding, type Analysis, analyze, EDITOR_WORDS, type Finding, type Fix, fixAllEdits, pick, rewriteTableAt, verifyFix } from '../analysis';
import type { AcceptArgs } from './folders';
import * as lsp from './convert';
import type { Locale } from './settings';

export interface ActionScope {
  uri: string;
  text: string;
  analysis: Analysis;
  /** The findings as shown: the settings applied, the accepted ones as hints. */
  findings: Finding[];
  /** Those of `findings` that are accepted: "fix all" leaves them alone. */
  accepted: Set<Finding>;
  /** The findings that count in another text of the document (fix-all's later rounds). */
  visible(analysis: Analysis): Finding[];
  /** The baseline entry that would accept a finding (undefined: the report has no file). */
  entry(finding: Finding): AcceptedFinding | undefined;
  locale: Locale;
  docs: string;
}

/** What a "fix all" entry of the quick-fix menu carries until it is resolved. */
interface FixAllData {
  govreport: 'fixAll';
  uri: string;
}

export const isFixAllData = (data: unknown): data is FixAllData => (data as FixAllData | undefined)?.govreport === 'fixAll' && typeof (data as FixAllData).uri === 'string';

/**
 * Verifying costs an analysis of the document per fix: per request, at most
 * 8 fixes and 8 MB of text analysed (always one); the others are offered, not
 * preferred, until a request closer to them.
 */
const verifyBudget = (text: string) => Math.min(8, Math.max(1, Math.floor((8 * 1024 * 1024) / Math.max(1, text.length))));

/** Verdicts per fix object (a fix belongs to one analysis of one text). */
const verdicts = new WeakMap<Fix, boolean>();

function verified(scope: ActionScope, fix: Fix, budget: { left: number }): boolean {
  if (!fix.safe) return false;
  let verdict = verdicts.get(fix);
  if (verdict === undefined) {
    if (budget.left <= 0) return false;
    budget.left--;
    verdict = verifyFix(scope.text, scope.analysis.findings, fix, analyze);
    verdicts.set(fix, verdict);
  }
  return verdict;
}

/** The findings "fix all" works on: the accepted left alone. */
const counted = (scope: ActionScope): Finding[] => (scope.accepted.size ? scope.findings.filter((f) => !scope.accepted.has(f)) : scope.findings);

/** Does the client ask for fix-all (`source`, `source.fixAll` or ours)? */
export const wantsFixAll = (only: string[] | undefined): boolean =>
  !!only?.some((k) => lsp.FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source));

const fixAllTitle = (locale: Locale): string => pick(EDITOR_WORDS.fixAll, locale);

/** The edits of "fix all", verified round by round; undefined when there is nothing to do. */
export function fixAll(scope: ActionScope, kind: string = lsp.FIX_ALL_KIND): CodeAction | undefined {
  // Later rounds analyse the text as the earlier ones left it.
  const edits = fixAllEdits(scope.text, (t) => ({ findings: t === scope.text ? counted(scope) : scope.visible(analyze(t)) }));
  if (!edits.length) return undefined;
  return { title: fixAllTitle(scope.locale), kind, edit: { changes: { [scope.uri]: lsp.edits({ edits }, scope.analysis.report.lines) } } };
}

/**
 * The quick fixes of the findings between `start` and `end` (offsets); with
 * more than one safe fix in the document, a "fix all" entry too, left for the
 * editor to resolve (only an editor that can resolve gets it).
 */
export function quickFixes(scope: ActionScope, start: number, end: number, canResolve: boolean): CodeAction[] {
  const { lines } = scope.analysis.report;
  const actions: CodeAction[] = [];
  const budget = { left: verifyBudget(scope.text) };
  for (const f of scope.findings) {
    if (!f.fixes?.length || f.span.end < start || f.span.start > end) continue;
    const diag = lsp.diagnostic(f, lines, scope.uri, scope.locale, scope.docs);
    for (const fix of f.fixes) {
      const action = lsp.quickFix(fix, diag, lines, scope.uri, scope.locale);
      action.isPreferred = verified(scope, fix, budget);
      actions.push(action);
    }
  }
  if (actions.length && canResolve && moreThanOneSafeFix(counted(scope))) {
    const data: FixAllData = { govreport: 'fixAll', uri: scope.uri };
    actions.push({ title: fixAllTitle(scope.locale), kind: CodeActionKind.QuickFix, data });
  }
  return actions;
}

function moreThanOneSafeFix(findings: readonly Finding[]): boolean {
  let n = 0;
  for (const f of findings) if (f.fixes?.some((x) => x.safe) && ++n > 1) return true;
  return false;
}

/** Fills in the edits of a "fix all" entry when the editor picks it. */
export function resolveFixAll(action: CodeAction, scope: ActionScope | undefined): CodeAction {
  const computed = scope && fixAll(scope, CodeActionKind.QuickFix);
  return { ...action, edit: computed?.edit ?? { changes: {} } };
}

/**
 * "Accept this finding" (接受此问题) for each finding between `start` and
 * `end` not accepted yet: runs `command`, which writes it to the report's
 * baseline (.govreport-baseline.json).
 */
export function acceptActions(scope: ActionScope, start: number, end: number, command: string): CodeAction[] {
  const { lines } = scope.analysis.report;
  const title = pick(EDITOR_WORDS.accept, scope.locale);
  const actions: CodeAction[] = [];
  for (const f of scope.findings) {
    if (scope.accepted.has(f) || f.span.end < start || f.span.start > end) continue;
    const entry = scope.entry(f);
    if (!entry) continue;
    const args: AcceptArgs = { uri: scope.uri, entry };
    actions.push({
      title: pick(EDITOR_WORDS.acceptCode(f.code), scope.locale),
      kind: CodeActionKind.QuickFix,
      diagnostics: [lsp.diagnostic(f, lines, scope.uri, scope.locale, scope.docs)],
      command: { title, command, arguments: [args] },
    });
  }
  return actions;
}

/**
 * `textDocument/codeAction` between `start` and `end` (offsets): "fix all"
 * when `only` asks for it; else the quick fixes, "accept this finding" (its
 * `command`) and the table rewrite, each only where `only` allows its kind.
 */
export function codeActions(scope: ActionScope, start: number, end: number, only: string[] | undefined, canResolve: boolean, command: string): CodeAction[] {
  if (wantsFixAll(only)) {
    const action = fixAll(scope);
    return action ? [action] : [];
  }
  const wants = (kind: string) => !only || only.some((k) => kind.startsWith(k));
  const actions = quickFixes(scope, start, end, canResolve);
  if (wants(CodeActionKind.QuickFix)) actions.push(...acceptActions(scope, start, end, command));
  if (wants(CodeActionKind.RefactorRewrite)) {
    const { report } = scope.analysis;
    const rewrite = rewriteTableAt(report, scope.text, { start, end });
    if (rewrite) actions.push({ title: pick(rewrite.title, scope.locale), kind: CodeActionKind.RefactorRewrite, edit: { changes: { [scope.uri]: lsp.edits({ edits: [rewrite.edit] }, report.lines) } } });
  }
  return actions;
}
