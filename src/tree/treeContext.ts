// What nodes need from the provider: the contents of their tenant and a way to say they changed.
import type { ConnectorStatusRecord } from '../watch/statusHistory';
import type { TenantContents } from '../tenants/tenantContents';
import type { TreeNode } from './treeNode';

export interface TreeContext {
  contents(tenantKey: string): TenantContents;
  changed(node: TreeNode): void;
  showSyncFabricGroups(): boolean;
  /** "Show Only Groups with Problems": groups whose applications are down or hang on one connector. */
  problemsOnly(): boolean;
  /** What the connector watch saw of a connector's status (since when it is inactive). */
  statusRecord?(tenantKey: string, connectorId: string): ConnectorStatusRecord | undefined;
}
