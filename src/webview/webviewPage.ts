// The page every webview of the extension loads: a strict CSP with a fresh nonce, one script and one
// style sheet from the extension's own folders, and no other source.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface PageParts {
  /** Under dist/webview, e.g. `regionForm.js`. */
  script: string;
  /** Style sheets after media/webview.css (the shared base), from the extension's root, e.g. `media/regionForm.css`. */
  styles: string[];
  title: string;
  /** `data-*` attributes of the body, for the script to read. */
  data?: Record<string, string>;
}

export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, parts: PageParts): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', parts.script));
  const styles = ['media/webview.css', ...parts.styles].map((style) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...style.split('/'))));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
  ].join('; ');
  const data = Object.entries(parts.data ?? {}).map(([key, value]) => ` data-${key}="${attribute(value)}"`).join('');
  return `<!DOCTYPE html>
<html lang="${attribute(vscode.env.language)}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.map((style) => `  <link rel="stylesheet" nonce="${nonce}" href="${style}">`).join('\n')}
  <title>${attribute(parts.title)}</title>
</head>
<body${data}>
  <main id="app"><p>${attribute(vscode.l10n.t('Loading…'))}</p></main>
  <script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
