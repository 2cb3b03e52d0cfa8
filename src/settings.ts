// The extension's settings, all under `connectorGroups.`, read where they are used so a change counts at once.
import * as vscode from 'vscode';
import type { CloudName } from './graph/clouds';
import { isGuid } from './shared/validation';

const section = () => vscode.workspace.getConfiguration('connectorGroups');

export const settings = {
  /** One attempt of a request, and a whole load of a tenant, must finish within this. */
  requestTimeoutMs: () => section().get<number>('requestTimeoutSeconds', 60) * 1000,
  showSyncFabricGroups: () => section().get<boolean>('showSyncFabricGroups', true),
  /** Minutes between two reads of each tenant's connectors by the watch; 0 turns it off. */
  watchIntervalMinutes: () => {
    const minutes = section().get<number>('watch.intervalMinutes', 5);
    // A fraction of a minute would poll Graph every few seconds: one minute is the shortest.
    return typeof minutes === 'number' && minutes > 0 ? Math.max(1, minutes) : 0;
  },
  /** A custom-domain certificate that expires within this many days is a health warning. */
  certificateWarningDays: () => {
    const days = section().get<number>('health.certificateWarningDays', 30);
    return typeof days === 'number' && days >= 0 ? Math.min(365, Math.round(days)) : 30;
  },
  maxConcurrentRequests: () => Math.min(32, Math.max(1, Math.round(section().get<number>('maxConcurrentRequests', 16)))),
  /**
   * Our app registration's client id for a cloud: one id for every cloud, or one per cloud (a
   * registration in the global cloud does not exist in 21Vianet). Undefined when none is set.
   */
  clientId: (cloud: CloudName | 'custom'): string | undefined => {
    const value = section().get<unknown>('clientId');
    const id = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[cloud] : undefined;
    return typeof id === 'string' && isGuid(id.trim()) ? id.trim() : undefined;
  },
};
