/**
 * A report as two kinds of web page real reviewers meet:
 * - as Word saves it ("save as web page"): `xmlns:o`, conditional comments,
 *   `mso-*` styles on every paragraph and cell, `<o:p>` in every cell;
 * - as a government CMS serves it: the site's chrome before and after, a
 *   metadata table (名称/索引号/发布机构/公开日期) before the report, the body in a
 *   `<div class=TRS_Editor>`, Word-pasted cells with words split across
 *   `<span>`s, labels padded with `&nbsp;`, rowspan/colspan, encoded in GBK.
 */
import { encode, decode } from 'iconv-lite';
import type { DocBlock, GridCell, ReportDocument, TableGrid } from './model';

const NUMERALS = '一二三四五六七八九十';

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function spans(cell: GridCell): string {
  return `${cell.rowSpan ? ` rowspan=${cell.rowSpan}` : ''}${cell.colSpan ? ` colspan=${cell.colSpan}` : ''}`;
}

/** The heading's text as printed: Word's number in front when Word numbers it. */
function headingText(b: Extract<DocBlock, { kind: 'part' | 'subpart' }>): string {
  if (!b.numbered) return b.text;
  return b.kind === 'part' ? `${NUMERALS[b.number - 1]}、${b.text}` : `（${NUMERALS[b.index - 1]}）${b.text}`;
}

// ---------------------------------------------------------------------------
// Word's "save as web page"

function wordCell(cell: GridCell, width: number): string {
  const align = cell.role === 'label' && !cell.vertical ? 'left' : 'center';
  const text = cell.text ? `<span style='font-size:10.0pt;font-family:宋体;mso-bidi-font-family:"Times New Roman"'>${escape(cell.text)}<o:p></o:p></span>` : `<span lang=EN-US style='font-size:10.0pt'><o:p>&nbsp;</o:p></span>`;
  return (
    `  <td width=${width}${spans(cell)} valign=center style='width:${(width * 0.75).toFixed(1)}pt;border:solid windowtext 1.0pt;` +
    `mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n` +
    `  <p class=MsoNormal align=${align} style='text-align:${align};mso-line-height-rule:exactly'>${cell.role === 'header' ? `<b>${text}</b>` : text}</p>\n  </td>`
  );
}

function wordTable(grid: TableGrid): string {
  const total = grid.widths.reduce((a, b) => a + b, 0);
  const px = grid.widths.map((w) => Math.round((w / total) * 600));
  const covered: number[] = Array(px.length).fill(0);
  const rows = grid.rows.map((cells, i) => {
    let col = 0;
    const tds = cells.map((cell) => {
      while (covered[col] > 0) col++;
      const span = cell.colSpan ?? 1;
      for (let k = 0; k < span; k++) covered[col + k] = cell.rowSpan ?? 1;
      const width = px.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return wordCell(cell, width);
    });
    for (let k = 0; k < covered.length; k++) covered[k] = Math.max(0, covered[k] - 1);
    return ` <tr style='mso-yfti-irow:${i};height:20.0pt'>\n${tds.join('\n')}\n </tr>`;
  });
  return (
    `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=600 style='width:450.0pt;border-collapse:collapse;border:none;` +
    `mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n${rows.join('\n')}\n</table>`
  );
}

function wordBlock(b: DocBlock): string {
  switch (b.kind) {
    case 'title':
      return `<p class=MsoTitle align=center style='text-align:center'><span style='font-size:22.0pt;font-family:方正小标宋简体'>${escape(b.text)}<o:p></o:p></span></p>`;
    case 'part':
      return `<h1 style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${b.numbered ? `${NUMERALS[b.number - 1]}、` : ''}</span><![endif]><span style='font-family:黑体'>${escape(b.text)}<o:p></o:p></span></h1>`;
    case 'subpart':
      return `<h2 style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>${b.numbered ? `（${NUMERALS[b.index - 1]}）` : ''}</span><![endif]><span style='font-family:楷体'>${escape(b.text)}<o:p></o:p></span></h2>`;
    case 'paragraph':
      return `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${escape(b.text)}<o:p></o:p></span></p>`;
    case 'table':
      return `${wordTable(b.grid)}\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>`;
  }
}

