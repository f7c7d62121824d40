/**
 * Small source documents built in the test, from strings: a .docx package
 * (zipped with fflate), and the pieces a report's tables are made of.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph of plain runs; `num` numbers it with Word's list numbering. */
export function wp(text: string, opts: { num?: [numId: number, ilvl: number]; style?: string } = {}): string {
  const pPr = opts.num || opts.style
    ? `<w:pPr>${opts.style ? `<w:pStyle w:val="${opts.style}"/>` : ''}${opts.num ? `<w:numPr><w:ilvl w:val="${opts.num[1]}"/><w:numId w:val="${opts.num[0]}"/></w:numPr>` : ''}</w:pPr>`
    : '';
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

export interface WCell {
  text: string;
  span?: number;
  vMerge?: 'restart' | 'continue';
}

/** A table; a cell is a string or `{text, span, vMerge}`. */
export function wtbl(rows: (string | WCell)[][]): string {
  const tc = (c: string | WCell): string => {
    const cell = typeof c === 'string' ? { text: c } : c;
    const pr = `${cell.span ? `<w:gridSpan w:val="${cell.span}"/>` : ''}${cell.vMerge ? (cell.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : ''}`;
    return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${wp(cell.text)}</w:tc>`;
  };
  return `<w:tbl>${rows.map((r) => `<w:tr>${r.map(tc).join('')}</w:tr>`).join('')}</w:tbl>`;
}

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** numbering.xml with one list (numId 1): level 0 `%1、` chineseCounting, level 1 `（%2）` chineseCounting, level 2 `%3.` decimal. */
export const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

/** A .docx package with the given parts (word/document.xml from `body`). */
export function docx(body: string, parts: { numbering?: string; styles?: string; extra?: Record<string, string | Uint8Array> } = {}): Uint8Array {
  const ct = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  // Content types and relationships as Word writes them, so that office suites open the file too.
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Override PartName="/word/document.xml" ContentType="${ct}.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="${ct}.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="${ct}.styles+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${parts.numbering ? `<Relationship Id="rId2" Type="${rel}/numbering" Target="numbering.xml"/>` : ''}${parts.styles ? `<Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
    ),
    'word/document.xml': strToU8(documentXml(body)),
  };
  if (parts.numbering) files['word/numbering.xml'] = strToU8(parts.numbering);
  if (parts.styles) files['word/styles.xml'] = strToU8(parts.styles);
  for (const [k, v] of Object.entries(parts.extra ?? {})) files[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(files);
}
