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

/** The certificate of an application's custom domain, as Graph describes it. */
export interface CustomDomainCertificate {
  /** ISO date-times. */
  expiryDate: string;
  issueDate: string;
  issuerName: string;
  subjectName: string;
  thumbprint: string;
}

/** Application types the system sets; absent, null or any other value is an Application Proxy web application. */
export const PRIVATE_ACCESS_TYPES = ['nonwebapp', 'quickaccessapp'] as const;

export interface OnPremisesPublishing {
  externalUrl: string;
  internalUrl: string;
  externalAuthenticationType: 'passthru' | 'aadPreAuthentication';
  applicationServerTimeout: 'default' | 'long';
  isOnPremPublishingEnabled: boolean;
  isTranslateHostHeaderEnabled: boolean;
  // Beta only; optional here, read as null or false when absent (see resources.ts).
  /** `nonwebapp` (Private Access), `quickaccessapp` (Quick Access), or a web application. */
  applicationType?: string | null;
  isAccessibleViaZTNAClient?: boolean;
  isBackendCertificateValidationEnabled?: boolean;
  /** Null without a custom domain. */
  verifiedCustomDomainCertificatesMetadata?: CustomDomainCertificate | null;
}

/** What a Private Access application reaches. */
export interface IpApplicationSegment {
  id: string;
  /** An IP, a range, a CIDR block or an FQDN; wildcards allowed. */
  destinationHost: string;
  destinationType: 'ipAddress' | 'ipRange' | 'ipRangeCidr' | 'fqdn' | 'dnsSuffix';
  /** Ports and port ranges: `"443"`, `"8080-8090"`. */
  ports: string[];
  protocol: 'tcp' | 'udp';
}

export interface ApplicationRecord {
  id: string;
  appId: string;
  displayName: string;
  /** Null for an application not published through Application Proxy. */
  onPremisesPublishing: OnPremisesPublishing | null;
  /** The connector group of a published application; null for a plain one. */
  groupId: string | null;
  /** A Private Access or Quick Access application's segments. */
  segments?: IpApplicationSegment[];
}

export function isPrivateAccess(application: ApplicationRecord): boolean {
  return (PRIVATE_ACCESS_TYPES as readonly unknown[]).includes(application.onPremisesPublishing?.applicationType);
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
