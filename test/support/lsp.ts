/**
 * An editor's side of LSP, for tests: starts `dist/server.js --stdio` and
 * speaks JSON-RPC to it through vscode-jsonrpc, as Neovim or VS Code would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, Range } from 'vscode-languageserver-protocol';
import { SERVER_EXEC_ARGV } from '../../server/src/protocol';
import { ROOT } from './fixtures';

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface ServerOptions {
  /** What the server gets when it asks for the `govreport` configuration. */
  settings?: Record<string, unknown>;
  locale?: string;
  /** Whether the client answers workspace/configuration (VS Code does). */
  configuration?: boolean;
  /** Workspace folders (file URIs), and whether the client watches files for the server. */
  workspaceFolders?: string[];
  watchFiles?: boolean;
  /** Whether the client resolves code actions' edits lazily (VS Code does). */
  resolveActions?: boolean;
}

export class TestClient {
  readonly published: Published[] = [];
  readonly log: string[] = [];
  /** What the server asked the editor to show the user (window/showMessage). */
  readonly shown: { type: number; message: string }[] = [];
  /** Work done progress the server reported: `$/progress` values by token. */
  readonly progress: { token: string | number; value: { kind: string; message?: string; percentage?: number; cancellable?: boolean } }[] = [];
  private waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  private versions = new Map<string, number>();
  settings: Record<string, unknown>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    options: ServerOptions,
  ) {
    this.settings = options.settings ?? {};
    connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.log.push(p.message);
    });
    connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.shown.push(p);
    });
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('$/progress', (p: TestClient['progress'][number]) => {
      this.progress.push(p);
    });
  }

  static async start(options: ServerOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    connection.listen();
    client.capabilities = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: options.workspaceFolders?.map((uri) => ({ uri, name: uri.split('/').pop() })) ?? null,
      locale: options.locale ?? 'zh-cn',
      capabilities: {
        workspace: {
          configuration: options.configuration ?? true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: !!options.watchFiles },
          workspaceFolders: !!options.workspaceFolders,
        },
        window: { workDoneProgress: true },
        textDocument: {
          synchronization: { didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            ...(options.resolveActions ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {}),
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  capabilities!: InitializeResult;

  /** Resolves with the next diagnostics published for `uri` that pass `test`. */
  diagnostics(uri: string, test: (p: Published) => boolean = () => true): Promise<Published> {
    return new Promise((resolve) => this.waiters.push({ test: (p) => p.uri === uri && test(p), resolve }));
  }

  async open(uri: string, text: string, languageId = 'govreport'): Promise<Published> {
    this.versions.set(uri, 1);
    const next = this.diagnostics(uri, (p) => p.version === 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return next;
  }

  /** Sends edits (as an editor does on typing) and resolves with the diagnostics of that version. */
  async change(uri: string, changes: ({ range: Range; text: string } | { text: string })[]): Promise<Published> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const next = this.diagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return next;
  }

  async close(uri: string): Promise<Published> {
    const next = this.diagnostics(uri, (p) => p.diagnostics.length === 0);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return next;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}
