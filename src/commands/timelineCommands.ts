// Show Connector Timeline: a tenant's or a group's active connectors over time, from the watch's
// record, with its outages, the applications at risk and a CSV export.
import * as vscode from 'vscode';
import { csvText } from '../shared/csv';
import type { Services } from '../services';
import { GroupNode } from '../tree/groupNode';
import type { TreeNode } from '../tree/treeNode';
import { chartedGroups, outages, timelineRows, timelineSeries } from '../watch/groupTimeline';
import { MAX_TABLE_ROWS, type TimelineView } from '../watch/timelineMessages';
import { TimelinePanel, type TimelineHost } from '../webview/timelinePanel';
import { showExport } from './exportCommands';
import { loadedContents, pickTenant } from './targets';

/** Opens the timeline of the group (or the tenant) chosen; returns what it shows, or why nothing. */
export async function showTimeline(services: Services, node?: TreeNode): Promise<TimelineView | string> {
  const group = node instanceof GroupNode ? node : undefined;
  const tenantNode = group?.tenantNode ?? await pickTenant(services, node);
  await loadedContents(tenantNode);
  // No record yet: the first read starts it, now rather than at the next poll.
  if (!services.watch.history.of(tenantNode.tenant.key)?.groups) await services.watch.poll(tenantNode);
  const title = vscode.l10n.t('Timeline: {0}', group ? group.group.name : tenantNode.tenant.displayName);
  return TimelinePanel.show(timelineHost(services), services.extensionUri, tenantNode.tenant.key, group?.group.id, title).current();
}

function timelineHost(services: Services): TimelineHost {
  return {
    view: (tenantKey, groupId) => timelineView(services, tenantKey, groupId),
    exportCsv: async (tenantKey, groupId, title) => {
      const timeline = services.watch.history.of(tenantKey)?.groups;
      const rows = timeline ? timelineRows(timeline, groupId === undefined ? undefined : [groupId]) : [];
      const csv = csvText(
        ['Time', 'Connector group', 'Group ID', 'Active connectors before', 'Active connectors after'],
        rows.map((r) => [r.at, r.group, r.groupId, r.before, r.after]),
      );
      await showExport(services, [title], csv, 'csv');
    },
    onDidRecord: services.watch.onDidRecord,
    warn: (message) => services.logger.warn(message),
  };
}

function timelineView(services: Services, tenantKey: string, groupId: string | undefined): TimelineView | string {
  const tenantNode = services.tree.tenantNode(tenantKey);
  if (!tenantNode) return vscode.l10n.t('The tenant of this timeline was removed from the view.');
  const timeline = services.watch.history.of(tenantKey)?.groups;
  if (!timeline) return vscode.l10n.t('No record yet: the connector watch keeps one from its first read of the tenant.');
  const groups = tenantNode.contents.applicationProxyGroups();
  const group = groupId === undefined ? undefined : groups.find((g) => g.id === groupId);
  if (groupId !== undefined && !group) return vscode.l10n.t('This group is no longer in the tenant.');
  const ids = group ? [group.id] : chartedGroups(timeline, Object.fromEntries(groups.map((g) => [g.id, g.applications.length])));
  const series = timelineSeries(timeline, new Date(), ids);
  const rows = timelineRows(timeline, group ? [group.id] : undefined);
  const shown = rows.slice(-MAX_TABLE_ROWS);
  const wanted = new Set([...ids, ...shown.map((r) => r.groupId)]);
  return {
    title: vscode.l10n.t('Timeline: {0}', group ? group.name : tenantNode.tenant.displayName),
    series,
    outages: outages(series),
    rows: shown,
    totalRows: rows.length,
    // Only the groups drawn or in the table: a tenant of thousands of groups sends no more.
    applications: Object.fromEntries(groups.filter((g) => wanted.has(g.id)).map((g) => [g.id, g.applications.map((a) => a.displayName || a.id)])),
  };
}
