// Graph's resources as the gateway returns them (beta property names, read-only).

export interface ConnectorGroup {
  id: string;
  name: string;
  connectorGroupType: 'applicationProxy' | 'syncFabric' | string;
  isDefault: boolean;
  /** Usually one of REGIONS, but the service can answer other values: show them as they are. */
  region: string | null;
}

export interface Connector {
  id: string;
  machineName: string;
  externalIp: string;
  status: 'active' | 'inactive' | string;
  version: string;
}

export interface OnPremisesPublishing {
  externalUrl?: string;
  internalUrl?: string;
  externalAuthenticationType?: string;
  applicationServerTimeout?: string;
  isOnPremPublishingEnabled?: boolean;
  [property: string]: unknown;
}

export interface Application {
  id: string;
  appId: string;
  displayName: string;
  onPremisesPublishing?: OnPremisesPublishing | null;
}

/** A destination a Private Access application reaches: host (IP, range, CIDR, FQDN, suffix), ports, protocol. */
export interface ApplicationSegment {
  id: string;
  destinationHost: string;
  destinationType: string;
  ports?: string[] | null;
  protocol: string;
}

export interface Organization {
  id: string;
  displayName: string;
  verifiedDomains?: { name: string; isDefault?: boolean; isInitial?: boolean }[];
}

/** A group with its members and applications, as a tenant export or a full tree load needs it. */
export interface ConnectorGroupWithContents extends ConnectorGroup {
  members: Connector[];
  applications: Application[];
}

export interface GroupChanges {
  name?: string;
  region?: string;
}
