// The problems of a layout file as the editor marks them: the file's own (broken JSON, a wrong
// value) and, when the tenant it names is loaded, the ids that tenant does not have. Pure and
// bounded (MAX_PROBLEMS), so it runs in the plan worker on files of any size.
import { l10n } from '../shared/l10n';
import { isRegion, REGIONS } from '../shared/regions';
import { MAX_PROBLEMS, readLayout, type TextSpan } from './layoutFile';

/** A loaded tenant's ids, each list one id a line (cheap to hand to the worker). */
export interface KnownIds {
  tenantId: string;
  name: string;
  groups: string;
  connectors: string;
  applications: string;
  /** `groupId<TAB>region`, one group a line: the regions the tenant has now. */
  regions?: string;
}

export interface LayoutMark {
  span: TextSpan;
  message: string;
  /** A value that may be meant, but that Graph would refuse to set: said as a warning, not an error. */
  warning?: boolean;
}

export function checkLayout(text: string, tenants: KnownIds[]): LayoutMark[] {
  const read = readLayout(text);
  if (!read.ok) return read.problems.map((p) => ({ span: p.span, message: p.message }));
  const known = tenants.find((t) => t.tenantId.toLowerCase() === read.layout.tenant.id);
  if (!known) return [];
  const ids = (list: string) => new Set(list.split('\n'));
  const groupIds = ids(known.groups);
  const connectorIds = ids(known.connectors);
  const applicationIds = ids(known.applications);
  const found: LayoutMark[] = [];
  for (const [groupId, span] of read.spans.groups) {
    if (!groupIds.has(groupId)) found.push({ span, message: l10n.t("No Application Proxy connector group has this id in '{0}'. Remove the id to create the group.", known.name) });
  }
  const { connectorGroups } = read.layout;
  const items = (kind: 'connectors' | 'applications', have: Set<string>, unknown: string, twice: (label: string, elsewhere: string) => string) => {
    for (const [itemId, at] of read.spans[kind]) {
      // The k-th place an id is written is the k-th listing of it, in the order the file is read.
      const listings = at.length > 1 ? connectorGroups.flatMap((g) => (g[kind] ?? []).filter((i) => i.id === itemId).map((i) => ({ group: g.name, label: i.label }))) : [];
      at.forEach((span, k) => {
        if (!have.has(itemId)) found.push({ span, message: unknown });
        else if (at.length > 1) {
          const others = listings.filter((_, j) => j !== k).map((l) => `'${l.group}'`);
          found.push({ span, message: twice(listings[k]?.label ?? itemId, [...new Set(others)].join(', ')) });
        }
      });
    }
  };
  items('connectors', connectorIds, l10n.t("No connector has this id in '{0}'.", known.name),
    (label, elsewhere) => l10n.t('{0} is listed more than once, also in {1}: a connector belongs to exactly one group.', label, elsewhere));
  items('applications', applicationIds, l10n.t("No application published through Application Proxy has this id in '{0}'.", known.name),
    (label, elsewhere) => l10n.t('{0} is listed more than once, also in {1}: an application has one connector group.', label, elsewhere));
  for (const { to, span } of read.spans.failovers) {
    if (!groupIds.has(to)) found.push({ span, message: l10n.t("No Application Proxy connector group has this id in '{0}': a group fails over to one that exists.", known.name) });
  }
  // A region outside Graph's list can only stay where the tenant has it already: it cannot be set.
  const regionNow = new Map((known.regions ?? '').split('\n').filter(Boolean).map((line) => line.split('\t') as [string, string]));
  for (const { groupId, region, span } of read.spans.regions) {
    if (isRegion(region) || (groupId !== undefined && regionNow.get(groupId) === region)) continue;
    found.push({ span, warning: true, message: l10n.t("'{0}' is not a region Graph lets a group be set to ({1}): it can only stay on a group that has it already.", region, REGIONS.join(', ')) });
  }
  // A file of another tenant's ids would mark every line: the first ones say enough.
  return found.length > MAX_PROBLEMS
    ? [...found.slice(0, MAX_PROBLEMS), { span: { offset: 0, length: 0 }, message: l10n.t('… and {0} more ids this tenant does not have: the first {1} are marked.', found.length - MAX_PROBLEMS, MAX_PROBLEMS) }]
    : found;
}
