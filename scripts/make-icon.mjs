// Draws the extension's icon, media/icon.png (128×128): a report page with a
// table on a red ground, and a tick over its totals. Drawn from shapes, 4×4
// supersampled for smooth edges, and written as a PNG with node's zlib (no
// image library for one small picture). Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4;
const N = SIZE * SS;

const RED = [196, 30, 42];
const PAGE = [255, 255, 255];
const INK = [150, 160, 175];
const HEAD = [196, 30, 42];
const GREEN = [30, 150, 80];

/** Each shape: a test of a point in supersampled pixels, and its colour, painted in order. */
const inRoundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inRect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
/** A thick line segment from (ax, ay) to (bx, by). */
const inSegment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
};

const s = (v) => v * SS;
const shapes = [
  [inRoundRect(s(4), s(4), s(124), s(124), s(22)), RED],
  [inRoundRect(s(26), s(16), s(102), s(112), s(6)), PAGE],
  // Title bar and the table's rows and columns.
  [inRect(s(36), s(28), s(92), s(36)), HEAD],
  ...[48, 62, 76, 90].map((y) => [inRect(s(36), s(y), s(92), s(y + 2)), INK]),
  ...[36, 58, 75, 90].map((x) => [inRect(s(x), s(48), s(x + 2), s(92)), INK]),
  // The tick.
  [inSegment(s(58), s(88), s(72), s(102), s(10)), GREEN],
  [inSegment(s(72), s(102), s(106), s(64), s(10)), GREEN],
];

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = px * SS + sx + 0.5;
        const y = py * SS + sy + 0.5;
        let colour;
        for (const [inside, c] of shapes) if (inside(x, y)) colour = c;
        if (colour) {
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 255;
        }
      }
    }
    const n = SS * SS;
    const a = sum[3] / n;
    const i = (py * SIZE + px) * 4;
    // Colour averaged over the covered samples only, so edges do not darken.
    const covered = sum[3] / 255 || 1;
    rgba[i] = Math.round(sum[0] / covered);
    rgba[i + 1] = Math.round(sum[1] / covered);
    rgba[i + 2] = Math.round(sum[2] / covered);
    rgba[i + 3] = Math.round(a);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) rgba.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../media/icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote media/icon.png (${png.length} bytes)`);
