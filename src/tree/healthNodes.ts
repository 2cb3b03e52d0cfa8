// The rows of the Health view: a tenant with its findings, each finding with the applications it puts
// at risk and the connectors it concerns. Every text from Graph is plain text in labels and tooltips.
import * as vscode from 'vscode';
import type { Application, Connector } from '../graph/types';
import { appCount } from '../shared/counts';
import { visibleText } from '../shared/plainText';
import type { Tenant } from '../tenants/tenant';
import { tooltip } from './tooltip';
import { TreeNode } from './treeNode';
import { applicationIcon } from './applicationNode';
import { connectorIcon } from './connectorNode';
import { applicationKind, kindWords } from '../health/applicationKind';
import type { Finding, Severity } from '../health/rules';
import type { TenantFindings } from './healthView';

/** Built when a row is drawn, not when the module loads: loading does nothing but define. */
function severityIcon(severity: Severity): vscode.ThemeIcon {
  switch (severity) {
    case 'error': return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'warning': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'information': return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
    case 'hint': return new vscode.ThemeIcon('lightbulb');
  }
}

export function severityWord(severity: Severity): string {
  switch (severity) {
    case 'error': return vscode.l10n.t('error');
    case 'warning': return vscode.l10n.t('warning');
    case 'information': return vscode.l10n.t('information');
    case 'hint': return vscode.l10n.t('hint');
  }
}

/** "1 error", "3 errors": whole sentences for the translators, as VS Code's own counts are. */
function severityCount(severity: Severity, n: number): string {
  const one = n === 1;
  switch (severity) {
    case 'error': return one ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', n);
    case 'warning': return one ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', n);
    case 'information': return one ? vscode.l10n.t('1 information') : vscode.l10n.t('{0} information', n);
    case 'hint': return one ? vscode.l10n.t('1 hint') : vscode.l10n.t('{0} hints', n);
  }
}

export class HealthTenantNode extends TreeNode {
  constructor(readonly tenant: Tenant, readonly state: TenantFindings) {
    super(`health:${tenant.key}`, undefined);
  }

  get findings(): Finding[] | undefined {
    return this.state.kind === 'read' ? this.state.findings : undefined;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(visibleText(this.tenant.displayName), vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.tenant.kind === 'sandbox' ? 'beaker' : 'organization');
    item.description = this.findings === undefined ? vscode.l10n.t('not read yet') : countsText(this.findings);
    item.tooltip = vscode.l10n.t('Findings of the rules for high availability, connector versions, unused groups and how applications are published, from what was read of the tenant.');
    item.contextValue = 'healthTenant';
    return item;
  }

  override children(): TreeNode[] {
    if (this.state.kind === 'failed') return [new HealthTextNode(this, 'failed', vscode.l10n.t('The tenant could not be read: see the Connector Groups view.'), 'error')];
    if (this.state.kind === 'notRead') return [new HealthTextNode(this, 'notRead', vscode.l10n.t('Not read yet: open the tenant in the Connector Groups view.'), 'info')];
    if (this.findings === undefined) return [new HealthTextNode(this, 'loading', vscode.l10n.t('Loading…'), 'loading~spin')];
    if (this.findings.length === 0) return [new HealthTextNode(this, 'none', vscode.l10n.t('No finding: every rule holds.'), 'pass')];
    return this.findings.map((finding) => new FindingNode(this, finding));
  }
}

function countsText(findings: Finding[]): string {
  const severities: Severity[] = ['error', 'warning', 'information', 'hint'];
  const parts = severities.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return parts.length === 0 ? vscode.l10n.t('healthy') : parts.map(([s, n]) => severityCount(s, n)).join(' · ');
}

export class FindingNode extends TreeNode {
  constructor(parent: HealthTenantNode, readonly finding: Finding) {
    // A rule holds once per group (or per key, a certificate's thumbprint): they make the id, so a finding keeps its row (and expansion) across reads.
    super(`${parent.id}/finding:${finding.rule}:${finding.group.id}${finding.key ? `:${finding.key}` : ''}`, parent);
  }

  get tenant(): Tenant {
    return (this.parent as HealthTenantNode).tenant;
  }

  treeItem(): vscode.TreeItem {
    const { finding } = this;
    const hasChildren = finding.applicationsAtRisk.length + finding.connectors.length > 0;
    const item = new vscode.TreeItem(visibleText(finding.message), hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = severityIcon(finding.severity);
    const atRisk = finding.applicationsAtRisk.length;
    item.description = atRisk > 0 ? vscode.l10n.t('{0} at risk', appCount(atRisk)) : undefined;
    item.tooltip = tooltip(finding.group.name, [
      [vscode.l10n.t('Severity'), severityWord(finding.severity)],
      [vscode.l10n.t('Finding'), finding.message],
      [vscode.l10n.t('Applications at risk'), String(atRisk)],
    ]);
    item.accessibilityInformation = { label: `${severityWord(finding.severity)}: ${finding.message}${atRisk ? `, ${item.description}` : ''}` };
    item.contextValue = `finding;${finding.rule}${finding.fix ? `;fix:${finding.fix}` : ''}${this.tenant.canWrite() === false ? ';readOnly' : ''}`;
    return item;
  }

  override children(): TreeNode[] {
    return [
      ...this.finding.applicationsAtRisk.map((a) => new AtRiskApplicationNode(this, a)),
      ...this.finding.connectors.map((c) => new ConcernedConnectorNode(this, c)),
    ];
  }
}

class AtRiskApplicationNode extends TreeNode {
  constructor(parent: FindingNode, readonly application: Application) {
    super(`${parent.id}/application:${application.id}`, parent);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(visibleText(this.application.displayName || this.application.id));
    item.id = this.id;
    item.iconPath = applicationIcon(this.application);
    item.description = vscode.l10n.t('{0} · at risk', kindWords(applicationKind(this.application)));
    item.contextValue = 'findingApplication';
    return item;
  }
}

class ConcernedConnectorNode extends TreeNode {
  constructor(parent: FindingNode, readonly connector: Connector) {
    super(`${parent.id}/connector:${connector.id}`, parent);
  }

  treeItem(): vscode.TreeItem {
    const { connector } = this;
    const item = new vscode.TreeItem(visibleText(connector.machineName || connector.id));
    item.id = this.id;
    item.iconPath = connectorIcon(connector);
    item.description = [connector.status, connector.version].filter(Boolean).join(' · ');
    item.contextValue = 'findingConnector';
    return item;
  }
}

class HealthTextNode extends TreeNode {
  constructor(parent: TreeNode, key: string, private readonly text: string, private readonly icon: string) {
    super(`${parent.id}/${key}`, parent);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    return item;
  }
}
