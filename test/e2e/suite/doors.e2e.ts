/// <reference types="mocha" />
// One report, every form, two doors in a real VS Code: what the editor shows
// for a text report (UTF-8 or GBK), a .docx, a web page and a PDF is what
// `govreport check` prints for the same file: the same findings, at the same
// lines of the report's text, naming the same places in the source.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { describePlace, type SourcePlace } from '../../../server/src/sources/model';
import { cmsPage, officialDocx, officialLayout } from '../../support/official';
import { fixtureUri, projectRoot, waitForDiagnostics } from './helpers';

interface CliDiagnostic {
  code: string;
  line: number;
  message: string;
  source?: SourcePlace;
}

/** What `govreport check --format json` says of a file, put as the editor puts it. */
function checked(path: string): string[] {
  const run = spawnSync(process.execPath, [join(projectRoot(), 'bin', 'govreport.js'), 'check', '--format', 'json', path], { encoding: 'utf8' });
  const [entry] = JSON.parse(run.stdout) as { diagnostics: CliDiagnostic[] }[];
  return entry.diagnostics.map((d) => {
    const where = d.source && describePlace(d.source).zh;
    return `${d.line} ${d.code} ${d.message}${where ? `（${where}）` : ''}`;
  });
}

const shown = (d: vscode.Diagnostic) => `${d.range.start.line + 1} ${typeof d.code === 'object' ? d.code.value : d.code} ${d.message}`;

const fixture = (...parts: string[]) => readFileSync(join(projectRoot(), 'test', 'fixtures', ...parts));
const blocks = () => officialLayout(fixture('markdown.report.txt').toString('utf8'))!;
const FORMS: { name: string; file: string; bytes: () => Uint8Array }[] = [
  { name: 'a text report', file: 'doors/report.report.txt', bytes: () => fixture('markdown.report.txt') },
  { name: 'a text report saved as GBK', file: 'doors/gbk.report.txt', bytes: () => fixture('encoding', 'gbk.report.txt') },
  { name: 'a .docx', file: 'doors/report.docx', bytes: () => officialDocx(blocks()) },
  { name: 'a web page', file: 'doors/report.html', bytes: () => cmsPage(blocks()) },
  { name: 'a PDF', file: 'doors/report.pdf', bytes: () => fixture('sources', 'markdown.pdf') },
];

describe('every form of a report reads alike in the editor and on the command line', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));
  // The files stay (the test workspace is a fresh copy each run): VS Code holds
  // the documents opened here for minutes after their editors close, and a
  // report whose file is gone would leave the workspace review only when VS
  // Code finally closes it, in the middle of a later suite's counts.

  for (const form of FORMS) {
    it(form.name, async function () {
      this.timeout(60_000);
      const uri = fixtureUri(form.file);
      await vscode.workspace.fs.writeFile(uri, form.bytes());
      const expected = checked(uri.fsPath);
      assert.ok(expected.length > 0);
      const editor = form.file.endsWith('.txt')
        ? await vscode.window.showTextDocument(uri)
        : await vscode.commands.executeCommand<vscode.TextEditor>('govreport.checkDocument', uri);
      assert.equal(editor.document.languageId, 'govreport');
      // As many as the command line found; then what they say (and, when they never come, what the editor shows instead).
      await waitForDiagnostics(editor.document.uri, (d) => d.length >= expected.length, 30_000).catch(() => undefined);
      assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri).map(shown), expected);
    });
  }
});
