/** `govreport init [FOLDER]`: a commented `.govreport.json` with the defaults, never over an existing one. */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE } from '../config/settings';
import { configTemplate } from '../config/template';
import { pick, type Locale } from './checked';
import { MESSAGES } from './messages';
import type { Io } from './output';

/** Exit status: 0 written, 2 not (the file is there, or the folder is not). */
export function init(folder: string, locale: Locale, io: Io): number {
  const file = join(folder, CONFIG_FILE);
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // said below
  }
  if (!isFolder) {
    io.err(`govreport: ${pick(MESSAGES.notAFolder(folder), locale)}\n`);
    return 2;
  }
  if (existsSync(file)) {
    io.err(`govreport: ${pick(MESSAGES.configExists(file), locale)}\n`);
    return 2;
  }
  try {
    // `wx`: a file made meanwhile is not written over either.
    writeFileSync(file, configTemplate(locale === 'en' ? 'en' : 'zh'), { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    io.err(`govreport: ${pick(code === 'EEXIST' ? MESSAGES.configExists(file) : MESSAGES.cannotWrite(file, code), locale)}\n`);
    return 2;
  }
  io.out(`${pick(MESSAGES.wrote(file), locale)}\n`);
  return 0;
}
