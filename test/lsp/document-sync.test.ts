/**
 * The server's copy of a document stays the editor's, whatever the editor
 * sends: a version number used twice or going backwards, a range past the end
 * of the text. Checked through what the user sees: the diagnostics and the
 * edits of the fixes, applied to the text the editor holds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../support/lsp';

const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x', 'govreport', 1, text), edits);

describe('document sync: versions and ranges the editor gets wrong', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  const change = (uri: string, version: number, contentChanges: unknown[]) =>
    client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });

  const artifactFix = async (uri: string, line: number) => {
    const range = { start: { line, character: 0 }, end: { line, character: 19 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    return actions.find((a) => a.title.includes('[bookmark: _GoBack]'));
  };

  it('a change that repeats the version number is applied, and the fixes follow the new text', async () => {
    const uri = 'file:///sync/same-version.report.txt';
    let text = 'hello\n[bookmark: _GoBack]\n';
    const opened = await client.open(uri, text);
    assert.deepEqual(opened.diagnostics.filter((d) => d.code === 'conversion-artifact').map((d) => d.range.start.line), [1]);
    // Still version 1: the editor's text is now one line longer.
    const next = client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'conversion-artifact' && d.range.start.line === 2));
    await change(uri, 1, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ\n' }]);
    text = 'hello\nABCDEFGHIJKLMNOPQRSTUVWXYZ\n[bookmark: _GoBack]\n';
    await next;
    const fix = await artifactFix(uri, 2);
    assert.ok(fix, 'the fix is offered on the line the artifact is now on');
    assert.equal(apply(text, fix.edit!.changes![uri]), 'hello\nABCDEFGHIJKLMNOPQRSTUVWXYZ\n\n', 'the fix deletes the artifact and nothing of the user’s');

    // A version going backwards is applied as well.
    const back = client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'conversion-artifact'));
    await change(uri, 0, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 19 } }, text: '' }]);
    await back;
    await client.close(uri);
  });

  it('a range past the last line is taken as the end of the text, and later edits land where the editor puts them', async () => {
    const uri = 'file:///sync/past-end.report.txt';
    await client.open(uri, '[bookmark: _GoBack]\n');
    await change(uri, 2, [{ range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, text: 'x\n' }]);
    const settled = client.diagnostics(uri, (p) => p.version === 3);
    await change(uri, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'y' }]);
    // The editor (which clamps such ranges) now holds this text.
    const text = '[bookmark: _GoBack]\nx\ny';
    const published = await settled;
    assert.deepEqual(
      published.diagnostics.filter((d) => d.code === 'conversion-artifact').map((d) => d.range),
      [{ start: { line: 0, character: 0 }, end: { line: 0, character: 19 } }],
      'one artifact, where the editor has it',
    );
    const all = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(apply(text, all[0].edit!.changes![uri]), '\nx\ny');
    await client.close(uri);
  });

  it('characters past the end of a line and negative positions are clamped too', async () => {
    const uri = 'file:///sync/clamped.report.txt';
    await client.open(uri, 'ab\ncd\n');
    const settled = client.diagnostics(uri, (p) => p.version === 2);
    await change(uri, 2, [
      { range: { start: { line: 0, character: 99 }, end: { line: 0, character: 99 } }, text: '[bookmark: _GoBack]' },
      { range: { start: { line: -3, character: -1 }, end: { line: -3, character: -1 } }, text: 'z' },
    ]);
    const published = await settled;
    // The editor's text: 'zab[bookmark: _GoBack]\ncd\n'.
    assert.deepEqual(
      published.diagnostics.filter((d) => d.code === 'conversion-artifact').map((d) => d.range),
      [{ start: { line: 0, character: 3 }, end: { line: 0, character: 22 } }],
    );
    await client.close(uri);
  });
});
