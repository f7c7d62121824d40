/**
 * The floors of ARCHITECTURE.md hold: every import of server/src and
 * client/src (type-only ones too, `export … from` too) goes to a floor below
 * its own or stays in its own folder; no modules import each other in a
 * cycle; the adapters named there reach the library only through its face.
 * The imports are read with TypeScript's own scanner.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { ROOT } from '../support/fixtures';

const architecture = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
const block = (name: string) => [...architecture.matchAll(/```(\w+)\n([\s\S]*?)```/g)].find((m) => m[1] === name)?.[2] ?? '';
/** Top floor first; each a list of units (a folder or a file without `.ts`). */
const FLOORS = block('floors').trim().split('\n').map((line) => line.trim().split(/\s+/));
/** Who must use which face of the library, by unit. */
const FACES = block('face')
  .trim()
  .split('\n')
  .flatMap((line) => {
    const [face, users] = line.split(':');
    return users.trim().split(/\s+/).map((user) => ({ user, face: `${face.trim()}.ts` }));
  });
const LIBRARY = 'server/src/analysis';

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) yield path;
  }
}

const rel = (file: string) => relative(ROOT, file).split('\\').join('/');

/** Each source file's imports of the project's own files (relative paths, resolved). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of ['server/src', 'client/src'].flatMap((d) => [...walk(join(ROOT, d))])) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets: string[] = [];
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const base = resolve(dirname(file), fileName);
      const target = [`${base}.ts`, join(base, 'index.ts'), base].find((f) => existsSync(f) && statSync(f).isFile());
      assert.ok(target, `${rel(file)}: ${fileName} resolves to no file`);
      targets.push(rel(target));
    }
    graph.set(rel(file), targets);
  }
  return graph;
}

/** The unit a file belongs to: the longest unit of the floors that is it or a folder above it. */
function unitOf(file: string): string | undefined {
  const bare = file.replace(/\.ts$/, '');
  let best: string | undefined;
  for (const unit of FLOORS.flat()) if ((bare === unit || bare.startsWith(`${unit}/`)) && unit.length > (best?.length ?? -1)) best = unit;
  return best;
}

const floorOf = (unit: string) => FLOORS.findIndex((floor) => floor.includes(unit));

/** The imports that go up or sideways, as `from -> to`. */
export function upwardImports(graph: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const a = unitOf(from)!;
    for (const to of targets) {
      const b = unitOf(to)!;
      if (a !== b && floorOf(b) <= floorOf(a)) out.push(`${from} -> ${to}`);
    }
  }
  return out;
}

/** The groups of files that import each other, round a cycle (Tarjan's strongly connected components). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || graph.get(v)?.includes(v)) cycles.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** The imports of the library past its face by the adapters that must use the face. */
export function pastTheFace(graph: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const mine = FACES.filter(({ user }) => from === `${user}.ts` || from.startsWith(`${user}/`)).sort((a, b) => b.user.length - a.user.length)[0];
    if (!mine) continue;
    for (const to of targets) if (to.startsWith(`${LIBRARY}/`) && to !== mine.face) out.push(`${from} -> ${to}`);
  }
  return out;
}

describe('the architecture', () => {
  const graph = importGraph();

  it('ARCHITECTURE.md draws floors that cover every source file', () => {
    assert.ok(FLOORS.length > 10 && FACES.length > 0);
    for (const unit of FLOORS.flat()) assert.ok(existsSync(join(ROOT, unit)) || existsSync(join(ROOT, `${unit}.ts`)), `${unit} is not a folder or a file`);
    const homeless = [...graph.keys()].filter((f) => !unitOf(f));
    assert.deepEqual(homeless, [], 'files on no floor of ARCHITECTURE.md');
  });

  it('no import goes up or sideways', () => {
    assert.deepEqual(upwardImports(graph), []);
  });

  it('no modules import each other, not even for a type', () => {
    assert.deepEqual(importCycles(graph), []);
  });

  it('the server, the command line and the client reach the library through its face, the pages through theirs', () => {
    assert.deepEqual(pastTheFace(graph), []);
  });

  it('finds what it is for: an import up, a cycle, an import past the face', () => {
    const made = new Map([
      ['server/src/analysis/text/lines.ts', ['server/src/analysis/rules/rule.ts']],
      ['server/src/analysis/rules/rule.ts', ['server/src/analysis/text/lines.ts']],
      ['server/src/cli/main.ts', ['server/src/analysis/model/view.ts', 'server/src/analysis/index.ts']],
    ]);
    assert.deepEqual(upwardImports(made), ['server/src/analysis/text/lines.ts -> server/src/analysis/rules/rule.ts']);
    assert.deepEqual(importCycles(made), [['server/src/analysis/rules/rule.ts', 'server/src/analysis/text/lines.ts']]);
    assert.deepEqual(pastTheFace(made), ['server/src/cli/main.ts -> server/src/analysis/model/view.ts']);
    // A page's script uses its own face, not the whole library's.
    assert.deepEqual(pastTheFace(new Map([['client/src/webview/preview.ts', ['server/src/analysis/index.ts', 'server/src/analysis/pages.ts']]])), [
      'client/src/webview/preview.ts -> server/src/analysis/index.ts',
    ]);
  });
});
