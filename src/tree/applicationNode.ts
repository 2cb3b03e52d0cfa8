// A published application: display name, its kind (App Proxy, Private Access, Quick Access) and
// external URL; a Private Access or Quick Access application shows the segments it reaches, read-only,
// read when it is first expanded.
import * as vscode from 'vscode';
import { visibleText } from '../shared/plainText';
import type { Application, ApplicationSegment } from '../graph/types';
import { applicationKind, kindWords, type ApplicationKind } from '../health/applicationKind';
import { GroupItemNode } from './groupItemNode';
import { EmptyNode, ErrorNode, LoadingNode } from './stateNodes';
import { tooltip } from './tooltip';
import { readOnlyFacet, TreeNode } from './treeNode';

const KIND_ICONS: Record<ApplicationKind, string> = { appProxy: 'globe', privateAccess: 'lock', quickAccess: 'zap' };

export function applicationIcon(application: Application): vscode.ThemeIcon {
  return new vscode.ThemeIcon(KIND_ICONS[applicationKind(application)]);
}

type Segments = { kind: 'idle' } | { kind: 'loading'; done: Promise<void> } | { kind: 'loaded'; segments: ApplicationSegment[] } | { kind: 'failed'; error: unknown };

export class ApplicationNode extends GroupItemNode {
  private segments: Segments = { kind: 'idle' };

  constructor(parent: TreeNode, groupId: string, public application: Application, public inDefaultGroup: boolean) {
    super(`${parent.id}/application:${application.id}`, parent, groupId);
  }

  get kind(): ApplicationKind {
    return applicationKind(this.application);
  }

  treeItem(): vscode.TreeItem {
    const { application, kind } = this;
    const publishing = application.onPremisesPublishing ?? undefined;
    const item = new vscode.TreeItem(visibleText(application.displayName || application.id),
      kind === 'appProxy' ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const host = publishing?.externalUrl ? hostOf(publishing.externalUrl) : undefined;
    item.description = kind === 'appProxy' ? host : [kindWords(kind), host].filter(Boolean).join(' · ');
    item.iconPath = applicationIcon(application);
    item.tooltip = tooltip(application.displayName, [
      [vscode.l10n.t('Kind'), kindWords(kind)],
      [vscode.l10n.t('External URL'), publishing?.externalUrl],
      [vscode.l10n.t('Internal URL'), publishing?.internalUrl],
      [vscode.l10n.t('Pre-authentication'), publishing?.externalAuthenticationType],
      [vscode.l10n.t('Application (client) ID'), application.appId],
      [vscode.l10n.t('Object ID'), application.id],
    ]);
    item.contextValue = `application;${kind}${this.inDefaultGroup ? ';inDefault' : ''}${readOnlyFacet(this)}`;
    return item;
  }

  override children(): TreeNode[] {
    const state = this.segments;
    switch (state.kind) {
      case 'idle':
        this.readSegments();
        return [new LoadingNode(this)];
      case 'loading':
        return [new LoadingNode(this)];
      case 'failed':
        return [new ErrorNode(this, state.error)];
      case 'loaded':
        if (state.segments.length === 0) return [new EmptyNode(this, vscode.l10n.t('No segments'))];
        return state.segments.map((segment) => new SegmentNode(this, segment));
    }
  }

  /** Reads the segments again at the next expand (Retry on the error row, Refresh). */
  forgetSegments(): void {
    this.segments = { kind: 'idle' };
  }

  /** Resolves once the segments being read are in (or failed): what the loading row waits for. */
  settled(): Promise<void> {
    return this.segments.kind === 'loading' ? this.segments.done : Promise.resolve();
  }

  private readSegments(): void {
    const tenant = this.tenantNode;
    const done = tenant.tenant.api.listApplicationSegments(this.application.id).then(
      (segments) => { this.segments = { kind: 'loaded', segments }; },
      (error: unknown) => { this.segments = { kind: 'failed', error }; },
    ).finally(() => tenant.changed(this));
    this.segments = { kind: 'loading', done };
  }
}

/** One destination: "10.1.20.0/24 · TCP 445, 139". */
class SegmentNode extends TreeNode {
  constructor(parent: ApplicationNode, readonly segment: ApplicationSegment) {
    super(`${parent.id}/segment:${segment.id}`, parent);
  }

  treeItem(): vscode.TreeItem {
    const { segment } = this;
    const item = new vscode.TreeItem(visibleText(segment.destinationHost));
    item.id = this.id;
    const ports = (segment.ports ?? []).join(', ');
    item.description = visibleText([segment.protocol.toUpperCase(), ports].filter(Boolean).join(' '));
    item.iconPath = new vscode.ThemeIcon('symbol-field');
    item.tooltip = tooltip(segment.destinationHost, [
      [vscode.l10n.t('Destination type'), segment.destinationType],
      [vscode.l10n.t('Ports'), ports],
      [vscode.l10n.t('Protocol'), segment.protocol],
    ]);
    item.contextValue = 'segment';
    return item;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