/** The page Word writes when a report is saved as a web page (UTF-8). */
export function wordHtml(doc: ReportDocument): string {
  const title = doc.blocks.find((b) => b.kind === 'title');
  return `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>${escape(title && 'text' in title ? title.text : '政府信息公开工作年度报告')}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>GovReport</o:Author>
  <o:Pages>4</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
  <w:TrackMoves>false</w:TrackMoves>
  <w:DisplayHorizontalDrawingGridEvery>0</w:DisplayHorizontalDrawingGridEvery>
  <w:Compatibility>
   <w:SpaceForUL/>
   <w:BalanceSingleByteDoubleByteWidth/>
  </w:Compatibility>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face {font-family:宋体; panose-1:2 1 6 0 3 1 1 1 1 1; mso-font-charset:134;}
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no; mso-style-qformat:yes; margin:0cm; text-align:justify; text-justify:inter-ideograph;
	font-size:10.5pt; font-family:"Times New Roman",serif; mso-fareast-font-family:宋体; mso-font-kerning:1.0pt;}
 @page WordSection1 {size:595.3pt 841.9pt; margin:72.0pt 90.0pt 72.0pt 90.0pt; mso-header-margin:42.55pt; mso-footer-margin:49.6pt;}
 div.WordSection1 {page:WordSection1;}
 @list l0:level1 {mso-level-number-format:chinese-counting; mso-level-text:%1、; mso-level-tab-stop:none;}
 @list l1:level1 {mso-level-number-format:chinese-counting; mso-level-text:（%1）; mso-level-tab-stop:none;}
-->
</style>
<!--[if gte mso 10]>
<style>
 table.MsoNormalTable {mso-style-name:普通表格; mso-tstyle-rowband-size:0; mso-padding-alt:0cm 5.4pt 0cm 5.4pt;}
</style>
<![endif]-->
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

${doc.blocks.map(wordBlock).join('\n\n')}

</div>

</body>

</html>
`;
}

// ---------------------------------------------------------------------------
// A government site's page, as its CMS serves it

/** A word cut in two spans, as Word-pasted text often is (自然 + 人). */
function splitWord(text: string): string {
  const t = escape(text);
  if (text.length < 3) return `<span>${t}</span>`;
  const cut = Math.ceil(text.length / 2);
  return `<span>${escape(text.slice(0, cut))}</span><span>${escape(text.slice(cut))}</span>`;
}

function cmsCell(cell: GridCell): string {
  let inner: string;
  if (!cell.text) inner = '<p><span><o:p>&nbsp;</o:p></span></p>';
  else if (cell.role === 'value') inner = `<p style="text-indent:0em">${escape(cell.text)}</p>`;
  else if (cell.vertical) inner = [...cell.text].map((ch) => `<p><span>${escape(ch)}</span></p>`).join('');
  else if (cell.role === 'label' && cell.text.length > 8) {
    // A long label broken over two <p>, the break padded with &nbsp; runs.
    const cut = Math.floor(cell.text.length / 2);
    inner = `<p>${splitWord(cell.text.slice(0, cut))}&nbsp;&nbsp;&nbsp;</p><p>&nbsp;${splitWord(cell.text.slice(cut))}<o:p></o:p></p>`;
  } else inner = `<p>${splitWord(cell.text)}<span><o:p></o:p></span></p>`;
  return `<td${spans(cell)} style="border:1px solid #000;padding:2px" valign="center">${inner}</td>`;
}

