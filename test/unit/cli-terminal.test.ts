/** The command line at a terminal: when it colours, and its progress line on a long run. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localeFromEnv } from '../../server/src/cli/messages';
import { paint, Progress, useColor } from '../../server/src/cli/terminal';

describe('colour', () => {
  it('is on at a terminal only, off with NO_COLOR or --no-color, on with --color', () => {
    assert.equal(useColor(undefined, {}, true), true);
    assert.equal(useColor(undefined, {}, false), false, 'a pipe or a file');
    assert.equal(useColor(undefined, { NO_COLOR: '1' }, true), false);
    assert.equal(useColor(undefined, { NO_COLOR: '' }, true), true, 'NO_COLOR counts only when it is not empty');
    assert.equal(useColor(undefined, { TERM: 'dumb' }, true), false);
    assert.equal(useColor(false, {}, true), false);
    assert.equal(useColor(true, { NO_COLOR: '1' }, false), true);
    assert.equal(paint(false)(['red', 'bold'], 'error'), 'error');
    assert.equal(paint(true)(['red', 'bold'], 'error'), '\x1b[31m\x1b[1merror\x1b[22m\x1b[39m');
  });
});

describe('the language', () => {
  it('comes from LC_ALL, LC_MESSAGES, then LANG; Chinese when none names a language', () => {
    assert.equal(localeFromEnv({ LANG: 'en_US.UTF-8' }), 'en');
    assert.equal(localeFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh-CN');
    assert.equal(localeFromEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' }), 'en');
    assert.equal(localeFromEnv({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_TW.UTF-8' }), 'zh-CN');
    assert.equal(localeFromEnv({ LANG: 'de_DE.UTF-8' }), 'en', 'another language: the English translation');
    for (const lang of [undefined, '', 'C', 'C.UTF-8', 'POSIX']) assert.equal(localeFromEnv({ LANG: lang }), 'zh-CN', String(lang));
  });
});

describe('the progress line', () => {
  function setup(columns = 40) {
    let now = 0;
    const written: string[] = [];
    const progress = new Progress({ write: (s) => written.push(s), columns }, () => now);
    return { progress, written, at: (ms: number) => (now = ms) };
  }

  it('shows nothing for a run shorter than 2 s', () => {
    const { progress, written, at } = setup();
    for (let ms = 0; ms < 2000; ms += 50) {
      at(ms);
      progress.update(`${ms} files`);
    }
    progress.clear();
    assert.deepEqual(written, []);
  });

  it('then redraws one line at most ten times a second, cut to the terminal, and clears it', () => {
    const { progress, written, at } = setup(20);
    at(2000);
    progress.update('已检查 10 个文件… 某区/2023年报.docx');
    at(2050);
    progress.update('skipped: too soon');
    at(2100);
    progress.update('11 files');
    assert.deepEqual(written, ['\r\x1b[K已检查 10 个文件……', '\r\x1b[K11 files']);
    progress.clear();
    progress.clear();
    assert.deepEqual(written.slice(2), ['\r\x1b[K'], 'cleared once');
  });
});
