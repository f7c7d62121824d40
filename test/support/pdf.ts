/**
 * PDFs written byte by byte in the tests: objects, streams (plain or
 * deflated), a cross-reference table, as a PDF writer lays them out. Small
 * files for what the readers must do with real writers' PDFs (a predefined CJK
 * font) and with hostile ones.
 */
import { deflateSync } from 'node:zlib';

/** An object's body, or a stream: its dictionary's entries (without Length and Filter) and its data. */
export type PdfObject = string | { dict?: string; data: Uint8Array | string; deflate?: boolean };

/** A PDF of the objects numbered 1…n in order; object 1 is the catalog. */
export function pdfBytes(objects: PdfObject[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  objects.forEach((o, i) => {
    offsets.push(length);
    if (typeof o === 'string') {
      push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1'));
      return;
    }
    const raw = typeof o.data === 'string' ? Buffer.from(o.data, 'latin1') : Buffer.from(o.data);
    const data = o.deflate ? deflateSync(raw, { level: 9 }) : raw;
    push(Buffer.from(`${i + 1} 0 obj\n<< ${o.dict ?? ''} /Length ${data.length}${o.deflate ? ' /Filter /FlateDecode' : ''} >>\nstream\n`, 'latin1'));
    push(data);
    push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  });
  const xref = length;
  const table = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/** A page tree of pages (objects from `first` on: page, then its content) sharing the resources given. */
export function pages(contents: PdfObject[], resources: string, first = 3): { tree: string; objects: PdfObject[] } {
  const objects: PdfObject[] = [];
  const kids: string[] = [];
  contents.forEach((content, p) => {
    const page = first + p * 2;
    kids.push(`${page} 0 R`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents ${page + 1} 0 R >>`);
    objects.push(content);
  });
  return { tree: `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${contents.length} >>`, objects };
}

/** Text as a UCS-2 hex string, as UniGB-UCS2-H encodes it. */
export const ucs2 = (text: string) => `<${[...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;

/**
 * A Chinese PDF as iText and Acrobat write it with a predefined CJK font:
 * STSong-Light, encoded UniGB-UCS2-H, not embedded (the viewer's CMaps and
 * fonts do the rest). One line of text a paragraph.
 */
export function cjkPdf(paragraphs: string[]): Uint8Array {
  const content = `BT /F1 12 Tf 14 TL 72 780 Td ${paragraphs.map((p) => `${ucs2(p)} Tj T*`).join(' ')} ET`;
  const { tree, objects } = pages([{ data: content, deflate: true }], '<< /Font << /F1 5 0 R >> >>');
  return pdfBytes([
    '<< /Type /Catalog /Pages 2 0 R >>',
    tree,
    ...objects,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}
