/**
 * What pdfjs-dist looks for in Node before it loads, set up for reading text
 * only. Its canvas classes come from @napi-rs/canvas, a native package the
 * bundle does not ship: without them pdfjs fails at load (it builds one
 * matrix up front) and warns on the console. Text and operator lists never
 * draw, so plain placeholders do, and the one expected warning is kept quiet.
 */
const g = globalThis as Record<string, unknown>;

class Matrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: number[]) {
    if (Array.isArray(init) && init.length === 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init;
  }
}
class Placeholder {}

if (!g.DOMMatrix) g.DOMMatrix = Matrix;
if (!g.ImageData) g.ImageData = Placeholder;
if (!g.Path2D) g.Path2D = Placeholder;

const warn = console.warn;
/** Restored by pdfjs.ts once pdfjs-dist has loaded. */
export function restoreConsole(): void {
  console.warn = warn;
}
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('@napi-rs/canvas')) return;
  warn(...args);
};
