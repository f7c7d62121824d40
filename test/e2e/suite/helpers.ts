/// <reference types="mocha" />
// Helpers for the end-to-end tests, which run inside VS Code's extension host.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';

/**
 * Takes a screenshot of the whole workbench, what a person would see, and
 * saves it as <name>.png in the runner's artifacts folder (E2E_ARTIFACTS,
 * default .e2e-artifacts/). Returns the file's path, or undefined when no
 * runner with a browser is there to take it (e.g. under @vscode/test-electron).
 *
 * The browser belongs to scripts/e2e/run.mjs; this process reaches it through
 * the runner's small HTTP server on 127.0.0.1 (GOVREPORT_E2E_CONTROL).
 */
export async function screenshot(name: string): Promise<string | undefined> {
  const body = await control('POST', `/screenshot?name=${encodeURIComponent(name)}`);
  return body === undefined ? undefined : (JSON.parse(body) as { path: string }).path;
}

/**
 * The text each open webview shows, as the browser renders it; undefined
 * when no runner with a browser is there to read it.
 */
export async function webviewTexts(): Promise<string[] | undefined> {
  return (await webviews())?.map((v) => v.text);
}

export interface WebviewView {
  /** The text a person sees. */
  text: string;
  /** The page's Content-Security-Policy. */
  csp: string;
  /** The scripts the page loaded. */
  scripts: string[];
  /** The page's canvases (charts): size, and how many sampled pixels are painted. */
  canvases?: { label: string; width: number; height: number; painted: number }[];
  /** Whether the page scrolls sideways (scrollWidth over clientWidth), and the boxes that scroll on their own. */
  layout?: {
    page: { scrollWidth: number; clientWidth: number };
    scrollers: { className: string; scrollWidth: number; clientWidth: number }[];
  };
}

/** Whether a runner with a browser is there (code-server), or not (a desktop VS Code under test-electron). */
export const HAS_BROWSER = !!process.env.GOVREPORT_E2E_CONTROL;

/**
 * Skips the running test, saying why, when it needs what only the runner's
 * browser can do (read a webview, see the workbench). The reason reaches node's
 * test runner with the result.
 */
export function needsBrowser(context: Mocha.Context, what: string): void {
  if (HAS_BROWSER) return;
  if (context.test) (context.test as Mocha.Test & { skipReason?: string }).skipReason = `no browser to ${what} (runs under code-server)`;
  context.skip();
}

/**
 * Waits until the workbench shows what `selector` names (a hover, the
 * suggestions, a squiggle), or hides it with `state: 'hidden'`: what a person
 * would wait for before looking. Without a browser there is nothing to wait
 * for. Rejects after the timeout, saying what it waited for.
 */
export async function waitForWorkbench(selector: string, state: 'visible' | 'hidden' = 'visible', timeout = 10_000): Promise<void> {
  const query = new URLSearchParams({ selector, state, timeout: String(timeout) });
  const body = await control('GET', `/wait?${query}`);
  if (body === undefined) return;
  const answer = JSON.parse(body) as { ok: boolean; error?: string };
  if (!answer.ok) throw new Error(`the workbench did not show ${selector} (${state}): ${answer.error}`);
}

/** What each open webview shows, as the browser renders it; undefined without a runner. */
export async function webviews(): Promise<WebviewView[] | undefined> {
  const body = await control('GET', '/webview-text');
  return body === undefined ? undefined : (JSON.parse(body) as { views: WebviewView[] }).views;
}

/** A request to the runner's control server (GOVREPORT_E2E_CONTROL). */
async function control(method: 'GET' | 'POST', path: string): Promise<string | undefined> {
  const base = process.env.GOVREPORT_E2E_CONTROL;
  if (!base) return undefined;
  const url = new URL(path, base);
  return new Promise<string>((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface WaitOptions {
  /** Milliseconds before giving up (default 10 000). */
  timeout?: number;
  /** Says what was awaited, for the error on timeout. */
  message?: string;
  /** Checks again whenever this fires (e.g. vscode.languages.onDidChangeDiagnostics). */
  event?: vscode.Event<unknown>;
  /**
   * Also checks every this many milliseconds: for state that no event
   * announces (default: only on the event, or every 50 ms without one).
   */
  pollMs?: number;
}

/**
 * Resolves with the first truthy value `check` returns: checked at once, then
 * on each `event` (and every `pollMs`). Rejects after `timeout`.
 */
export function waitFor<T>(check: () => T | undefined | null | false, options: WaitOptions = {}): Promise<T> {
  const { timeout = 10_000, message = 'condition', event } = options;
  const pollMs = options.pollMs ?? (event ? undefined : 50);
  return new Promise<T>((resolve, reject) => {
    const disposables: vscode.Disposable[] = [];
    const finish = (done: () => void) => {
      disposables.forEach((d) => d.dispose());
      done();
    };
    const attempt = () => {
      let value: T | undefined | null | false;
      try {
        value = check();
      } catch (error) {
        return finish(() => reject(error));
      }
      if (value) finish(() => resolve(value as T));
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeout} ms waiting for ${message}`))), timeout);
    disposables.push({ dispose: () => clearTimeout(timer) });
    if (event) disposables.push(event(attempt));
    if (pollMs) {
      const interval = setInterval(attempt, pollMs);
      disposables.push({ dispose: () => clearInterval(interval) });
    }
    attempt();
  });
}

/**
 * Like waitFor, for a check that must ask another process (the runner's
 * browser): asks again every `pollMs` until it answers truthy or time runs out.
 */
export async function waitForAsync<T>(check: () => Promise<T | undefined | null | false>, options: Omit<WaitOptions, 'event'> = {}): Promise<T> {
  const { timeout = 10_000, message = 'condition', pollMs = 200 } = options;
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Resolves with the next value of `event` that `accept` accepts (any value by default). */
export function nextEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean = () => true, timeout = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeout} ms waiting for an event`));
    }, timeout);
    const subscription = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Waits until the diagnostics of `uri` satisfy `accept` (by default: there are some); returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeout = 15_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return accept(diagnostics) && diagnostics;
    },
    { event: vscode.languages.onDidChangeDiagnostics, timeout, message: `diagnostics of ${uri.path}` },
  );
}

/** The URI of a file in the test workspace (a fresh copy of test/e2e/workspace/). */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a file of the test workspace in an editor and returns the editor. */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The project's own folder, with the test fixtures (this file runs as out/test/e2e/suite/helpers.js). */
export function projectRoot(): string {
  return resolve(__dirname, '..', '..', '..', '..');
}

/**
 * Writes a report into the test workspace (a fresh copy for every run) and
 * opens it in an editor: from the project's fixtures by name, or given text.
 */
export async function openReport(name: string, text?: string): Promise<vscode.TextEditor> {
  const content = text ?? readFileSync(join(projectRoot(), 'test', 'fixtures', name), 'utf8');
  await vscode.workspace.fs.writeFile(fixtureUri(name), Buffer.from(content, 'utf8'));
  return openFixture(name);
}
