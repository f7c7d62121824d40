/**
 * The source readers on the fixture forms: every report (the shared seeds and
 * corpus, and the project's own), as its .docx, Word HTML, GBK CMS page,
 * LibreOffice's HTML and its PDF, must give exactly the arithmetic findings of
 * its text, and the defect planted in a variant must be found in every form.
 * The forms are built on first use (test/forms) and cached.
 * GOVREPORT_SKIP_MATRIX=1 skips it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { analyze, ARITHMETIC_CODES, type Finding } from '../../server/src/analysis';
import { sourceKind } from '../../server/src/inputs';
import { readSource } from '../../server/src/sources/load';
import { fixtureForms, type Form } from '../forms';

const SKIP = process.env.GOVREPORT_SKIP_MATRIX === '1' ? 'GOVREPORT_SKIP_MATRIX=1' : false;
const SOURCE_FORMS: Form[] = ['docx', 'word-html', 'cms-html', 'libreoffice-html', 'pdf'];
const arithmetic = (fs: Finding[]) => fs.filter((f) => (ARITHMETIC_CODES as readonly string[]).includes(f.code)).map((f) => `${f.code}: ${f.message.zh}`).sort();

test('source readers: every report in every form gives the arithmetic findings of its text', { skip: SKIP }, async (t) => {
  const set = await fixtureForms();
  for (const v of set.variants) {
    const expected = arithmetic(analyze(readFileSync(v.forms.text, 'utf8')).findings);
    await t.test(v.id, async (tv) => {
      for (const form of SOURCE_FORMS) {
        await tv.test(form, async () => {
          const file = v.forms[form];
          const result = await readSource(sourceKind(file)!, readFileSync(file));
          assert.ok(!('error' in result), `${file}: ${'error' in result ? result.error.en : ''}`);
          const found = arithmetic(analyze(result.text).findings);
          assert.deepEqual(found, expected, `${v.id} as ${form} (${file})`);
          // The planted variant's defect, found in this form too.
          for (const e of v.expected ?? []) assert.ok(found.includes(e), `${v.id} as ${form}: the planted defect ${e} is found`);
        });
      }
    });
  }
});
