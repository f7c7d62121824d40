/**
 * Hostile source files, small, made at run time: each what a sender could
 * mail in a few KB or MB to stop a reader that trusts what a file declares
 * (counts and sizes in a zip, fields and merges in Word's XML, numbering,
 * elements by the million, rules, Form XObjects and inflated streams in a
 * PDF). Each generator's defaults are the sizes that stopped the readers; the
 * tests pass smaller ones where that still trips the budget.
 */
import { deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { pages, pdfBytes, type PdfObject } from './pdf';

// ---------------------------------------------------------------------------
// Zips written by hand: a directory that lies

const u16 = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

/**
 * A few hundred bytes: a zip64 end record declaring 4,294,967,295 entries in a directory that lies
 * past the end of the file (where a reader that trusts the count reads zeros, four billion times).
 */
export function zip64Count(): Uint8Array {
  const padding = Buffer.alloc(114);
  const e = padding.length + 56 + 20;
  const record = Buffer.concat([u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(0xffffffff), u64(0xffffffff), u64(46), u64(e + 22 + 1000)]);
  const locator = Buffer.concat([u32(0x07064b50), u32(0), u64(padding.length), u32(1)]);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(0)]);
  return new Uint8Array(Buffer.concat([padding, record, locator, end]));
}

/**
 * `count` directory entries (XML parts, each declaring 1,000 bytes) that all point at one
 * deflated stream of `inflates` zero bytes.
 */
export function lyingSizes(count = 20, inflates = 2 ** 31 - 1): Uint8Array {
  const data = deflateRawSync(Buffer.alloc(inflates), { level: 9 });
  const name = Buffer.from('word/document.xml');
  const local = Buffer.concat([u32(0x04034b50), u16(20), u16(0), u16(8), u16(0), u16(0), u32(0), u32(data.length), u32(1000), u16(name.length), u16(0), name]);
  const central = Buffer.concat(
    Array.from({ length: count }, (_, i) => {
      const n = Buffer.from(i ? `word/part${i}.xml` : 'word/document.xml');
      return Buffer.concat([u32(0x02014b50), u16(20), u16(20), u16(0), u16(8), u16(0), u16(0), u32(0), u32(data.length), u32(1000), u16(n.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(0), n]);
    }),
  );
  const offset = local.length + data.length;
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(count), u16(count), u32(central.length), u32(offset), u16(0)]);
  return new Uint8Array(Buffer.concat([local, data, central, end]));
}

// ---------------------------------------------------------------------------
// Word XML that costs more than it weighs

const docxOf = (documentXml: string, extra: Record<string, string> = {}) => {
  const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8(documentXml) };
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  files['_rels/.rels'] = strToU8('<Relationships><Relationship Type="x/officeDocument" Target="word/document.xml"/></Relationships>');
  return zipSync(files, { level: 9 });
};
/**
 * Revision ids (`w:rsidR`), as Word writes on runs and paragraphs: they keep such XML from
 * deflating hundreds of times, so that the package passes the check of its declared ratio.
 */
const rsid = (i: number) => ` w:rsidR="${(Math.imul(i + 1, 2654435761) >>> 0).toString(16).padStart(8, '0').toUpperCase()}"`;
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const body = (inner: string) => `<w:document ${W}><w:body>${inner}</w:body></w:document>`;

/** `fields` complex fields opened and never closed, then as many runs of text. */
export function openFields(fields = 300_000): Uint8Array {
  const begin = Array.from({ length: fields }, (_, i) => `<w:r${rsid(i)}><w:fldChar w:fldCharType="begin"/></w:r>`).join('');
  const runs = Array.from({ length: fields }, (_, i) => `<w:r${rsid(i)}><w:t>一</w:t></w:r>`).join('');
  return docxOf(body(`<w:p>${begin}${runs}</w:p>`));
}

/** A table of two rows of `cells` vertically merged cells. */
export function vMergeRow(cells = 150_000): Uint8Array {
  const row = (merge: string) => `<w:tr>${Array.from({ length: cells }, (_, i) => `<w:tc><w:tcPr><w:vMerge${merge}/></w:tcPr><w:p${rsid(i)}/></w:tc>`).join('')}</w:tr>`;
  return docxOf(body(`<w:tbl>${row(' w:val="restart"')}${row('')}</w:tbl>`));
}

/** `paragraphs` numbered a, b, c… from 26,000,000 on: labels of a million letters each. */
export function hugeLabels(paragraphs = 100): Uint8Array {
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="26000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const p = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>'.repeat(paragraphs);
  return docxOf(body(p), { 'word/numbering.xml': numbering });
}

