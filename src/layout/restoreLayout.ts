// A saved layout of the tenant (a history snapshot) made into a layout the tenant as it is now can
// reach: a group deleted since is created again by name, a region Graph does not take is left as
// it is, and a connector or application the tenant no longer has is left out. Each such change is
// said, so the preview of the restore tells what it cannot bring back.
import { isApplicationProxyGroup } from '../graph/connectorGroupsApi';
import type { ConnectorGroupWithContents } from '../graph/types';
import { isRegion } from '../shared/regions';
import { l10n } from '../shared/l10n';
import { nameList } from '../shared/nameList';
import type { Layout, LayoutGroup, LayoutItem } from './layoutFile';

export interface RestoreLayout {
  layout: Layout;
  /** What the restore cannot bring back, in sentences. */
  notes: string[];
}

const labels = (items: LayoutItem[]) => nameList(items.map((i) => i.label ?? i.id));

export function restoreLayout(snapshot: Layout, groups: ConnectorGroupWithContents[]): RestoreLayout {
  const proxyGroups = groups.filter(isApplicationProxyGroup);
  const groupIds = new Set(proxyGroups.map((g) => g.id.toLowerCase()));
  const connectorIds = new Set(proxyGroups.flatMap((g) => g.members.map((c) => c.id.toLowerCase())));
  const applicationIds = new Set(proxyGroups.flatMap((g) => g.applications.map((a) => a.id.toLowerCase())));
  const notes: string[] = [];
  const connectorGroups = snapshot.connectorGroups.map((entry): LayoutGroup => {
    const next: LayoutGroup = { ...entry };
    if (entry.id !== undefined && !groupIds.has(entry.id.toLowerCase())) {
      delete next.id;
      notes.push(l10n.t("'{0}' was deleted since: it is created again, with a new id.", entry.name));
      if (entry.region !== undefined && !isRegion(entry.region)) {
        delete next.region;
        notes.push(l10n.t("'{0}' had the region '{1}', which Graph does not take: it is created in the default region.", entry.name, entry.region || l10n.t('none')));
      }
    }
    const missing = (items: LayoutItem[] | undefined, known: Set<string>) =>
      (items ?? []).filter((i) => !known.has(i.id.toLowerCase()));
    const goneConnectors = missing(entry.connectors, connectorIds);
    const goneApplications = missing(entry.applications, applicationIds);
    if (goneConnectors.length > 0) {
      next.connectors = entry.connectors!.filter((c) => connectorIds.has(c.id.toLowerCase()));
      notes.push(l10n.t("'{0}' had connectors the tenant no longer has ({1}): they are left out.", entry.name, labels(goneConnectors)));
    }
    if (goneApplications.length > 0) {
      next.applications = entry.applications!.filter((a) => applicationIds.has(a.id.toLowerCase()));
      notes.push(l10n.t("'{0}' had applications the tenant no longer publishes through Application Proxy ({1}): they are left out.", entry.name, labels(goneApplications)));
    }
    return next;
  });
  return { layout: { ...snapshot, connectorGroups }, notes };
}
