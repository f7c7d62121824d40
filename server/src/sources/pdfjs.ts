/**
 * pdfjs-dist as the bundle loads it (dist/pdfjs.mjs, an ES module of its
 * own): the library, with its worker's message handler run in this thread, so
 * that no worker file has to be found at run time. Imports run in order:
 * pdfjs-env.ts prepares Node for it first.
 */
import { restoreConsole } from './pdfjs-env';
// @ts-expect-error pdfjs-dist ships no types for its worker module
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

restoreConsole();
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

export * from 'pdfjs-dist/legacy/build/pdf.mjs';
