/**
 * The parameters of requests, checked before use: a request whose parameters
 * do not have the protocol's shape is answered with InvalidParams (-32602),
 * naming what is wrong, not with an internal error from deep inside a handler.
 * Numbers out of range (a line past the end) are not wrong: they are clamped
 * where they are used, as the protocol says.
 */
import { ErrorCodes, ResponseError, type Position, type Range } from 'vscode-languageserver/node';
import type { AcceptArgs } from './folders';

export function invalid(what: string): never {
  throw new ResponseError(ErrorCodes.InvalidParams, `invalid params: ${what}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** `params.textDocument.uri`. */
export function documentUri(params: unknown): string {
  if (!isObject(params)) invalid('the parameters must be an object');
  const doc = params.textDocument;
  if (!isObject(doc) || typeof doc.uri !== 'string') invalid('textDocument.uri must be a string');
  return doc.uri;
}

export function position(value: unknown, name = 'position'): Position {
  if (!isObject(value) || !isNumber(value.line) || !isNumber(value.character)) invalid(`${name} must be {line, character} with numbers`);
  return { line: Math.max(0, Math.floor(value.line)), character: Math.max(0, Math.floor(value.character)) };
}

export function range(value: unknown, name = 'range'): Range {
  if (!isObject(value)) invalid(`${name} must be {start, end}`);
  return { start: position(value.start, `${name}.start`), end: position(value.end, `${name}.end`) };
}

/** A code action request's `context`: the kinds asked for (`only`), if any. */
export function codeActionOnly(params: unknown): string[] | undefined {
  const context = isObject(params) ? params.context : undefined;
  if (!isObject(context)) invalid('context must be an object');
  const only = context.only;
  if (only === undefined || only === null) return undefined;
  if (!Array.isArray(only) || !only.every((k) => typeof k === 'string')) invalid('context.only must be a list of strings');
  return only;
}

/** A code action sent back to be resolved: an object with a title. */
export function codeAction<T>(value: T): T {
  if (!isObject(value) || typeof value.title !== 'string') invalid('the code action must be an object with a title');
  return value;
}

/** What "Accept this finding" carries back: the report and the baseline entry. */
export function acceptArgs(value: unknown): AcceptArgs {
  if (!isObject(value) || typeof value.uri !== 'string' || !isObject(value.entry)) invalid('the arguments must be {uri, entry}');
  const e = value.entry;
  const at = e.at;
  const valuesOk = Array.isArray(e.values) && e.values.every((v) => typeof v === 'string' || isNumber(v));
  if (typeof e.file !== 'string' || typeof e.code !== 'string' || !isObject(at) || !valuesOk) invalid('entry must be {file, code, at, values}');
  if (!Object.entries(at).every(([k, v]) => ['table', 'row', 'column', 'part'].includes(k) && (typeof v === 'string' || isNumber(v)))) invalid('entry.at must name a table, row, column or part');
  const message = typeof e.message === 'string' ? e.message : undefined;
  return { uri: value.uri, entry: { file: e.file, code: e.code, at: at as AcceptArgs['entry']['at'], values: e.values as (string | number)[], count: 1, message } };
}
