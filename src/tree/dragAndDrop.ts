// Drag connectors or applications (one or several) onto a group node to move or assign them.
import * as vscode from 'vscode';
import { ApplicationNode } from './applicationNode';
import { ConnectorNode } from './connectorNode';
import { FolderNode } from './folderNode';
import { GroupItemNode } from './groupItemNode';
import { GroupNode } from './groupNode';
import type { TreeNode } from './treeNode';

const MIME = 'application/vnd.code.tree.connectorgroups.tree';

export interface DropHandlers {
  moveConnectors(connectors: ConnectorNode[], target: GroupNode): Promise<unknown>;
  assignApplications(applications: ApplicationNode[], target: GroupNode): Promise<unknown>;
}

export class ConnectorGroupDragAndDrop implements vscode.TreeDragAndDropController<TreeNode> {
  readonly dragMimeTypes = [MIME];
  readonly dropMimeTypes = [MIME];

  constructor(private readonly handlers: DropHandlers) {}

  handleDrag(source: readonly TreeNode[], data: vscode.DataTransfer): void {
    const items = source.filter((n) => n instanceof GroupItemNode);
    if (items.length > 0) data.set(MIME, new vscode.DataTransferItem(items));
  }

  async handleDrop(target: TreeNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const group = target instanceof GroupNode ? target : target instanceof FolderNode ? (target.parent as GroupNode) : undefined;
    const items = data.get(MIME)?.value as TreeNode[] | undefined;
    if (!group || !group.isApplicationProxy || !items) return;
    // Only within one tenant: a connector cannot change tenants.
    const sameTenant = items.filter((n) => n instanceof GroupItemNode && n.tenantNode === group.tenantNode);
    const connectors = sameTenant.filter((n): n is ConnectorNode => n instanceof ConnectorNode);
    const applications = sameTenant.filter((n): n is ApplicationNode => n instanceof ApplicationNode);
    if (connectors.length > 0) await this.handlers.moveConnectors(connectors, group);
    if (applications.length > 0) await this.handlers.assignApplications(applications, group);
  }
}
