/**
 * Where the command line writes: stdout and stderr, and output written as it
 * is made (a folder of many thousand reports is not held in memory).
 */

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Which of stdout and stderr are terminals (colour, progress); absent: neither. */
  tty?: { out: boolean; err: boolean; columns?: number };
}

/** Exit status when the output was closed before everything was written (`| head`). */
export const CLOSED_OUTPUT_STATUS = 2;

function closedEarly(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

let guarded = false;

/**
 * A reader that stops reading (`govreport check DIR | head`) is no error of
 * ours: stop at once and quietly, without a stack trace or the rest of the work.
 */
function guard(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (closedEarly(error)) process.exit(CLOSED_OUTPUT_STATUS);
      throw error;
    });
  }
}

function write(stream: NodeJS.WriteStream, s: string): void {
  stream.write(s);
  // Writes to a pipe are synchronous on Linux and macOS: a closed reader shows at once.
  if (closedEarly(stream.errored)) process.exit(CLOSED_OUTPUT_STATUS);
}

export function processIo(): Io {
  guard();
  return {
    out: (s) => write(process.stdout, s),
    err: (s) => write(process.stderr, s),
    tty: { out: !!process.stdout.isTTY, err: !!process.stderr.isTTY, columns: process.stderr.columns },
  };
}

/**
 * A JSON document written in pieces: `template` is stringified as usual, each
 * of `holes` (a marker string standing for an array) is then filled item by
 * item, pretty-printed at its depth, as if the whole had been stringified.
 */
export class JsonWriter {
  private parts: string[];
  private indents: string[];
  private counts: number[];
  private hole = 0;

  constructor(
    private readonly io: Io,
    template: unknown,
    holes: string[],
  ) {
    let text = `${JSON.stringify(template, null, 2)}\n`;
    this.parts = [];
    this.indents = [];
    for (const marker of holes) {
      const at = text.indexOf(JSON.stringify(marker));
      const lineStart = text.lastIndexOf('\n', at) + 1;
      this.parts.push(text.slice(0, at));
      this.indents.push(`${/^ */.exec(text.slice(lineStart))![0]}  `);
      text = text.slice(at + JSON.stringify(marker).length);
    }
    this.parts.push(text);
    this.counts = holes.map(() => 0);
    io.out(this.parts[0]);
  }

  /** Adds an item to the current hole. */
  item(value: unknown): void {
    this.itemText(JSON.stringify(value, null, 2));
  }

  /** Adds an item already written as JSON.stringify(value, null, 2) writes it. */
  itemText(json: string): void {
    const indent = this.indents[this.hole];
    const body = json.replaceAll('\n', `\n${indent}`);
    this.io.out(`${this.counts[this.hole]++ ? ',' : '['}\n${indent}${body}`);
  }

  /** Closes the current hole and writes what follows it, up to the next. */
  next(): void {
    const close = this.counts[this.hole] ? `\n${this.indents[this.hole].slice(2)}]` : '[]';
    this.hole++;
    this.io.out(close + this.parts[this.hole]);
  }
}
