// The base of every node in the connector-groups tree: a stable id, a parent, an item and children.
import type * as vscode from 'vscode';

export abstract class TreeNode {
  constructor(
    /** Built from raw keys (tenant, group, item), so refresh keeps selection and expansion. */
    readonly id: string,
    readonly parent: TreeNode | undefined,
  ) {}

  abstract treeItem(): vscode.TreeItem;

  children(): TreeNode[] {
    return [];
  }
}

/**
 * `;readOnly` for a node of a tenant open read-only: the menus offer no change there (a node finds
 * its tenant by walking up to the row that holds one).
 */
export function readOnlyFacet(node: TreeNode | undefined): string {
  for (let at = node; at; at = at.parent) {
    const tenant = (at as { tenant?: { canWrite?: () => boolean | undefined } }).tenant;
    if (tenant?.canWrite) return tenant.canWrite() === false ? ';readOnly' : '';
  }
  return '';
}

/** Keeps one instance per id across refreshes, so change events can name the very node shown. */
export class NodeCache<T extends TreeNode> {
  private readonly nodes = new Map<string, T>();

  reconcile<K>(keys: K[], idOf: (key: K) => string, create: (key: K) => T, update?: (node: T, key: K) => void): T[] {
    const next = new Map<string, T>();
    const result = keys.map((key) => {
      const id = idOf(key);
      let node = this.nodes.get(id);
      if (node) update?.(node, key);
      else node = create(key);
      next.set(id, node);
      return node;
    });
    this.nodes.clear();
    for (const [id, node] of next) this.nodes.set(id, node);
    return result;
  }
}
