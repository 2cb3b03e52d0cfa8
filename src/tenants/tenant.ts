// A tenant the extension is connected to: its Graph gateway and how to name and reach it.
import type { ConnectorGroupsApi } from '../graph/connectorGroupsApi';

export interface Tenant {
  /** Stable across sessions: the tenant id, or `sandbox` for the built-in sandbox tenant. */
  readonly key: string;
  readonly kind: 'sandbox' | 'cloud';
  /** Filled from GET /organization when the tenant is first read. */
  displayName: string;
  tenantId: string;
  readonly account: string;
  /** The Entra admin center of the tenant's cloud, for "Open in admin center". */
  readonly portalOrigin: string;
  readonly api: ConnectorGroupsApi;
  dispose(): void | Promise<void>;
}
