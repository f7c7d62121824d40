/** What the server offers the editor, and what it uses of what the editor can do. */
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver/node';
import { FIX_ALL_KIND } from './convert';

/** What of the editor's capabilities the server relies on. */
export interface ClientCan {
  /** Settings are pulled (`workspace/configuration`), not pushed. */
  pullConfiguration: boolean;
  watchFiles: boolean;
  folderEvents: boolean;
  resolveActions: boolean;
  refreshLenses: boolean;
}

export function clientCan(params: InitializeParams): ClientCan {
  const { workspace, textDocument } = params.capabilities;
  return {
    pullConfiguration: !!workspace?.configuration,
    watchFiles: !!workspace?.didChangeWatchedFiles?.dynamicRegistration,
    folderEvents: !!workspace?.workspaceFolders,
    resolveActions: !!textDocument?.codeAction?.resolveSupport?.properties.includes('edit'),
    refreshLenses: !!workspace?.codeLens?.refreshSupport,
  };
}

/** The workspace's folders: those the editor names, or else its root. */
export function workspaceFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders) return params.workspaceFolders.map((f) => f.uri);
  return params.rootUri ? [params.rootUri] : [];
}

export function serverCapabilities(commands: string[]): ServerCapabilities {
  return {
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    codeLensProvider: { resolveProvider: false },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.RefactorRewrite], resolveProvider: true },
    documentFormattingProvider: true,
    completionProvider: {},
    documentRangeFormattingProvider: true,
    executeCommandProvider: { commands },
  };
}
