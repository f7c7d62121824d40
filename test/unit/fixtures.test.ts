/** Each fixture report gives exactly the findings written beside it. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { readReport } from '../../server/src/inputs';
import { expectedFindings, fixtureReports, FIXTURES } from '../support/fixtures';

describe('fixtures', () => {
  const reports = fixtureReports();
  it('there are fixtures for every layout', () => {
    for (const layout of ['cells', 'pipe', 'markdown', 'pdf', 'flat']) assert.ok(reports.includes(`${layout}.report.txt`), layout);
  });
  it('each content rule has a fixture it finds and one it keeps quiet on', () => {
    for (const code of ['overview-topics', 'fee-report', 'improvement-report', 'all-closed']) {
      assert.ok(expectedFindings(`content/${code}.report.txt`).some((l) => l.endsWith(` ${code}`)), code);
      assert.deepEqual(expectedFindings(`content/${code}-quiet.report.txt`), [], `${code}-quiet`);
    }
  });
  for (const report of reports) {
    it(report, async () => {
      const input = await readReport(join(FIXTURES, report));
      assert.equal(input.error, undefined);
      const { findings, report: r } = analyze(input.text!);
      const actual = findings.map((f) => {
        const p = r.lines.positionAt(f.span.start);
        return `${p.line + 1}:${p.character + 1} ${f.severity} ${f.code}`;
      });
      assert.deepEqual(actual, expectedFindings(report));
    });
  }
});
