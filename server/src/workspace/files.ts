/**
 * Which files of a workspace are reports, and reading them: the language's
 * file patterns (.govreport, .report.txt) and, for other .txt files, a title
 * naming 政府信息公开工作年度报告 among their first lines (VS Code's first-line
 * detection looks at the first line only; real reports often put the body's
 * name above the title). Readers for other formats (.docx, .html, .pdf) plug
 * in through READERS.
 */
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decode } from '../cli/inputs';

export interface Reader {
  /** Whether a file name is one this reader may read (cheap, by name). */
  accepts(name: string): boolean;
  /** Whether the file is a report, looking into it if need be. */
  isReport(path: string, name: string): Promise<boolean>;
  /** The report's text, or undefined when it cannot be read as one. */
  read(path: string): Promise<string | undefined>;
}

const NAMED = /\.(govreport|report\.txt)$/i;
const TITLE = /政府信息公开(工作)?年度报告|政务公开工作年度报告/;

async function head(path: string, bytes = 1024): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buf, 0, bytes, 0);
    // Whole lines only, so that a character cut in two does not make UTF-8 look like GBK.
    let end = bytesRead;
    if (bytesRead === bytes) {
      const nl = buf.lastIndexOf(0x0a, bytesRead - 1);
      if (nl > 0) end = buf[0] === 0xff && buf[1] === 0xfe ? nl + 2 : nl + 1;
    }
    const decoded = decode(buf.subarray(0, end));
    return 'text' in decoded ? decoded.text : '';
  } finally {
    await file.close();
  }
}

/** Plain-text reports, decoded whatever the encoding (UTF-8, UTF-16, GBK). */
export const TEXT_READER: Reader = {
  accepts: (name) => /\.(txt|govreport)$/i.test(name),
  async isReport(path, name) {
    if (NAMED.test(name)) return true;
    const lines = (await head(path)).split(/\r?\n/).filter((l) => l.trim()).slice(0, 5);
    return lines.some((l) => l.length <= 80 && TITLE.test(l));
  },
  async read(path) {
    const decoded = decode(await readFile(path));
    return 'text' in decoded ? decoded.text : undefined;
  },
};

export const READERS: Reader[] = [TEXT_READER];

const SKIP_DIRS = new Set(['node_modules']);

/** The report files under `root`, with the reader for each; `cancelled` stops the walk. */
export async function findReports(root: string, cancelled: () => boolean): Promise<{ path: string; reader: Reader }[]> {
  const out: { path: string; reader: Reader }[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (cancelled()) return;
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(path);
      } else if (e.isFile()) {
        const reader = await readerFor(path, e.name);
        if (reader) out.push({ path, reader });
      }
    }
  };
  await walk(root);
  return out;
}

/** The reader of a report file, or undefined when the file is not a report. */
export async function readerFor(path: string, name: string): Promise<Reader | undefined> {
  for (const reader of READERS) {
    try {
      if (reader.accepts(name) && (await reader.isReport(path, name))) return reader;
    } catch {
      // Unreadable: not a report we can check.
    }
  }
  return undefined;
}
