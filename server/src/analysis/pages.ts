/**
 * The library's face for the editor's pages (the totals preview, the folder
 * overview): the view model they render and the wording of its sums and
 * ratios, without the readers and the rules, which a page's script would
 * otherwise carry along (`analysis/index.ts` is the face for the rest).
 */
export type { BlockView, CellView, ColumnView, PartView, ReportView, RowView, SumView, TableView } from './features/view';
export { pick, resolveLocale, type Locale } from './schema/locale';
export type { Text2 } from './schema/tables';
export { describeFormat, describeMissingTables, describeShouldBe, describeSum, describeSums, layoutName, TABLE_WORDS } from './model/describe';
export { describeRatio, isOutlier, RATIO_KEYS, thresholdText } from './model/ratios';
export { isRatioKey, summaryCell, type SummaryRow } from './corpus/summary';
