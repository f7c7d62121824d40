/**
 * Every door reads a report alike: the same file, as text, .docx, web page or
 * PDF, gives the same findings and figures to `govreport check`, `summary` and
 * `totals`, to the editor's diagnostics (the source read as the extension
 * reads it, over LSP) and to the workspace review (the file closed, found on
 * disk). And the report is the same in every form: the same findings, the
 * same figures.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { SUMMARY_COLUMNS } from '../../server/src/analysis/corpus/summary';
import { sourceDocumentUri } from '../../server/src/protocol';
import { describePlace, type SourcePlace } from '../../server/src/sources/model';
import { FIXTURES, govreport, tempDirs } from '../support/fixtures';
import { TestClient } from '../support/lsp';
import { cmsPage, officialDocx, officialLayout } from '../support/official';
import { HAS_SHARED, sharedFile } from '../support/shared';

interface Form {
  name: string;
  /** The file's name, which says its form. */
  file: string;
  bytes: () => Buffer | Uint8Array;
}

const text = () => readFileSync(join(FIXTURES, 'markdown.report.txt'));
const blocks = () => officialLayout(text().toString('utf8'))!;
const FORMS: Form[] = [
  { name: 'text', file: 'report.txt', bytes: text },
  { name: '.docx', file: 'report.docx', bytes: () => officialDocx(blocks()) },
  { name: 'web page', file: 'report.html', bytes: () => cmsPage(blocks()) },
  { name: 'PDF', file: 'report.pdf', bytes: () => readFileSync(join(FIXTURES, 'sources', 'markdown.pdf')) },
];
if (HAS_SHARED) FORMS.push({ name: 'a published web page (shared corpus)', file: 'shuyang-fgj-2023.html', bytes: () => readFileSync(sharedFile('corpus', 'shuyang-fgj-2023.html')) });

/** `line code severity message（place）`, as the editor shows a finding; the command line's, put the same way. */
type Finding = string;

interface CliDiagnostic {
  code: string;
  severity: string;
  line: number;
  message: string;
  source?: SourcePlace;
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

function fromCli(d: CliDiagnostic): Finding {
  const where = d.source && describePlace(d.source).zh;
  return `${d.line} ${d.code} ${d.severity} ${d.message}${where ? `（${where}）` : ''}`;
}

function fromEditor(d: Diagnostic): Finding {
  return `${d.range.start.line + 1} ${d.code} ${SEVERITY[d.severity!]} ${d.message}`;
}

/** A summary row's figures and counts: its columns but the file's name (each door shows it its own way). */
function figures(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(SUMMARY_COLUMNS.filter((c) => c.key !== 'file').map((c) => [c.key, row[c.key]]));
}

interface Seen {
  check: Finding[];
  summary: Record<string, unknown>;
  totals: Record<string, number>;
  editor: Finding[];
  review: Finding[];
  reviewSummary: Record<string, unknown>;
}

const tempDir = tempDirs('doors');

describe('every door reads a report alike, in every form', { timeout: 120_000 }, () => {
  const seen = new Map<string, Seen>();
  let editor: TestClient;
  before(async () => {
    editor = await TestClient.start();
  });
  after(() => editor.stop());

  for (const form of FORMS) {
    it(`${form.name}: check, summary, totals, the editor and the workspace review agree`, async () => {
      const dir = tempDir();
      const path = join(dir, form.file);
      writeFileSync(path, form.bytes());

      const checked = govreport(dir, 'check', '--format', 'json', form.file);
      const [entry] = JSON.parse(checked.stdout) as { diagnostics: CliDiagnostic[] }[];
      const check = entry.diagnostics.map(fromCli);
      const [summary] = JSON.parse(govreport(dir, 'summary', '--format', 'json', form.file).stdout) as Record<string, unknown>[];
      const totals = (JSON.parse(govreport(dir, 'totals', '--format', 'json', form.file).stdout) as { counts: Record<string, number> }).counts;

      // The editor: a text file opened as it is; a source read by the server and shown under its own document, as the extension does.
      const fileUri = pathToFileURL(path).href;
      let published;
      if (form.file.endsWith('.txt')) published = await editor.open(fileUri, readFileSync(path, 'utf8'));
      else {
        const uri = sourceDocumentUri(fileUri);
        const read = await editor.request<{ text: string }>('govreport/readSource', { name: path, data: readFileSync(path).toString('base64'), uri });
        published = await editor.open(uri, read.text);
      }
      const opened = published.diagnostics.map(fromEditor);

      // The workspace review: the same file, closed, found in its folder.
      const reviewer = await TestClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
      let review: Finding[];
      let reviewSummary: Record<string, unknown>;
      try {
        const result = await reviewer.request<{ files: number }>('govreport/reviewWorkspace', null);
        assert.equal(result.files, 1);
        const uri = form.file.endsWith('.txt') ? fileUri : sourceDocumentUri(fileUri);
        const last = reviewer.published.filter((p) => p.uri === uri).pop();
        assert.ok(last, `the review published ${uri}`);
        review = last.diagnostics.map(fromEditor);
        const rows = (await reviewer.request<{ rows: Record<string, unknown>[] }>('govreport/summary', {})).rows;
        assert.equal(rows.length, 1);
        assert.equal(rows[0].file, form.file);
        reviewSummary = rows[0];
      } finally {
        await reviewer.stop();
      }

      assert.ok(check.length > 0);
      assert.deepEqual(opened, check, 'the editor and check');
      assert.deepEqual(review, check, 'the workspace review and check');
      const count = (severity: string) => entry.diagnostics.filter((d) => d.severity === severity).length;
      assert.deepEqual(totals, { error: count('error'), warning: count('warning'), info: count('info'), hint: count('hint') }, 'totals and check');
      assert.equal(summary.errors, count('error'), 'summary and check');
      assert.equal(summary.warnings, count('warning'), 'summary and check');
      assert.deepEqual(figures(reviewSummary), figures(summary), 'the overview and summary');
      assert.equal(checked.status, count('error') ? 1 : 0);
      seen.set(form.name, { check, summary, totals, editor: opened, review, reviewSummary });
    });
  }

  it('the report is the same in every form: its findings and its figures', () => {
    const forms = FORMS.slice(0, 4).map((f) => seen.get(f.name));
    assert.ok(forms.every(Boolean), 'every form was read');
    // Where a finding stands differs by form (a line, a cell of a table, a page); what it says does not.
    const said = (s: Seen) => s.check.map((f) => f.replace(/^\d+ /, '').replace(/（[^（）]*(段|行|列|页)）$/, '')).sort();
    const numbers = (s: Seen) => {
      const { body: _body, ...rest } = figures(s.summary);
      return rest;
    };
    for (const s of forms.slice(1)) {
      assert.deepEqual(said(s!), said(forms[0]!));
      assert.deepEqual(numbers(s!), numbers(forms[0]!));
    }
  });
});
