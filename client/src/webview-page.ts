/**
 * The page every GovReport webview starts from: only the extension's own
 * script (nonce'd) and stylesheet may load, nothing remote, no inline code;
 * the script then shows what the server computed, as text.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { currentLocale } from './locale';

/** Sets `panel`'s page to the shell loading `media/<name>.css` and `dist/webview/<name>.js`. */
export function setWebviewPage(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, name: string): void {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const dist = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  const nonce = randomBytes(16).toString('base64');
  const source = panel.webview.cspSource;
  const csp = ["default-src 'none'", `style-src ${source}`, `script-src 'nonce-${nonce}'`, `img-src ${source}`, `font-src ${source}`].join('; ');
  const css = panel.webview.asWebviewUri(vscode.Uri.joinPath(media, `${name}.css`));
  const js = panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, `${name}.js`));
  panel.webview.html = `<!DOCTYPE html>
<html lang="${currentLocale() === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${nonce}" src="${js}"></script>
</body>
</html>`;
}

/** Where a webview may load from: the extension's media and webview scripts. */
export function webviewRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')];
}
