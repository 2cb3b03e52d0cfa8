// A tenant the extension is connected to: its Graph gateway and how to name and reach it.
import type { ConnectorGroupsApi } from '../graph/connectorGroupsApi';
import type { CloudEndpoints } from '../graph/clouds';
import type { SavedTenant } from './savedTenants';

/** How a signed-in tenant asks its user to sign in (again, or as someone else). */
export interface TenantSignIn {
  readonly saved: SavedTenant;
  readonly cloud: CloudEndpoints;
  /** VS Code's authentication provider, for the VS Code way in. */
  readonly providerId?: string;
  /** Resolves false when the user cancelled. */
  signIn(newAccount?: boolean): Promise<boolean>;
  /** True while a sign-in the user started is under way (a device code waiting to be entered). */
  busy?: boolean;
  /** The device code waiting to be entered, while one is out. */
  code?(): { userCode: string; verificationUri: string } | undefined;
}

export interface Tenant {
  /** Stable across sessions: `sandbox`, or the cloud and the tenant as added (see savedTenantKey). */
  readonly key: string;
  readonly kind: 'sandbox' | 'cloud';
  /** Filled from GET /organization when the tenant is first read. */
  displayName: string;
  tenantId: string;
  /** The signed-in account, once known. */
  readonly account: string;
  /** The Entra admin center of the tenant's cloud, for "Open in admin center". */
  readonly portalOrigin: string;
  readonly api: ConnectorGroupsApi;
  /** Whether the token allows changes: false for a read-only token, undefined before the first token. */
  canWrite(): boolean | undefined;
  /** The permissions (`scp`) and directory role template ids (`wids`) the last token named, where it said. */
  grants?(): { scopes?: string[]; roles?: string[] };
  /** Present for tenants reached through a sign-in (not the sandbox tenant). */
  readonly signIn?: TenantSignIn;
  /** Called once Graph has said the tenant's id and name, so they can be kept. */
  learned?(): void;
  dispose(): void | Promise<void>;
}
