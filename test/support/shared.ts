/**
 * The shared reports (seeds and corpus) live beside the project, not in it: a
 * clone elsewhere has none, and the tests that read them skip.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED = resolve(__dirname, '..', '..', '..', '..', 'shared');
export const HAS_SHARED = existsSync(join(SHARED, 'seeds'));
export const SKIP_SHARED = HAS_SHARED ? false : 'the shared reports (../shared) are not beside this clone';

export function sharedFile(...parts: string[]): string {
  return join(SHARED, ...parts);
}

export function sharedText(...parts: string[]): string {
  return readFileSync(sharedFile(...parts), 'utf8');
}

export function sharedReports(folder: 'seeds' | 'corpus'): string[] {
  return HAS_SHARED ? readdirSync(join(SHARED, folder)).filter((f) => f.endsWith('.txt')).sort() : [];
}
