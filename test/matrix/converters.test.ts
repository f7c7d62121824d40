/**
 * The converter matrix: every report (the shared seeds and corpus, and the
 * project's own), built as .docx like the official template and converted by
 * real converters (pandoc, LibreOffice, pdftotext, w3m), must give the same
 * arithmetic findings as its text: no false error, and the planted defect
 * still found wherever the converted table can be read. The converters are
 * installed and the forms built on first use (test/forms); later runs reuse
 * the cache. Run alone: `node scripts/run-tests.mjs matrix`.
 * GOVREPORT_SKIP_MATRIX=1 skips it.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { CONVERTERS, fixtureForms } from '../forms';
import { checkCell, describeCell } from '../forms/matrix';

const SKIP = process.env.GOVREPORT_SKIP_MATRIX === '1' ? 'GOVREPORT_SKIP_MATRIX=1' : false;

test('converter matrix: converted reports give the findings of their text', { skip: SKIP }, async (t) => {
  const set = await fixtureForms();
  assert.ok(set.variants.some((v) => v.origin === 'project'), 'the project builds its own reports');
  for (const v of set.variants) {
    await t.test(v.id, async (tv) => {
      for (const converter of CONVERTERS) {
        await tv.test(converter, (tc) => {
          const r = checkCell(v, converter);
          tc.diagnostic(describeCell(r));
          const where = `${v.id} through ${converter} (${v.converted[converter]})`;
          assert.deepEqual(r.falseErrors, [], `${where}: errors the text does not have`);
          // The planted defect's findings are among the text's: missing one where the table is read fails here.
          const planted = v.change ? ` (planted: ${v.change})` : '';
          assert.deepEqual(r.missed, [], `${where}: findings of the text missed although the table is read${planted}`);
        });
      }
    });
  }
});