/** `mb` MB of empty paragraphs (`<w:p/>`), deflated to a few MB. */
export function emptyParagraphs(mb = 95): Uint8Array {
  // One paragraph in 64 with its revision id: about 30 times smaller deflated, as such a file was.
  const run = (i: number) => `<w:p${rsid(i)}/>${'<w:p/>'.repeat(63)}`;
  return docxOf(body(Array.from({ length: Math.round((mb * 2 ** 20) / (64 * 6 + 19)) }, (_, i) => run(i)).join('')));
}

// ---------------------------------------------------------------------------
// Web pages

/** `n` elements that each hold a part heading: every element against every hit. */
export function manySignals(n = 200_000): Uint8Array {
  return strToU8(`<html><body>${'<div>一、总体情况</div><div>二、主动公开政府信息情况</div>'.repeat(n / 2)}</body></html>`);
}

/** `n` small tables. */
export function manyTables(n = 1_200_000): Uint8Array {
  return strToU8(`<html><body><p>一、总体情况</p><p>二、主动公开政府信息情况</p>${'<table><tr><td>1</td><td>2</td></tr></table>'.repeat(n)}</body></html>`);
}

// ---------------------------------------------------------------------------
// PDFs

const catalog = '<< /Type /Catalog /Pages 2 0 R >>';

/** `pageCount` pages sharing one content stream of `rules` short rules, none meeting another. */
export function manyRules(pageCount = 1000, rules = 8000): Uint8Array {
  const ops: string[] = [];
  for (let i = 0; i < rules / 2; i++) {
    // Horizontals 3 pt apart and verticals 3 pt apart, each 5 pt long, in a grid that never crosses.
    ops.push(`${(i % 100) * 6} ${Math.floor(i / 100) * 3 + 20} m ${(i % 100) * 6 + 5} ${Math.floor(i / 100) * 3 + 20} l`);
    ops.push(`${(i % 100) * 6 + 3 + 0.01 * i} ${Math.floor(i / 100) * 3 + 400} m ${(i % 100) * 6 + 3 + 0.01 * i} ${Math.floor(i / 100) * 3 + 405} l`);
  }
  const content = { data: `${ops.join(' ')} S`, deflate: true };
  const kids = Array.from({ length: pageCount }, (_, p) => `${4 + p} 0 R`);
  const objects: PdfObject[] = [catalog, `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pageCount} >>`, content];
  for (let p = 0; p < pageCount; p++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>');
  return pdfBytes(objects);
}

/** A zlib stream of `mb` MB of zeros, a thousandth of that in size: one deflated block of 64 MB, again and again. */
function zeros(mb: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(64 * 2 ** 20), { level: 9, finishFlush: 2 /* Z_SYNC_FLUSH: blocks end on a byte */ });
  const raw = Buffer.concat([...Array.from({ length: Math.max(1, Math.round(mb / 64)) }, () => block), Buffer.from([3, 0])]);
  // Header, the raw deflate, and an Adler-32 (not checked by a reader that stops early).
  return Buffer.concat([Buffer.from([0x78, 0xda]), raw, Buffer.alloc(4)]);
}

/** An image of 30,000 × 30,000 grey pixels whose deflated stream is `mb` MB of zeros. */
export function flateBomb(mb = 900): Uint8Array {
  const { tree, objects } = pages([{ data: 'q 500 0 0 500 50 50 cm /Im1 Do Q' }], '<< /XObject << /Im1 5 0 R >> >>');
  const image = { dict: '/Type /XObject /Subtype /Image /Width 30000 /Height 30000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', data: zeros(mb) };
  return pdfBytes([catalog, tree, ...objects, image]);
}

/** A page whose content stream is `mb` MB of zeros. */
export function contentBomb(mb = 1920): Uint8Array {
  const { tree, objects } = pages([{ dict: '/Filter /FlateDecode', data: zeros(mb) }], '<< >>');
  return pdfBytes([catalog, tree, ...objects]);
}

/** Form XObjects each drawing the next `fanOut` times, `depth` levels deep; the last draws a rule and a word. */
export function formFanOut(fanOut = 10, depth = 6): Uint8Array {
  const { tree, objects: page } = pages([{ data: '/X1 Do' }], '<< /XObject << /X1 5 0 R >> >>');
  const objects: PdfObject[] = [catalog, tree, ...page];
  for (let level = 1; level <= depth; level++) {
    const next = level < depth ? `<< /XObject << /X1 ${5 + level} 0 R >> /Font << /F1 ${5 + depth} 0 R >> >>` : `<< /Font << /F1 ${5 + depth} 0 R >> >>`;
    const draw = level < depth ? Array.from({ length: fanOut }, () => '/X1 Do').join(' ') : '0 0 m 10 0 l S BT /F1 8 Tf (x) Tj ET';
    objects.push({ dict: `/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources ${next}`, data: draw });
  }
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  return pdfBytes(objects);
}
