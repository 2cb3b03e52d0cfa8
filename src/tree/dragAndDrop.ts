// Drag connectors or applications (one or several) onto a group node to move or assign them. The
// drag carries plain ids: the workbench serialises it, and tree nodes (with parent links) cannot be.
import * as vscode from 'vscode';
import type { Application, Connector } from '../graph/types';
import { ApplicationNode } from './applicationNode';
import { ConnectorNode } from './connectorNode';
import { FolderNode } from './folderNode';
import { GroupNode } from './groupNode';
import type { TreeNode } from './treeNode';

const MIME = 'application/vnd.code.tree.connectorgroups.tree';

/** What a drag carries: which tenant, and the ids of the connectors and applications. */
export interface DraggedItems {
  tenantKey: string;
  connectors: string[];
  applications: string[];
}

export interface DropHandlers {
  moveConnectors(connectors: Connector[], target: GroupNode): Promise<unknown>;
  assignApplications(applications: Application[], target: GroupNode): Promise<unknown>;
}

function isDragged(value: unknown): value is DraggedItems {
  const v = value as DraggedItems | null;
  return typeof v?.tenantKey === 'string' && Array.isArray(v.connectors) && Array.isArray(v.applications)
    && [...v.connectors, ...v.applications].every((id) => typeof id === 'string');
}

export class ConnectorGroupDragAndDrop implements vscode.TreeDragAndDropController<TreeNode> {
  readonly dragMimeTypes = [MIME];
  readonly dropMimeTypes = [MIME];

  constructor(private readonly handlers: DropHandlers) {}

  handleDrag(source: readonly TreeNode[], data: vscode.DataTransfer): void {
    const connectors = source.filter((n): n is ConnectorNode => n instanceof ConnectorNode);
    const applications = source.filter((n): n is ApplicationNode => n instanceof ApplicationNode);
    const first = connectors[0] ?? applications[0];
    if (!first) return;
    // Only within one tenant: a connector cannot change tenants.
    const tenantKey = first.tenantNode.tenant.key;
    const dragged: DraggedItems = {
      tenantKey,
      connectors: connectors.filter((n) => n.tenantNode.tenant.key === tenantKey).map((n) => n.connector.id),
      applications: applications.filter((n) => n.tenantNode.tenant.key === tenantKey).map((n) => n.application.id),
    };
    data.set(MIME, new vscode.DataTransferItem(JSON.stringify(dragged)));
  }

  async handleDrop(target: TreeNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const group = target instanceof GroupNode ? target : target instanceof FolderNode ? (target.parent as GroupNode) : undefined;
    const item = data.get(MIME);
    if (!group || !group.isApplicationProxy || !item) return;
    let dragged: unknown;
    try {
      dragged = JSON.parse(await item.asString());
    } catch {
      return;
    }
    if (!isDragged(dragged) || dragged.tenantKey !== group.tenantKey) return;
    const contents = group.tenantNode.contents;
    const connectors = dragged.connectors
      .map((id) => contents.groupOfConnector(id)?.members.find((c) => c.id === id))
      .filter((c): c is Connector => c !== undefined);
    const applications = dragged.applications
      .map((id) => contents.groupOfApplication(id)?.applications.find((a) => a.id === id))
      .filter((a): a is Application => a !== undefined);
    if (connectors.length > 0) await this.handlers.moveConnectors(connectors, group);
    if (applications.length > 0) await this.handlers.assignApplications(applications, group);
  }
}
