/**
 * The reports the benchmarks run on: the shared seeds and corpus beside the
 * project when they are there, otherwise the project's own fixtures; the
 * synthetic large reports grown from one of them; and where to edit a report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, fixtureReports } from '../test/support/fixtures';
import { HAS_SHARED, sharedFile, sharedReports } from '../test/support/shared';

export interface Sample {
  /** A short name for tables (the file name). */
  name: string;
  text: string;
  /** Size in bytes as UTF-8. */
  bytes: number;
}

export interface Inputs {
  /** Where the seeds came from, for the output. */
  source: 'shared' | 'fixtures';
  note: string;
  /** Typical reports, one per seed (or fixture, without the shared folder). */
  seeds: Sample[];
  /** Every report available (seeds, corpus, fixtures): for the server and the batch. */
  all: Sample[];
  /** The fixture saved as GBK, as bytes: only the command line decodes it. */
  raw: { name: string; bytes: Buffer }[];
}

const sample = (name: string, text: string): Sample => ({ name, text, bytes: Buffer.byteLength(text) });

export function loadInputs(): Inputs {
  const fixtures = fixtureReports();
  const utf8Fixtures = fixtures.filter((f) => !f.startsWith('encoding')).map((f) => sample(f, readFileSync(join(FIXTURES, f), 'utf8')));
  const raw = fixtures.filter((f) => f.startsWith('encoding')).map((f) => ({ name: f, bytes: readFileSync(join(FIXTURES, f)) }));
  if (HAS_SHARED) {
    const seeds = sharedReports('seeds').map((f) => sample(f, readFileSync(sharedFile('seeds', f), 'utf8')));
    const corpus = sharedReports('corpus').map((f) => sample(f, readFileSync(sharedFile('corpus', f), 'utf8')));
    return {
      source: 'shared',
      note: `seeds: ../shared/seeds (${seeds.length} real reports); also ../shared/corpus (${corpus.length}) and test/fixtures (${utf8Fixtures.length})`,
      seeds,
      all: [...seeds, ...corpus, ...utf8Fixtures],
      raw,
    };
  }
  const cellsFirst = [...utf8Fixtures].sort((a, b) => Number(b.name.startsWith('cells')) - Number(a.name.startsWith('cells')));
  return {
    source: 'fixtures',
    note: `../shared is not beside this clone: seeds replaced by the project's fixtures (test/fixtures/*.report.txt, ${utf8Fixtures.length} reports)`,
    seeds: cellsFirst,
    all: cellsFirst,
    raw,
  };
}

const PART_ONE = /^\s*一\s*[、.．]/;
const PART_TWO = /^\s*二\s*[、.．]\s*主动公开/;

export interface Synthetic extends Sample {
  /** How it was built, for the output. */
  how: string;
}

/**
 * A report of about `targetBytes`, grown from `base` as a long report grows:
 * the prose paragraphs of part 一 written again and again (in order) before
 * part 二, everything else (title, the other parts, every table) kept once.
 */
export function synthetic(base: Sample, targetBytes: number, label: string): Synthetic {
  const lines = base.text.split('\n');
  const one = lines.findIndex((l) => PART_ONE.test(l));
  const two = lines.findIndex((l, i) => i > one && PART_TWO.test(l));
  const prose = one >= 0 && two > one ? lines.slice(one + 1, two).filter((l) => l.trim()) : [];
  if (!prose.length) throw new Error(`${base.name}: no prose in part 一 to grow the report from`);
  const extra: string[] = [];
  let bytes = base.bytes;
  for (let i = 0; bytes < targetBytes; i++) {
    const p = prose[i % prose.length];
    extra.push(p);
    bytes += Buffer.byteLength(p) + 1;
  }
  const text = [...lines.slice(0, two), ...extra, ...lines.slice(two)].join('\n');
  const times = Math.round((extra.length / prose.length) * 10) / 10;
  return {
    ...sample(label, text),
    how: `${base.name} with its ${prose.length} prose paragraphs of part 一 repeated ×${times} before part 二 (tables and other parts kept once)`,
  };
}

/** A place in a text, as LSP counts it (0-based line, UTF-16 character). */
export interface Place {
  line: number;
  character: number;
  kind: 'cell' | 'prose';
}

/**
 * Where someone editing the report would type: after the numbers of the
 * application table's cells (part 三), and in the middle of prose lines.
 */
export function editPlaces(text: string): { cells: Place[]; prose: Place[] } {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\s*三\s*[、.．]/.test(l) && l.includes('申请'));
  const end = lines.findIndex((l, i) => i > start && /^\s*四\s*[、.．]/.test(l) && l.includes('行政复议'));
  const cells: Place[] = [];
  const prose: Place[] = [];
  lines.forEach((line, i) => {
    if (start >= 0 && i > start && (end < 0 || i < end)) {
      for (const m of line.matchAll(/(?<=^|[\s|])\d+(?=\s|\||$)/g)) cells.push({ line: i, character: m.index! + m[0].length, kind: 'cell' });
    }
    const body = line.replace(/\r$/, '');
    if (body.length >= 40 && /[\u4e00-\u9fff]{8}/.test(body)) {
      let character = Math.floor(body.length / 2);
      if (/[\udc00-\udfff]/.test(body[character])) character++;
      prose.push({ line: i, character, kind: 'prose' });
    }
  });
  return { cells, prose };
}
