/**
 * For a person at a terminal: colour (only on a terminal, never with NO_COLOR
 * or --no-color, always with --color) and a progress line on stderr for a
 * long run, cleared before anything else is written so the two never mix.
 * Output to a pipe or a file stays plain text.
 */
import { displayWidth } from '../analysis';
import type { Io } from './output';

/** Whether to colour a stream: --color / --no-color first, then NO_COLOR (https://no-color.org), then whether it is a terminal. */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  return !!isTTY && env.TERM !== 'dumb';
}

/** SGR codes: a handful, no library needed for them. */
const SGR = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], cyan: [36, 39] } as const;
type Style = keyof typeof SGR;

export interface Paint {
  (style: Style | Style[], text: string): string;
  readonly on: boolean;
}

export function paint(on: boolean): Paint {
  const p = (style: Style | Style[], text: string) => {
    if (!on || !text) return text;
    const styles = Array.isArray(style) ? style : [style];
    return styles.reduceRight((s, name) => `\x1b[${SGR[name][0]}m${s}\x1b[${SGR[name][1]}m`, text);
  };
  return Object.assign(p, { on });
}

/** A severity word in its colour: error red, warning yellow, the rest blue. */
export function severityWord(p: Paint, severity: string): string {
  return p(severity === 'error' ? ['red', 'bold'] : severity === 'warning' ? ['yellow', 'bold'] : 'blue', severity);
}

export interface ProgressTarget {
  write(s: string): void;
  /** Columns of the terminal, to keep the line on one row. */
  columns?: number;
}

/**
 * `已检查 1234 个文件… 某区/2023年报.docx` on one line of stderr, redrawn as
 * files go by (at most ten times a second) once the run has taken `delayMs`.
 * `clear()` before any other output, so that output starts on a clean row.
 */
export class Progress {
  private shown = false;
  private last = 0;
  private readonly start: number;

  constructor(
    private readonly target: ProgressTarget,
    private readonly now: () => number = Date.now,
    private readonly delayMs = 2000,
  ) {
    this.start = now();
  }

  update(text: string): void {
    const t = this.now();
    if (t - this.start < this.delayMs || t - this.last < 100) return;
    this.last = t;
    const width = Math.max(20, (this.target.columns || 80) - 1);
    this.target.write(`\r\x1b[K${cut(text, width)}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.target.write('\r\x1b[K');
    this.shown = false;
  }
}

/** Cut to `width` terminal columns (a CJK character takes two), with an ellipsis. */
function cut(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/**
 * A run's output with its progress line: on a terminal (stderr) the line is
 * shown once the run takes long, and cleared before anything else is written
 * to that terminal; output to a file or a pipe leaves it be.
 */
export function withProgress(io: Io): { progress?: Progress; out: (s: string) => void; err: (s: string) => void } {
  const progress = io.tty?.err ? new Progress({ write: io.err, columns: io.tty.columns }) : undefined;
  return {
    progress,
    out: (s) => {
      if (io.tty?.out) progress?.clear();
      io.out(s);
    },
    err: (s) => {
      progress?.clear();
      io.err(s);
    },
  };
}
