/**
 * The editor's everyday input: a report typed in, then its application table
 * replaced by one pasted from Word or Excel (tab-separated rows, merged cells
 * empty) in a single change. The server must keep the report's findings: the
 * same arithmetic, the same totals above the table, and no table-shape.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ARITHMETIC_CODES, type RuleCode } from '../../server/src/analysis';
import { LineIndex } from '../../server/src/analysis/text/lines';
import { fixtureText } from '../support/fixtures';
import { TestClient, type Published } from '../support/lsp';
import { applicationLines, pastedCases, pastedTable } from '../support/pasted';
import { relayout } from '../support/relayout';
import { SKIP_SHARED } from '../support/shared';

const arithmetic = (p: Published): string[] =>
  p.diagnostics
    .filter((d: Diagnostic) => ARITHMETIC_CODES.includes(d.code as RuleCode))
    .map((d) => `${d.code} ${d.message}`)
    .sort();

const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x', 'govreport', 1, text), edits);

describe('a pasted application table', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  for (const [name, seed] of [['markdown.report.txt', 5], ['cells.report.txt', 7]] as const) {
    it(`${name}: typed in, then its application table pasted as tab rows, keeps its findings`, async () => {
      const uri = `file:///pasted/${name}`;
      const text = fixtureText(name);
      // Typed in: the text arrives in pieces, a change per few lines, as the user writes.
      await client.open(uri, '');
      const lines = text.split('\n');
      let typed = new LineIndex('');
      let last: Published | undefined;
      for (let i = 0; i < lines.length; i += 12) {
        const piece = lines.slice(i, i + 12).join('\n') + (i + 12 < lines.length ? '\n' : '');
        const end = typed.positionAt(typed.text.length);
        last = await client.change(uri, [{ range: { start: end, end }, text: piece }]);
        typed = new LineIndex(typed.text + piece);
      }
      assert.equal(typed.text, text);
      const before = last!;
      // Both reports carry sums that fail: the findings to keep.
      assert.ok(arithmetic(before).length > 0, 'the typed report’s sums are checked');
      const lensesBefore = (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).map((l) => l.command!.title);

      // One change: the application table's lines replaced by the same figures pasted from a table.
      const pasted = relayout(text, seed, { only: 'tabs', kinds: ['application'] });
      assert.deepEqual(pasted.layouts, [{ kind: 'application', layout: 'tabs' }]);
      const edit = pasted.edits[0];
      assert.ok(edit.text.includes('\t'), 'tab-separated rows');
      const after = await client.change(uri, [{ range: { start: typed.positionAt(edit.start), end: typed.positionAt(edit.end) }, text: edit.text }]);

      assert.deepEqual(arithmetic(after), arithmetic(before), 'the same arithmetic findings');
      assert.deepEqual(
        after.diagnostics.filter((d) => d.code === 'table-shape').map((d) => d.message),
        [],
        'the pasted table is read: no table-shape',
      );
      const lensesAfter = (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).map((l) => l.command!.title);
      assert.deepEqual(lensesAfter, lensesBefore, 'the same totals above each table');
      await client.close(uri);
    });
  }
});

describe('a seed’s application table pasted from Word or a browser, then rewritten and formatted', { skip: SKIP_SHARED }, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  for (const name of ['004.word-breaks', '002.browser']) {
    it(`${name}: the pasted table keeps the findings; the rewrite and Format Document keep them too`, async () => {
      const c = pastedCases().find((x) => x.name === name)!;
      const uri = `file:///pasted/${name}.txt`;
      const before = await client.open(uri, c.original);
      assert.ok(arithmetic(before).length > 0, 'the planted defect is found in the seed as written');
      const lines = new LineIndex(c.original);
      const at = applicationLines(c.original);
      const table = pastedTable(name);
      const pasted = await client.change(uri, [{ range: { start: lines.positionAt(at.start), end: lines.positionAt(at.end) }, text: table }]);
      let text = c.original.slice(0, at.start) + table + c.original.slice(at.end);
      assert.equal(text, c.text);
      assert.deepEqual(arithmetic(pasted), arithmetic(before), 'the same arithmetic findings');
      assert.deepEqual(pasted.diagnostics.filter((d) => d.code === 'table-shape').map((d) => d.message), [], 'no table-shape');

      // The rewrite offered on the pasted table's first line (a browser's copy begins with a blank one).
      const first = new LineIndex(text).positionAt(at.start + table.length - table.trimStart().length);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: first, end: first }, context: { diagnostics: [] } });
      const rewrite = actions.find((a) => a.kind === 'refactor.rewrite');
      assert.ok(rewrite?.edit?.changes?.[uri], 'the table rewrite is offered');
      text = apply(text, rewrite.edit.changes[uri]);
      const rewritten = await client.change(uri, [{ text }]);
      assert.match(text, /^\| 三、本年度办理结果 +\| （一）予以公开 +\|/m, 'a Markdown table');
      assert.deepEqual(arithmetic(rewritten), arithmetic(before), 'the same findings after the rewrite');
      assert.deepEqual(rewritten.diagnostics.filter((d) => d.code === 'table-shape').map((d) => d.message), []);

      // Format Document then changes nothing the checker reads.
      const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      const formatted = await client.change(uri, [{ text: apply(text, edits) }]);
      assert.deepEqual(arithmetic(formatted), arithmetic(before), 'the same findings after Format Document');
      await client.close(uri);
    });
  }
});
