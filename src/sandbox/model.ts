// The sandbox tenant's in-memory state, stored in Graph's own property names.

export const REGIONS = ['nam', 'eur', 'aus', 'asia', 'ind'] as const;
/** Graph's evolvable-enum sentinel: it may be read, never written. */
export const UNKNOWN_FUTURE_VALUE = 'unknownFutureValue';

export interface GroupRecord {
  id: string;
  name: string;
  connectorGroupType: 'applicationProxy' | 'syncFabric';
  isDefault: boolean;
  /** A string, not the enum: the live service returns values outside it (`japan`). */
  region: string;
}

export interface ConnectorRecord {
  id: string;
  machineName: string;
  externalIp: string;
  status: 'active' | 'inactive';
  version: string;
  groupId: string;
}

export interface OnPremisesPublishing {
  externalUrl: string;
  internalUrl: string;
  externalAuthenticationType: 'passthru' | 'aadPreAuthentication';
  applicationServerTimeout: 'default' | 'long';
  isOnPremPublishingEnabled: boolean;
  isTranslateHostHeaderEnabled: boolean;
}

export interface ApplicationRecord {
  id: string;
  appId: string;
  displayName: string;
  /** Null for an application not published through Application Proxy. */
  onPremisesPublishing: OnPremisesPublishing | null;
  /** The connector group of a published application; null for a plain one. */
  groupId: string | null;
}

export interface Organization {
  id: string;
  displayName: string;
  verifiedDomains: { name: string; isDefault: boolean; isInitial: boolean; type: string }[];
}

export interface Tenant {
  organization: Organization;
  groups: Map<string, GroupRecord>;
  connectors: Map<string, ConnectorRecord>;
  applications: Map<string, ApplicationRecord>;
}

export function defaultGroup(tenant: Tenant): GroupRecord {
  for (const group of tenant.groups.values()) {
    if (group.isDefault) return group;
  }
  throw new Error('The sandbox tenant has no default connector group.');
}
