/**
 * A report as a Word document laid out like the official template, written
 * with the `docx` library: parts and sub-parts numbered by Word (w:numPr →
 * numbering.xml, chineseCounting with `%1、` and `（%1）`), the standard tables
 * with merged cells (w:gridSpan, w:vMerge), one tracked change in the prose
 * (an insertion kept and a deletion dropped when changes are accepted), and a
 * footer with a PAGE field.
 */
import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  Footer,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { DocBlock, GridCell, ReportDocument, TableGrid } from './model';

/** Fonts as the template names them; LibreOffice substitutes a CJK font it has. */
const BODY_FONT = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', eastAsia: '黑体', hAnsi: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', eastAsia: '方正小标宋简体', hAnsi: 'Times New Roman' };
const TABLE_FONT = { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman' };

/** A4 less 2.8 cm and 2.6 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1474;

/** The one tracked change: its date is fixed, so the file is the same every build. */
const CHANGE = { author: 'GovReport', date: '2026-01-15T09:00:00Z' };

function cellParagraphs(cell: GridCell): Paragraph[] {
  const bold = cell.role === 'header';
  return [
    new Paragraph({
      alignment: cell.role === 'label' && !cell.vertical ? AlignmentType.LEFT : AlignmentType.CENTER,
      children: [new TextRun({ text: cell.text, bold, size: 20, font: TABLE_FONT })],
    }),
  ];
}

function table(grid: TableGrid): Table {
  const total = grid.widths.reduce((a, b) => a + b, 0);
  const widths = grid.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  // Each row starts at the grid column its covered cells leave free.
  const covered: number[] = Array(grid.widths.length).fill(0);
  const rows = grid.rows.map((cells) => {
    let col = 0;
    const children = cells.map((cell) => {
      while (covered[col] > 0) col++;
      const span = cell.colSpan ?? 1;
      for (let k = 0; k < span; k++) covered[col + k] = cell.rowSpan ?? 1;
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return new TableCell({
        children: cellParagraphs(cell),
        columnSpan: cell.colSpan,
        rowSpan: cell.rowSpan,
        verticalAlign: VerticalAlign.CENTER,
        width: { size: width, type: WidthType.DXA },
      });
    });
    for (let k = 0; k < covered.length; k++) covered[k] = Math.max(0, covered[k] - 1);
    return new TableRow({ children, cantSplit: true });
  });
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
  });
}

/**
 * The prose paragraph that carries the tracked change: its second half was
 * inserted, and a sentence was deleted after it. Accepted, the paragraph
 * reads as the report's text.
 */
function trackedParagraph(text: string): Paragraph {
  const cut = Math.max(1, Math.floor(text.length / 2));
  const children: ParagraphChild[] = [
    new TextRun({ text: text.slice(0, cut), font: BODY_FONT }),
    new InsertedTextRun({ text: text.slice(cut), font: BODY_FONT, id: 1, ...CHANGE }),
    new DeletedTextRun({ text: '此句为修改前的表述，已删除。', font: BODY_FONT, id: 2, ...CHANGE }),
  ];
  return new Paragraph({ children, indent: { firstLine: 640 } });
}

function paragraphs(blocks: DocBlock[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let tracked = false;
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: b.text, size: 40, font: TITLE_FONT })],
          }),
        );
        break;
      case 'part':
        out.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            numbering: b.numbered ? { reference: 'parts', level: 0 } : undefined,
            children: [new TextRun({ text: b.text, font: HEADING_FONT, size: 32, bold: false, color: '000000' })],
          }),
        );
        break;
      case 'subpart':
        out.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            numbering: b.numbered ? { reference: 'subparts', level: 0 } : undefined,
            children: [new TextRun({ text: b.text, font: BODY_FONT, size: 32, bold: true, color: '000000' })],
          }),
        );
        break;
      case 'paragraph':
        // The first paragraph long enough to have been edited carries the change.
        if (!tracked && b.text.length >= 20 && !/\d/.test(b.text.slice(0, 4))) {
          out.push(trackedParagraph(b.text));
          tracked = true;
        } else out.push(new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text: b.text, font: BODY_FONT })] }));
        break;
      case 'table':
        out.push(table(b.grid), new Paragraph({ children: [] }));
        break;
    }
  }
  return out;
}

export function docxDocument(doc: ReportDocument): Document {
  return new Document({
    creator: 'GovReport fixtures',
    title: '政府信息公开工作年度报告',
    styles: {
      // Headings as the template prints them: black, 黑体 and 楷体, no theme colour.
      default: {
        document: { run: { size: 32, font: BODY_FONT } },
        heading1: { run: { size: 32, font: HEADING_FONT, color: '000000', bold: false }, paragraph: { spacing: { before: 120, after: 120 } } },
        heading2: { run: { size: 32, font: BODY_FONT, color: '000000', bold: true }, paragraph: { spacing: { before: 60, after: 60 } } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'parts',
          levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT, suffix: 'nothing' }],
        },
        {
          reference: 'subparts',
          levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '（%1）', alignment: AlignmentType.LEFT, suffix: 'nothing' }],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1474, right: 1474 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })],
              }),
            ],
          }),
        },
        children: paragraphs(doc.blocks),
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function docxBytes(doc: ReportDocument): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(doc));
}
