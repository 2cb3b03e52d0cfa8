// The published-application inventory of a tenant: every application of its App Proxy groups, each
// with its group's health, its publishing settings as Graph has them now, its custom-domain
// certificate and the findings of the publishing rules. Pure: the command reads, this joins.
import type { Application, ConnectorGroupWithContents } from '../graph/types';
import { applicationKind, type ApplicationKind } from '../health/applicationKind';
import type { RuleId, Severity } from '../health/finding';
import { customDomainCertificate, daysLeft } from '../health/publishing';
import { tenantFindings } from '../health/rules';
import type { PublishingOptions } from '../health/publishingRules';
import { groupHealth, type GroupHealth } from '../tree/groupHealth';

/** The rules about one application (the group-wide ones show as the group's health). */
const PUBLISHING_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'certificateExpired', 'certificateExpiring', 'sharedCertificate', 'passthroughPreAuthentication', 'httpInternalUrl', 'backendValidationOff',
]);

export interface InventoryCertificate {
  subject: string;
  thumbprint: string;
  issuer?: string;
  expiryDate: string;
  /** Whole days to the expiry; negative once expired. */
  daysLeft: number;
}

export interface InventoryRow {
  id: string;
  appId: string;
  name: string;
  kind: ApplicationKind;
  group: { id: string; name: string; health: GroupHealth };
  externalUrl?: string;
  internalUrl?: string;
  /** As Graph writes it: `aadPreAuthentication`, `passthru`, or a value the client does not know. */
  preAuthentication?: string;
  /** Undefined when Graph did not say. */
  backendValidation?: boolean;
  certificate?: InventoryCertificate;
  findings: { rule: RuleId; severity: Severity; message: string }[];
  /** Why this application's fresh read failed: the row shows what the tree had read. */
  readProblem?: string;
}

export interface Inventory {
  tenant: { id: string; displayName: string };
  readAt: string;
  rows: InventoryRow[];
  /** Applications the tree listed that Graph no longer has (deleted since). */
  gone: { id: string; name: string }[];
}

/** One application's fresh read: its settings, gone (404), or a problem said in words. */
export type FreshRead = { kind: 'read'; application: Application } | { kind: 'gone' } | { kind: 'failed'; problem: string };

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function row(application: Application, group: ConnectorGroupWithContents, now: number, readProblem?: string): InventoryRow {
  const publishing = application.onPremisesPublishing ?? {};
  const certificate = customDomainCertificate(application);
  const validation = publishing.isBackendCertificateValidationEnabled;
  return {
    id: application.id,
    appId: application.appId,
    name: application.displayName || application.id,
    kind: applicationKind(application),
    group: { id: group.id, name: group.name, health: groupHealth(group) },
    externalUrl: text(publishing.externalUrl),
    internalUrl: text(publishing.internalUrl),
    preAuthentication: text(publishing.externalAuthenticationType),
    backendValidation: typeof validation === 'boolean' ? validation : undefined,
    certificate: certificate && {
      subject: certificate.subjectName,
      thumbprint: certificate.thumbprint,
      issuer: certificate.issuerName,
      expiryDate: certificate.expiryDate,
      daysLeft: daysLeft(certificate, now),
    },
    findings: [],
    ...(readProblem ? { readProblem } : {}),
  };
}

/**
 * Joins the tree's groups with the fresh reads: an application read again replaces the tree's copy,
 * one that failed keeps it (and says why), one gone drops out and is listed. The findings are the
 * health rules' own, computed over the joined groups.
 */
export function buildInventory(
  tenant: Inventory['tenant'],
  groups: readonly ConnectorGroupWithContents[],
  fresh: ReadonlyMap<string, FreshRead>,
  options: PublishingOptions,
): Inventory {
  const gone: Inventory['gone'] = [];
  const problems = new Map<string, string>();
  const joined = groups.filter((g) => g.connectorGroupType === 'applicationProxy').map((group) => ({
    ...group,
    applications: group.applications.flatMap((application) => {
      const read = fresh.get(application.id);
      if (read?.kind === 'gone') {
        gone.push({ id: application.id, name: application.displayName || application.id });
        return [];
      }
      if (read?.kind === 'failed') problems.set(application.id, read.problem);
      return [read?.kind === 'read' ? read.application : application];
    }),
  }));
  const rows = new Map<string, InventoryRow>();
  for (const group of joined) {
    for (const application of group.applications) rows.set(application.id, row(application, group, options.now, problems.get(application.id)));
  }
  for (const finding of tenantFindings(joined, options)) {
    if (!PUBLISHING_RULES.has(finding.rule)) continue;
    for (const application of finding.applicationsAtRisk) {
      rows.get(application.id)?.findings.push({ rule: finding.rule, severity: finding.severity, message: finding.message });
    }
  }
  const ordered = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name) || a.group.name.localeCompare(b.group.name));
  return { tenant, readAt: new Date(options.now).toISOString(), rows: ordered, gone };
}
