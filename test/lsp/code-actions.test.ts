/**
 * Code actions as the editor asks for them: a quick-fix request (sent on
 * every cursor move) does not compute "fix all"; fix-all comes when asked for
 * (`only: source.fixAll`) or when the editor resolves its menu entry; a fix is
 * preferred (and taken by fix-all) only when the text it makes shows no new
 * finding.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIXTURES } from '../support/fixtures';
import { TestClient } from '../support/lsp';
import { SKIP_SHARED, sharedText } from '../support/shared';

const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x', 'govreport', 1, text), edits);
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const at = (line: number, character: number): Range => ({ start: { line, character }, end: { line, character } });

describe('code actions', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ resolveActions: true });
  });
  after(async () => {
    await client.stop();
  });

  const quickFixes = (uri: string, range: Range, diagnostics: Diagnostic[] = []) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  const fixAll = async (uri: string) =>
    (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: at(0, 0), context: { diagnostics: [], only: ['source.fixAll.govreport'] } }))[0];

  it('a quick-fix request returns the fixes at hand; "fix all" only as an entry resolved on demand', async () => {
    const uri = 'file:///actions/markdown.report.txt';
    const text = fixture('markdown.report.txt');
    const opened = await client.open(uri, text);
    const blank = opened.diagnostics.find((d) => d.code === 'empty-cell')!;
    const actions = await quickFixes(uri, blank.range, [blank]);
    assert.ok(!actions.some((a) => a.kind?.startsWith('source')), 'no source.fixAll action in a quick-fix request');
    const fill = actions.find((a) => a.diagnostics?.[0]?.code === 'empty-cell')!;
    assert.equal(fill.isPreferred, true, 'a verified fix is preferred');
    const entry = actions.find((a) => !a.diagnostics);
    assert.ok(entry, 'a "fix all" entry');
    assert.equal(entry.edit, undefined, 'its edits are not computed with the menu');
    const resolved = await client.request<CodeAction>('codeAction/resolve', entry);
    const asked = await fixAll(uri);
    assert.deepEqual(resolved.edit, asked.edit, 'resolved, it makes the same edits as fix-all');
    assert.ok(asked.edit!.changes![uri].length >= 2);
    await client.close(uri);
  });

  it('an editor that cannot resolve gets no "fix all" entry among the quick fixes', async () => {
    const plain = await TestClient.start();
    try {
      const uri = 'file:///actions/plain.report.txt';
      const opened = await plain.open(uri, fixture('markdown.report.txt'));
      const blank = opened.diagnostics.find((d) => d.code === 'empty-cell')!;
      const actions = await plain.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: blank.range, context: { diagnostics: [blank] } });
      assert.ok(actions.length >= 1);
      // Each a fix, or the finding accepted (a command that writes the baseline).
      assert.ok(actions.every((a) => a.diagnostics?.length && (a.edit || a.command?.command === 'govreport.acceptFinding')), 'only the fixes of the findings at hand');
      assert.ok(!actions.some((a) => a.kind === 'quickfix' && !a.diagnostics), 'no "fix all" entry');
    } finally {
      await plain.stop();
    }
  });

  /** The fill of a blank total that makes the prose contradict the table: not safe, whatever the rule thought. */
  const unsafeFill = async (uri: string, text: string, line: number, character: number) => {
    const opened = await client.open(uri, text);
    const blank = opened.diagnostics.find((d) => d.code === 'empty-cell' && d.range.start.line === line && d.range.start.character === character);
    assert.ok(blank, 'the blank total is reported');
    const fill = (await quickFixes(uri, blank.range, [blank])).find((a) => a.diagnostics?.[0]?.code === 'empty-cell' && a.diagnostics[0].range.start.character === character);
    assert.ok(fill, '"填写 0" is still offered');
    assert.equal(fill.title, '填写 0');
    assert.equal(fill.isPreferred, false, 'but not as preferred: it brings a new finding');
    const filled = apply(text, fill.edit!.changes![uri]);
    const probe = `${uri}.filled`;
    const after = await client.open(probe, filled);
    const before = opened.diagnostics.filter((d) => d.code === 'narrative-mismatch').map((d) => d.message);
    assert.ok(after.diagnostics.some((d) => d.code === 'narrative-mismatch' && !before.includes(d.message)), 'filled, the prose contradicts the table');
    await client.close(probe);

    const all = await fixAll(uri);
    const edits = all.edit!.changes![uri];
    assert.ok(edits.length > 0);
    assert.ok(!edits.some((e) => e.range.start.line === line && e.range.start.character === character), 'fix-all leaves that cell');
    const fixed = await client.open(`${uri}.fixed`, apply(text, edits));
    // Known: the same words, or the same rule on the same line (fills add no line; a message may change its count of blanks).
    const known = new Set(opened.diagnostics.flatMap((d) => [`${d.code}:${d.message}`, `${d.code}@${d.range.start.line}`]));
    const fresh = fixed.diagnostics.filter((d) => !known.has(`${d.code}:${d.message}`) && !known.has(`${d.code}@${d.range.start.line}`));
    assert.deepEqual(fresh, [], 'fix-all brings no new finding');
    await client.close(`${uri}.fixed`);
    await client.close(uri);
  };

  it('a fill that would make the prose contradict the table is neither preferred nor in fix-all (project fixture)', async () => {
    await unsafeFill('file:///actions/fill.report.txt', fixture('fixes/fill-brings-narrative-mismatch.txt'), 37, 65);
  });

  it('the same in a real report: shanghai, line 84 with -3', { skip: SKIP_SHARED }, async () => {
    const lines = sharedText('corpus', 'shanghai-office-2019-markdown.txt').split('\n');
    lines[83] = lines[83].replace('| 3 |', '| -3 |');
    await unsafeFill('file:///actions/shanghai.report.txt', lines.join('\n'), 83, 52);
  });
});
