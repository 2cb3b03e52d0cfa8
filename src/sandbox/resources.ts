// How each record is shown on the wire, and the OData shape ($select / $filter names) of each type.
import type { EntityShape } from './odataQuery';
import type { ApplicationRecord, ConnectorRecord, GroupRecord } from './model';

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

export function applicationDto(application: ApplicationRecord, version: string): Record<string, unknown> {
  const { id, appId, displayName, onPremisesPublishing } = application;
  return version === 'beta'
    ? { id, appId, displayName, onPremisesPublishing: onPremisesPublishing && { ...onPremisesPublishing } }
    : { id, appId, displayName };
}
