// The Health view's commands: sort the findings, export a tenant's report, show a finding's group.
import * as vscode from 'vscode';
import { applicationKind } from '../health/applicationKind';
import { FindingNode, HealthTenantNode } from '../tree/healthNodes';
import { ordered, type FindingOrder } from '../tree/healthView';
import { tenantFindings } from '../health/rules';
import { settings } from '../settings';
import type { Services } from '../services';
import { Cancelled, loadedContents, pickTenant } from './targets';
import { showExport } from './exportCommands';
import type { TenantNode } from '../tree/tenantNode';

/** The tenant row of the main tree that a Health row (or the palette's choice) is about. */
export async function healthTenant(services: Services, node?: unknown): Promise<TenantNode> {
  const key = node instanceof HealthTenantNode ? node.tenant.key : node instanceof FindingNode ? node.tenant.key : undefined;
  const tenant = key === undefined ? undefined : services.tree.tenantNode(key);
  return tenant ?? pickTenant(services);
}

export async function sortFindings(services: Services): Promise<FindingOrder> {
  const orders: { label: string; order: FindingOrder }[] = [
    { label: vscode.l10n.t('By severity'), order: 'severity' },
    { label: vscode.l10n.t('By applications at risk'), order: 'atRisk' },
    { label: vscode.l10n.t('By group'), order: 'group' },
  ];
  const picked = await services.prompts.pick(orders.map((o) => ({ ...o, description: o.order === services.health.order ? vscode.l10n.t('now') : undefined })),
    { title: vscode.l10n.t('Sort the findings') });
  if (!picked) throw new Cancelled();
  services.health.setOrder(picked.order);
  return picked.order;
}

/** The report as JSON in an editor tab: every finding, in the view's order, with what it concerns. */
export async function exportHealth(services: Services, node?: unknown): Promise<string> {
  const tenantNode = await healthTenant(services, node);
  const contents = await loadedContents(tenantNode);
  const { tenant } = tenantNode;
  const findings = ordered(tenantFindings(contents.groups, { certificateWarningDays: settings.certificateWarningDays() }), services.health.order);
  const report = {
    tenant: { id: tenant.tenantId, displayName: tenant.displayName },
    readAt: new Date().toISOString(),
    findings: findings.map((f) => ({
      severity: f.severity,
      rule: f.rule,
      group: f.group,
      message: f.message,
      ...(f.fix ? { fix: f.fix } : {}),
      connectors: f.connectors.map((c) => ({ id: c.id, machineName: c.machineName, status: c.status, version: c.version })),
      applicationsAtRisk: f.applicationsAtRisk.map((a) => ({ id: a.id, appId: a.appId, displayName: a.displayName, kind: applicationKind(a) })),
    })),
  };
  const json = JSON.stringify(report, null, 2);
  await showExport(services, [tenant.displayName, vscode.l10n.t('Health')], json);
  return json;
}

/** Reveals the finding's group in the Connector Groups view. */
export async function showFindingGroup(services: Services, node?: unknown): Promise<void> {
  if (!(node instanceof FindingNode)) throw new Error(vscode.l10n.t('Choose a finding in the Health view first.'));
  const group = await services.tree.groupNode(node.tenant.key, node.finding.group.id);
  if (!group) throw new Error(vscode.l10n.t("'{0}' is no longer in the tenant. Refresh the view.", node.finding.group.name));
  await services.treeView.reveal(group, { select: true, focus: true, expand: true });
}
