// A connector or an application in a group's folder: it knows its group and, through it, its tenant.
import type { GroupNode } from './groupNode';
import type { TenantNode } from './tenantNode';
import { TreeNode } from './treeNode';

export abstract class GroupItemNode extends TreeNode {
  constructor(id: string, parent: TreeNode, readonly groupId: string) {
    super(id, parent);
  }

  /** The parent is the group's folder, whose parent is the group. */
  get tenantNode(): TenantNode {
    return (this.parent!.parent as GroupNode).tenantNode;
  }
}
