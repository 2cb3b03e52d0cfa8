// How each record is shown on the wire, and the OData shape ($select / $filter names) of each type.
import type { EntityShape } from './odataQuery';
import type { ApplicationRecord, ConnectorRecord, GroupRecord, IpApplicationSegment, OnPremisesPublishing } from './model';

export const GROUP_SHAPE: EntityShape = {
  type: 'microsoft.graph.connectorGroup',
  properties: ['id', 'name', 'connectorGroupType', 'isDefault', 'region'],
  filterable: ['id', 'name', 'connectorGroupType', 'isDefault', 'region'],
};

export const CONNECTOR_SHAPE: EntityShape = {
  type: 'microsoft.graph.connector',
  properties: ['id', 'machineName', 'externalIp', 'status', 'version'],
  filterable: ['id', 'machineName', 'externalIp', 'status', 'version'],
};

export const APPLICATION_SHAPE: EntityShape = {
  type: 'microsoft.graph.application',
  properties: ['id', 'appId', 'displayName', 'onPremisesPublishing'],
  filterable: ['id', 'appId', 'displayName'],
  // Live Graph does not reliably return it unless it is asked for.
  selectedOnly: ['onPremisesPublishing'],
};

/** v1.0 has no `onPremisesPublishing` on applications: it is a beta property. */
export const APPLICATION_SHAPE_V1: EntityShape = {
  ...APPLICATION_SHAPE,
  properties: ['id', 'appId', 'displayName'],
};

/** The complex property itself, as `applications/{id}/onPremisesPublishing` answers it. */
export const ON_PREMISES_PUBLISHING_SHAPE: EntityShape = {
  type: 'microsoft.graph.onPremisesPublishing',
  properties: [
    'externalUrl', 'internalUrl', 'externalAuthenticationType', 'applicationServerTimeout', 'isOnPremPublishingEnabled',
    'isTranslateHostHeaderEnabled', 'applicationType', 'isAccessibleViaZTNAClient', 'isBackendCertificateValidationEnabled',
    'verifiedCustomDomainCertificatesMetadata',
  ],
  filterable: [],
};

export const SEGMENT_SHAPE: EntityShape = {
  type: 'microsoft.graph.ipApplicationSegment',
  properties: ['id', 'destinationHost', 'destinationType', 'port', 'ports', 'protocol'],
  filterable: ['id', 'destinationHost', 'destinationType', 'protocol'],
};

export const ORGANIZATION_SHAPE: EntityShape = {
  type: 'microsoft.graph.organization',
  properties: ['id', 'displayName', 'verifiedDomains'],
  filterable: ['id', 'displayName'],
};

export function groupDto(group: GroupRecord): Record<string, unknown> {
  const { id, name, connectorGroupType, isDefault, region } = group;
  return { id, name, connectorGroupType, isDefault, region };
}

export function connectorDto(connector: ConnectorRecord): Record<string, unknown> {
  const { id, machineName, externalIp, status, version } = connector;
  return { id, machineName, externalIp, status, version };
}

/** Every property of the complex type, null or false where the record has none, as Graph writes them. */
export function onPremisesPublishingDto(publishing: OnPremisesPublishing): Record<string, unknown> {
  const certificate = publishing.verifiedCustomDomainCertificatesMetadata;
  return {
    applicationType: null,
    isAccessibleViaZTNAClient: false,
    isBackendCertificateValidationEnabled: false,
    ...publishing,
    // Copied, as the rest is, so that no answer shares an object with the tenant.
    verifiedCustomDomainCertificatesMetadata: certificate ? { ...certificate } : null,
  };
}

export function applicationDto(application: ApplicationRecord, version: string): Record<string, unknown> {
  const { id, appId, displayName, onPremisesPublishing } = application;
  return version === 'beta'
    ? { id, appId, displayName, onPremisesPublishing: onPremisesPublishing && onPremisesPublishingDto(onPremisesPublishing) }
    : { id, appId, displayName };
}

export function segmentDto(segment: IpApplicationSegment): Record<string, unknown> {
  const { id, destinationHost, destinationType, ports, protocol } = segment;
  // `port` is deprecated in favour of `ports`; Graph still sends it, as 0.
  return { id, destinationHost, destinationType, port: 0, ports: [...ports], protocol };
}
