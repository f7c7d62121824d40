/**
 * A Word document (.docx) as a report: the body as it would print with tracked
 * changes accepted — paragraphs with the numbers Word generates for them
 * (numbering.xml, directly or through the paragraph's style), tables with
 * merged cells laid out on their grid, text boxes where they are anchored.
 * Comments, footnotes, headers and footers live in other parts and are not
 * read; fields such as PAGE are left out. XML is parsed by htmlparser2 in XML
 * mode, which expands no DTD and no entity of its own; a part that declares a
 * DTD is refused outright.
 */
import { layoutGrid, MAX_COLUMNS, type SourceCell } from './grid';
import { MAX_NODES, parseMarkup, SourceFailure, TOO_DEEP, type NodeBudget } from './markup';
import { child, int, on, tags, val, type El } from './ooxml';
import type { Block, SourceResult } from './model';
import { Numbering, readStyles, type Style } from './docx-numbering';
import { cellText, render } from './render';
import { xmlParts } from './zip';

const UNSAFE_XML = {
  zh: '文档的 XML 含有 DTD 或实体声明（可能是恶意文件），拒绝读取',
  en: 'the document’s XML declares a DTD or entities (possibly hostile), not read',
};
const NOT_WORD = { zh: '不是 Word 文档（.docx 中没有正文部分）', en: 'not a Word document (the .docx has no main document part)' };
/** Tables in tables in text boxes… far beyond any real document. */
const MAX_DEPTH = 64;

const decoder = new TextDecoder('utf-8');

function parseXml(bytes: Uint8Array, budget: NodeBudget): El {
  const xml = decoder.decode(bytes);
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) throw new SourceFailure(UNSAFE_XML);
  return parseMarkup(xml, true, budget);
}

// ---------------------------------------------------------------------------
// The body

/** Fields whose result is not the document's text. */
const IGNORED_FIELDS = /^\s*(PAGE|NUMPAGES|SECTIONPAGES|SECTION|TOC|PAGEREF)\b/i;

class Reader {
  readonly blocks: Block[] = [];
  private paragraphs = 0;
  private tables = 0;
  /** Complex fields open across runs (and paragraphs): their instruction, and whether their result shows. */
  private fields: { instr: string; result: boolean }[] = [];
  /** How many of them hide what follows (in their instruction, or an ignored field's result): text shows when none does. */
  private hiding = 0;

  constructor(
    private readonly numbering: Numbering,
    private readonly styles: Map<string, Style>,
  ) {}

  /** Body-level content: paragraphs, tables, and the containers around them. */
  content(el: El, out: Block[], depth: number, inCell: boolean): void {
    if (depth > MAX_DEPTH) throw new SourceFailure(TOO_DEEP);
    for (const c of tags(el)) {
      switch (c.name) {
        case 'w:p': {
          const boxes: El[] = [];
          const text = this.paragraph(c, boxes);
          out.push({ type: 'paragraph', text, place: { kind: 'docx', ...(inCell ? {} : { paragraph: ++this.paragraphs }) } });
          // A text box's paragraphs read where it is anchored.
          for (const box of boxes) this.content(box, out, depth + 1, inCell);
          break;
        }
        case 'w:tbl': {
          // A table of one column frames text (a box around a note): its paragraphs are read as paragraphs.
          const rows = tags(c).filter((x) => x.name === 'w:tr');
          const framed = rows.every((tr) => tags(tr).filter((x) => x.name === 'w:tc').length <= 1 && !child(child(tags(tr).find((x) => x.name === 'w:tc'), 'w:tcPr'), 'w:gridSpan'));
          if (framed) for (const tr of rows) for (const tc of tags(tr).filter((x) => x.name === 'w:tc')) this.content(tc, out, depth + 1, inCell);
          else out.push(this.table(c, depth + 1));
          break;
        }
        case 'w:sdt':
          this.content(child(c, 'w:sdtContent') ?? c, out, depth + 1, inCell);
          break;
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          this.content(c, out, depth + 1, inCell);
          break;
        case 'mc:AlternateContent':
          this.content(child(c, 'mc:Choice') ?? c, out, depth + 1, inCell);
          break;
        // w:del, w:moveFrom (changes rejected when accepted), w:sectPr, bookmarks: nothing to read.
      }
    }
  }

