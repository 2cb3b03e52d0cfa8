// A finding of the health rules: its rule, severity, group, one plain-text sentence, the connectors it
// concerns and the applications it puts at risk.
import type { Application, Connector, ConnectorGroupWithContents } from '../graph/types';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type RuleId =
  | 'noActiveConnector' | 'oneActiveConnector' | 'twoActiveConnectors'
  | 'applicationsOnDefault'
  | 'belowPrivateAccessVersion' | 'belowRegionVersion' | 'mixedVersions'
  | 'inactiveConnectors'
  | 'emptyGroup'
  | 'certificateExpired' | 'certificateExpiring' | 'sharedCertificate'
  | 'passthroughPreAuthentication' | 'httpInternalUrl' | 'backendValidationOff';

/** What a finding's fix does, when there is one (the plan is built from it). */
export type FixKind = 'addActiveConnector' | 'evacuateDefault' | 'deleteEmptyGroup';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  group: { id: string; name: string };
  /** One plain-text sentence. */
  message: string;
  connectors: Connector[];
  applicationsAtRisk: Application[];
  fix?: FixKind;
  /** Tells apart two findings of one rule in one group (a shared certificate's thumbprint). */
  key?: string;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export function finding(group: ConnectorGroupWithContents, rule: RuleId, severity: Severity, message: string, more: Partial<Finding> = {}): Finding {
  return { rule, severity, group: { id: group.id, name: group.name }, message, connectors: [], applicationsAtRisk: [], ...more };
}

