/**
 * GovReport's own messages between the extension and its language server,
 * beside LSP's: each one's method and what it carries, imported by both sides
 * (as vscode-eslint shares its custom messages), so that neither types them by
 * hand. Types only at run time: each side sends them through its own JSON-RPC
 * library, whose message types are not interchangeable across versions.
 */
import { URI } from 'vscode-uri';
import type { SummaryKey, SummaryRow } from './analysis/corpus/summary';
import type { RatioThresholds } from './analysis/model/ratios';
import type { Range, ReportView } from './analysis';

declare const carries: unique symbol;

/** A request: its method, and (for the type checker only) its parameters and result. */
export interface Request<P, R> {
  readonly method: string;
  readonly [carries]?: (params: P) => R;
}

/** A notification: its method, and (for the type checker only) its parameters. */
export interface Notification<P> {
  readonly method: string;
  readonly [carries]?: (params: P) => void;
}

import type { Locale } from './analysis';

export type { Locale };

/**
 * The language server's node options, wherever it is started (the extension, the tests, the
 * benchmarks): a young generation of 2 MB is collected more often, but the heap then settles
 * near what the open reports hold instead of growing by tens of MB of garbage between collections;
 * and the old generation may grow to 1.2× what outlived the last full collection, not V8's
 * up to 4× (which it takes when the server allocates fast, as when edits are checked at once or
 * a large document is analysed again to verify a fix).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=2', '--heap-growing-percent=20'];

/** `govreport/analyzed`, server → client after each analysis of an open report: the status item's counts. */
export interface AnalyzedParams {
  uri: string;
  version: number;
  counts: { error: number; warning: number; info: number; hint: number };
}
export const Analyzed: Notification<AnalyzedParams> = { method: 'govreport/analyzed' };

/** `govreport/readSource`: a .docx, web page or PDF read into the report's text, for the client to show read-only. */
export interface ReadSourceParams {
  /** The file's name, which says its format. */
  name: string;
  /** Its bytes, base64. */
  data: string;
  /** The URI the client will show the text under (sourceDocumentUri), to keep the source map for. */
  uri?: string;
}
export type ReadSourceResult = { text: string; kind: string } | { error: string };
export const ReadSource: Request<ReadSourceParams, ReadSourceResult> = { method: 'govreport/readSource' };

/** `govreport/reviewWorkspace`: every report of the workspace checked; how many, and whether the user cancelled. */
export interface ReviewResult {
  files: number;
  cancelled: boolean;
}
export const ReviewWorkspace: Request<null, ReviewResult> = { method: 'govreport/reviewWorkspace' };

/** `govreport/summary`: the folder overview's table (the workspace reviewed first when `review`), and its CSV when `csv`. */
export interface SummaryParams {
  csv?: boolean;
  review?: boolean;
}
export interface SummaryResult {
  locale: Locale;
  reviewed: boolean;
  columns: { key: SummaryKey; name: string }[];
  /** `file` as shown (relative to its workspace folder), `uri` to open it by. */
  rows: (SummaryRow & { uri: string })[];
  /** Where the ratios mark a report (`govreport.ratios`). */
  thresholds: RatioThresholds;
  csv?: string;
}
export const Summary: Request<SummaryParams | null, SummaryResult> = { method: 'govreport/summary' };

/** `govreport/tables`: the model of an open report that the totals preview shows. */
export interface TablesParams {
  textDocument: { uri: string };
}
export interface TablesResult {
  uri: string;
  version: number;
  locale: Locale;
  /** Where the report's ratios are marked (`govreport.ratios`). */
  thresholds: RatioThresholds;
  view: ReportView;
}
export const Tables: Request<TablesParams, TablesResult | null> = { method: 'govreport/tables' };

export type { Range };

/** The scheme of the read-only documents showing a source's report text. */
export const SOURCE_SCHEME = 'govreport-source';

/**
 * The document that shows the report text of the source at `fileUri`: its
 * path ends in .govreport (so the editor gives it the report language), its
 * query is the source's URI. Written as VS Code writes URIs, so that the
 * server's name for it is the editor's.
 */
export function sourceDocumentUri(fileUri: string): string {
  const source = URI.parse(fileUri);
  return URI.from({ scheme: SOURCE_SCHEME, path: `${source.path}.govreport`, query: source.toString() }).toString();
}

/** The source's URI behind a source document's, or undefined for any other URI. */
export function sourceOf(uri: string): string | undefined {
  if (!uri.startsWith(`${SOURCE_SCHEME}:`)) return undefined;
  return URI.parse(uri).query || undefined;
}

/** The minimum of a JSON-RPC connection that sends requests and notifications (client or server). */
interface Sender {
  sendRequest(method: string, params: unknown): Promise<unknown>;
  sendNotification(method: string, params: unknown): Promise<void>;
}

export function sendRequest<P, R>(to: Sender, type: Request<P, R>, params: P): Promise<R> {
  return to.sendRequest(type.method, params) as Promise<R>;
}

export function sendNotification<P>(to: Sender, type: Notification<P>, params: P): Promise<void> {
  return to.sendNotification(type.method, params);
}

/** Handles a request; what arrives is what the other side sent, to be checked before it is trusted. */
export function onRequest<P, R>(on: { onRequest(method: string, handler: (params: never) => unknown): unknown }, type: Request<P, R>, handler: (params: P) => R | Promise<R>): void {
  on.onRequest(type.method, handler as (params: never) => unknown);
}

// `any[]`: the handler type the JSON-RPC libraries declare for a method given by name.
export function onNotification<P, D>(on: { onNotification(method: string, handler: (...params: any[]) => void): D }, type: Notification<P>, handler: (params: P) => void): D {
  return on.onNotification(type.method, handler);
}