  private label(p: El): string {
    const pPr = child(p, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    let numId = val(child(numPr, 'w:numId'));
    let ilvl = numPr && child(numPr, 'w:ilvl') ? int(val(child(numPr, 'w:ilvl')), 0) : undefined;
    const styleId = val(child(pPr, 'w:pStyle'));
    // Numbering from the paragraph's style (headings numbered by Word), through its basedOn chain.
    for (let id = styleId, n = 0; id && n < 10 && (numId === undefined || ilvl === undefined); n++) {
      const s = this.styles.get(id);
      if (!s) break;
      numId ??= s.numId;
      if (s.numId !== undefined && ilvl === undefined) ilvl = s.ilvl ?? this.numbering.levelOfStyle(s.numId, id);
      id = s.basedOn;
    }
    if (!numId || numId === '0') return '';
    const label = this.numbering.next(numId, ilvl ?? 0);
    // Word's tab after the number: a space, unless the label ends in punctuation (一、 （一） 1.).
    return label && /[A-Za-z0-9]$/.test(label) ? `${label} ` : label;
  }

  private paragraph(p: El, boxes: El[]): string {
    let text = this.label(p);
    const inline = (el: El): void => {
      for (const c of el.children) {
        if (c.type !== 'tag') continue;
        switch (c.name) {
          case 'w:r':
            this.run(c, boxes, (s) => (text += s));
            break;
          case 'w:fldSimple':
            if (!IGNORED_FIELDS.test(c.attribs['w:instr'] ?? '')) inline(c);
            break;
          case 'w:sdt':
            inline(child(c, 'w:sdtContent') ?? c);
            break;
          case 'mc:AlternateContent':
            inline(child(c, 'mc:Choice') ?? c);
            break;
          case 'w:ins':
          case 'w:moveTo':
          case 'w:hyperlink':
          case 'w:smartTag':
          case 'w:customXml':
          case 'w:dir':
          case 'w:bdo':
            inline(c);
            break;
          // w:del, w:moveFrom, w:pPr, bookmarks, proofing marks: not text.
        }
      }
    };
    inline(p);
    return text;
  }

  private run(r: El, boxes: El[], emit: (s: string) => void): void {
    const rPr = child(r, 'w:rPr');
    if (on(child(rPr, 'w:vanish'))) return;
    const shows = (): boolean => this.hiding === 0;
    for (const c of tags(r)) {
      switch (c.name) {
        case 'w:fldChar': {
          const type = c.attribs['w:fldCharType'];
          if (type === 'begin') {
            this.fields.push({ instr: '', result: false });
            this.hiding++;
          } else if (type === 'separate') {
            const f = this.fields[this.fields.length - 1];
            if (f && !f.result && !IGNORED_FIELDS.test(f.instr)) {
              f.result = true;
              this.hiding--;
            }
          } else if (type === 'end') {
            const f = this.fields.pop();
            if (f && !f.result) this.hiding--;
          }
          break;
        }
        case 'w:instrText': {
          const f = this.fields[this.fields.length - 1];
          if (f && !f.result) f.instr += textContent(c);
          break;
        }
        case 'w:t':
          if (shows()) emit(textContent(c));
          break;
        case 'w:tab':
        case 'w:ptab':
          if (shows()) emit('\t');
          break;
        case 'w:br':
        case 'w:cr':
          if (shows()) emit('\n');
          break;
        case 'w:noBreakHyphen':
          if (shows()) emit('-');
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'mc:AlternateContent':
        case 'w:object':
          findTextBoxes(c, boxes);
          break;
      }
    }
  }

  private table(tbl: El, depth: number): Block {
    const number = ++this.tables;
    interface Raw {
      col: number;
      span: number;
      text: string;
      merge?: 'restart' | 'continue';
    }
    const raws: Raw[][] = [];
    for (const tr of tags(tbl).filter((c) => c.name === 'w:tr')) {
      const trPr = child(tr, 'w:trPr');
      if (child(trPr, 'w:del')) continue; // a deleted row, rejected when changes are accepted
      const row: Raw[] = [];
      let col = int(val(child(trPr, 'w:gridBefore')), 0);
      const cells: El[] = [];
      const collect = (el: El): void => {
        for (const c of tags(el)) {
          if (c.name === 'w:tc') cells.push(c);
          else if (c.name === 'w:sdt') collect(child(c, 'w:sdtContent') ?? c);
          else if (c.name === 'w:customXml') collect(c);
        }
      };
      collect(tr);
      for (const tc of cells) {
        // Past the widest grid a table is laid out on (see grid.ts), cells are cut: not read either.
        if (col >= MAX_COLUMNS) break;
        const tcPr = child(tc, 'w:tcPr');
        const span = Math.max(1, int(val(child(tcPr, 'w:gridSpan')), 1));
        const vMerge = child(tcPr, 'w:vMerge');
        const blocks: Block[] = [];
        this.content(tc, blocks, depth + 1, true);
        const text = blocks.map((b) => (b.type === 'paragraph' ? b.text : b.rows.flat().map((x) => x?.text ?? '').join(''))).join('');
        row.push({ col, span, text: cellText(text), merge: vMerge ? (val(vMerge) === 'restart' ? 'restart' : 'continue') : undefined });
        col += span;
      }
      raws.push(row);
    }
    // A vertically merged cell: its first cell spans the rows its continuations fill.
    const byColumn = raws.map((row) => new Map(row.map((c) => [c.col, c])));
    const rows: SourceCell[][] = raws.map((row, r) =>
      row
        .filter((c) => c.merge !== 'continue' || !byColumn[r - 1]?.has(c.col))
        .map((c) => {
          let rowSpan = 1;
          if (c.merge === 'restart') while (byColumn[r + rowSpan]?.get(c.col)?.merge === 'continue') rowSpan++;
          return { text: c.text, rowSpan, colSpan: c.span, column: c.col };
        }),
    );
    return layoutGrid('docx', number, rows);
  }
}

function textContent(el: El): string {
  let s = '';
  for (const c of el.children) s += c.type === 'text' ? (c.data ?? '') : c.type === 'tag' ? textContent(c) : '';
  return s;
}

function findTextBoxes(el: El, out: El[]): void {
  for (const c of tags(el)) {
    if (c.name === 'w:txbxContent') out.push(c);
    else if (c.name === 'mc:Fallback') continue; // the same box again, for older readers
    else findTextBoxes(c, out);
  }
}

/** The main document part's name, from the package's relationships. */
function mainPart(parts: Map<string, Uint8Array>, budget: NodeBudget): string {
  const rels = parts.get('_rels/.rels');
  if (rels) {
    const root = parseXml(rels, budget);
    for (const r of tags(child(root, 'Relationships'))) {
      if (/\/officeDocument$/.test(r.attribs.Type ?? '')) return (r.attribs.Target ?? '').replace(/^\//, '');
    }
  }
  return 'word/document.xml';
}

export function readDocx(bytes: Uint8Array): SourceResult {
  try {
    const parts = xmlParts(bytes);
    // One budget of elements for all the parts read.
    const budget: NodeBudget = { left: MAX_NODES };
    const main = mainPart(parts, budget);
    const doc = parts.get(main);
    if (!doc) return { kind: 'docx', error: NOT_WORD };
    const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
    const numbering = parts.get(`${dir}numbering.xml`);
    const styles = parts.get(`${dir}styles.xml`);
    const reader = new Reader(new Numbering(numbering && parseXml(numbering, budget)), readStyles(styles && parseXml(styles, budget)));
    const root = parseXml(doc, budget);
    const body = child(child(root, 'w:document'), 'w:body');
    if (!body) return { kind: 'docx', error: NOT_WORD };
    reader.content(body, reader.blocks, 0, false);
    return render('docx', reader.blocks);
  } catch (e) {
    if (e instanceof SourceFailure) return { kind: 'docx', error: e.text };
    if (e instanceof RangeError) return { kind: 'docx', error: TOO_DEEP };
    throw e;
  }
}
