// Deleting a group in use: its connectors and applications go to another group first. Each step's
// result is kept, so a run that stops part-way says what was done and can be resumed.
import type { ConnectorGroupWithContents } from '../graph/types';
import type { TenantContents } from '../tenants/tenantContents';
import { deleteGroup } from './groupOperations';
import type { ReadBackTiming } from './readBack';
import { assignApplications, moveConnectors, type Relocated } from './relocation';

export interface EmptyAndDeleteReport {
  connectors: Relocated;
  applications: Relocated;
  deleted: boolean;
  /** Why the group was not deleted: a step failed, or the delete itself did. */
  error?: unknown;
}

export async function emptyAndDelete(
  contents: TenantContents,
  group: ConnectorGroupWithContents,
  destinationId: string,
  timing?: ReadBackTiming,
): Promise<EmptyAndDeleteReport> {
  const report: EmptyAndDeleteReport = {
    connectors: { moved: [], failed: [] },
    applications: { moved: [], failed: [] },
    deleted: false,
  };
  report.connectors = await moveConnectors(contents, group.members.map((c) => c.id), destinationId, timing);
  if (report.connectors.failed.length > 0) return { ...report, error: report.connectors.failed[0].error };
  report.applications = await assignApplications(contents, group.applications.map((a) => a.id), destinationId, timing);
  if (report.applications.failed.length > 0) return { ...report, error: report.applications.failed[0].error };
  try {
    await deleteGroup(contents, group, timing);
    report.deleted = true;
  } catch (error) {
    report.error = error;
  }
  return report;
}
