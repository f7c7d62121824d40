/**
 * Finding and reading reports, for every door: the command line's commands,
 * the language server's source documents and its workspace review. Which
 * names are searched for (names.ts), how a folder is walked (walk.ts), how a
 * file is read safely (read-file.ts) and decoded (decode.ts), and how a report
 * in any form becomes the text the analysis reads (read.ts).
 */
export { decode } from './decode';
export { isReportName, isSourceName, legacyFormat, REPORT_EXTENSIONS, searchedNames, sourceKind, WATCH_GLOB } from './names';
export { displayPath, realPath, recoverBytes } from './paths';
export { readReport, readReportBytes, type ReportFile } from './read';
export { IN_LINE, READ_LIMIT, tooLarge, type FilePath } from './read-file';
export { walkReports } from './walk';
