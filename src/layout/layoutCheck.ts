// The problems of a layout file as the editor marks them: the file's own (broken JSON, a wrong
// value) and, when the tenant it names is loaded, the ids that tenant does not have. Pure and
// bounded (MAX_PROBLEMS), so it runs in the plan worker on files of any size.
import { l10n } from '../shared/l10n';
import { MAX_PROBLEMS, readLayout, type TextSpan } from './layoutFile';

/** A loaded tenant's ids, each list one id a line (cheap to hand to the worker). */
export interface KnownIds {
  tenantId: string;
  name: string;
  groups: string;
  connectors: string;
  applications: string;
}

export interface LayoutMark {
  span: TextSpan;
  message: string;
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
  const items = (spans: Map<string, TextSpan[]>, have: Set<string>, unknown: string, twice: string) => {
    for (const [itemId, at] of spans) {
      for (const span of at) {
        if (!have.has(itemId)) found.push({ span, message: unknown });
        else if (at.length > 1) found.push({ span, message: twice });
      }
    }
  };
  items(read.spans.connectors, connectorIds, l10n.t("No connector has this id in '{0}'.", known.name),
    l10n.t('This connector is listed more than once; a connector belongs to exactly one group.'));
  items(read.spans.applications, applicationIds, l10n.t("No application published through Application Proxy has this id in '{0}'.", known.name),
    l10n.t('This application is listed more than once; an application has one connector group.'));
  // A file of another tenant's ids would mark every line: the first ones say enough.
  return found.length > MAX_PROBLEMS
    ? [...found.slice(0, MAX_PROBLEMS), { span: { offset: 0, length: 0 }, message: l10n.t('… and {0} more ids this tenant does not have: the first {1} are marked.', found.length - MAX_PROBLEMS, MAX_PROBLEMS) }]
    : found;
}
