/**
 * The language server reading a .docx for the editor (`govreport/readSource`):
 * the report's text back, and the diagnostics of the document shown under the
 * given URI naming their place in the source; bad input answered with a message.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES } from '../support/fixtures';
import { TestClient } from '../support/lsp';
import { officialDocx, officialLayout } from '../support/official';

describe('language server: reports read from a .docx, web page or PDF', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('reads a .docx into report text; the diagnostics of that text name the cell in the source', async () => {
    const bytes = officialDocx(officialLayout(readFileSync(join(FIXTURES, 'markdown.report.txt'), 'utf8'))!);
    const uri = 'govreport-source:/reports/report.docx.govreport?file%3A%2F%2F%2Freports%2Freport.docx';
    const read = await client.request<{ text?: string; kind?: string; error?: string }>('govreport/readSource', { name: '/reports/report.docx', data: Buffer.from(bytes).toString('base64'), uri });
    assert.equal(read.kind, 'docx');
    assert.match(read.text!, /^\| （本列数据的勾稽关系/m);
    const published = await client.open(uri, read.text!);
    const subtotal = published.diagnostics.find((d) => d.code === 'subtotal');
    assert.equal(subtotal?.message, '（七）总计「自然人」列为 10，但（一）至（六）各项之和为 11（表二 第 27 行 第 4 列）');
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: subtotal!.range.start });
    assert.match(hover!.contents.value, /原文位置：表二 第 27 行 第 4 列$/);
  });

  it('answers a .doc, a damaged .docx and a scan with the message to show', async () => {
    const ask = (name: string, data: Buffer) => client.request<{ error?: string }>('govreport/readSource', { name, data: data.toString('base64') });
    assert.match((await ask('old.doc', Buffer.from('x'))).error!, /请另存为 \.docx/);
    assert.match((await ask('bad.docx', Buffer.from('PK\u0003\u0004junk'))).error!, /文件已损坏/);
    assert.equal((await ask('scan.pdf', readFileSync(join(FIXTURES, 'sources', 'no-text.pdf')))).error, '扫描件，没有文字层，无法检查');
  });
});