function cmsTable(grid: TableGrid): string {
  const rows = grid.rows.map((cells) => `<tr>${cells.map(cmsCell).join('')}</tr>`);
  return `<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%"><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function cmsBlock(b: DocBlock): string {
  switch (b.kind) {
    case 'title':
      return `<p style="text-align:center"><strong><span style="font-size:22px">${escape(b.text)}</span></strong></p>`;
    case 'part':
    case 'subpart':
      return `<p style="text-indent:2em"><strong><span style="font-family:黑体">${escape(headingText(b))}</span></strong></p>`;
    case 'paragraph':
      return `<p style="text-indent:2em"><span style="font-family:仿宋_GB2312">${escape(b.text)}</span></p>`;
    case 'table':
      return cmsTable(b.grid);
  }
}

const CHROME_LINKS = ['首页', '政务公开', '政府信息公开', '政府信息公开年报', '互动交流', '政务服务', '走进本区'];

function chromeBefore(title: string): string {
  const nav = CHROME_LINKS.map((l, i) => `<li><a href="/col/col${1000 + i}/index.html" target="_blank">${l}</a></li>`).join('');
  return `<div class="header"><div class="logo"><img src="/images/logo.png" alt="人民政府门户网站"></div>
<ul class="nav">${nav}</ul>
<form class="search" action="/search" method="get"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1001/index.html">政务公开</a> &gt; <a href="/col/col1003/index.html">政府信息公开年报</a></div>
<table class="xxgk-meta" width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="label">名&nbsp;&nbsp;&nbsp;&nbsp;称：</td><td colspan="3">${escape(title)}</td></tr>
<tr><td class="label">索&nbsp;引&nbsp;号：</td><td>11320000014000000X/2024-00123</td><td class="label">分&nbsp;&nbsp;&nbsp;&nbsp;类：</td><td>政府信息公开年报</td></tr>
<tr><td class="label">发布机构：</td><td>人民政府办公室</td><td class="label">公开日期：</td><td>2024-01-31</td></tr>
<tr><td class="label">文&nbsp;&nbsp;&nbsp;&nbsp;号：</td><td></td><td class="label">有&nbsp;效&nbsp;性：</td><td>有效</td></tr>
</table>
<h1 class="article-title">${escape(title)}</h1>
<div class="article-info">发布时间：2024-01-31 10:00 &nbsp; 来源：人民政府办公室 &nbsp; 字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a></div>`;
}

const CHROME_AFTER = `<div class="share">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/art/1.html">上一篇：关于公布行政规范性文件清理结果的通知</a></li><li><a href="/art/2.html">下一篇：政府信息公开指南</a></li></ul></div>
<div class="footer"><ul class="links"><li><a href="http://www.gov.cn/">中国政府网</a></li><li><a href="/">省人民政府</a></li><li><a href="/">市人民政府</a></li></ul>
<p>主办：人民政府办公室 &nbsp; 网站标识码：3200000000 &nbsp; 备案号：苏ICP备00000000号</p>
<p><a href="/sitemap.html">网站地图</a> | <a href="/contact.html">联系我们</a></p></div>
<script type="text/javascript">var _hmt = _hmt || []; (function () { var s = document.createElement('script'); s.src = '/js/stat.js'; })();</script>`;

/** The page as a government CMS serves it, as text (encode with `cmsHtmlBytes`). */
export function cmsHtml(doc: ReportDocument): string {
  const title = doc.blocks.find((b): b is Extract<DocBlock, { kind: 'title' }> => b.kind === 'title')?.text ?? '政府信息公开工作年度报告';
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="gbk">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${escape(title)}</title>
<link rel="stylesheet" href="/css/main.css">
<script type="text/javascript" src="/js/jquery.min.js"></script>
</head>
<body>
${chromeBefore(title)}
<div class="article-content"><div class=TRS_Editor><style type="text/css">.TRS_Editor p{line-height:2;}</style>
${doc.blocks.map(cmsBlock).join('\n')}
</div></div>
${CHROME_AFTER}
</body>
</html>
`;
}

/**
 * GBK bytes of a page; a character GBK cannot hold is written as a numeric
 * character reference, as CMSs do.
 */
export function gbkBytes(html: string): Buffer {
  let out = '';
  for (const ch of html) {
    if (ch.charCodeAt(0) < 0x80) out += ch;
    else out += decode(encode(ch, 'gbk'), 'gbk') === ch ? ch : `&#${ch.codePointAt(0)};`;
  }
  return encode(out, 'gbk');
}
