// What command handlers work with; one object, built once at activation.
import type * as vscode from 'vscode';
import type { Logger } from '../logging/logger';
import type { ExportDocuments } from './exportDocuments';
import type { TenantRegistry } from '../tenants/tenantRegistry';
import type { ConnectorGroupTreeProvider } from '../tree/connectorGroupTreeProvider';
import type { TreeNode } from '../tree/treeNode';
import type { Prompts } from '../ui/prompts';

export interface Services {
  readonly registry: TenantRegistry;
  readonly tree: ConnectorGroupTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly logger: Logger;
  readonly extensionUri: vscode.Uri;
  /** The texts behind the read-only export tabs. */
  readonly exports: ExportDocuments;
  prompts: Prompts;
}
