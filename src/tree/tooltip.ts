// Markdown tooltips built safely: our labels as Markdown, every value from Graph as plain text.
import * as vscode from 'vscode';
import { visibleText } from '../shared/plainText';

export function tooltip(title: string, rows: [label: string, value: string | undefined][], note?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**');
  md.appendText(visibleText(title));
  md.appendMarkdown('**\n\n');
  for (const [label, value] of rows) {
    if (value === undefined || value === '') continue;
    md.appendMarkdown(`${label}: `);
    md.appendText(visibleText(value));
    md.appendMarkdown('  \n');
  }
  if (note) {
    md.appendMarkdown('\n');
    md.appendText(note);
  }
  return md;
}
