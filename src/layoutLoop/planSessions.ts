// The plan sessions, one per tenant, and which one a command means: the plan tab or layout file it
// was run on, else the active editor's, else the only session there is. Also the context keys the
// plan tab's title buttons show by.
import * as vscode from 'vscode';
import { LAYOUT_SUFFIX } from '../layout/layoutFile';
import { PLAN_SCHEME } from './layoutDocuments';
import { PlanSession } from './planSession';

const fileName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.path;

export class PlanSessions {
  private readonly sessions = new Map<string, PlanSession>();
  /** Every plan tab shown, by its name, with its tenant: a replaced plan is told from one never made. */
  private readonly planTenants = new Map<string, string>();

  /** The tenant's session, made on first use. */
  of(tenantKey: string, tenantName: () => string): PlanSession {
    let session = this.sessions.get(tenantKey);
    if (!session) {
      session = new PlanSession(tenantKey, tenantName);
      this.sessions.set(tenantKey, session);
    }
    return session;
  }

  /** The tenant's session, if it has one. */
  find(tenantKey: string): PlanSession | undefined {
    return this.sessions.get(tenantKey);
  }

  /** Drops a removed tenant's session; refused while a command works on it. */
  forget(tenantKey: string): void {
    this.sessions.get(tenantKey)?.assertFree();
    this.sessions.delete(tenantKey);
    this.updateContexts();
  }

  /** The plan tab's name: the layout file's, with the tenant's added when another tenant's plan has that name. */
  planName(file: string, tenantKey: string, tenantName: string): string {
    const plain = `${vscode.l10n.t('Plan')} – ${file}.txt`;
    const owner = this.planTenants.get(plain);
    return owner === undefined || owner === tenantKey ? plain : `${vscode.l10n.t('Plan')} – ${file} (${tenantName}).txt`;
  }

  /** The plan tab `planUri` shows the tenant's plan (its name is the layout file's). */
  showing(planUri: vscode.Uri, tenantKey: string): void {
    this.planTenants.set(fileName(planUri), tenantKey);
  }

  /** The session a command on `uri` (a plan tab, a layout file; else the active editor) acts on. */
  target(uri?: vscode.Uri): PlanSession {
    const on = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (on?.scheme === PLAN_SCHEME) {
      const tenantKey = this.planTenants.get(fileName(on));
      const session = tenantKey ? this.sessions.get(tenantKey) : undefined;
      if (session?.preview && session.preview.planUri.toString() === on.toString()) return session;
      const name = fileName(on).replace(/^[^–]*– /, '').replace(/\.txt$/, LAYOUT_SUFFIX);
      if (session?.preview) {
        throw new Error(vscode.l10n.t('This plan was replaced by the preview of {0}: preview {1} again to apply it.', fileName(session.preview.file), name));
      }
      throw new Error(vscode.l10n.t('This plan is no longer current: preview {0} again to apply it.', name));
    }
    if (on?.path.endsWith(LAYOUT_SUFFIX)) {
      const session = [...this.sessions.values()].find((s) => s.preview?.file.toString() === on.toString());
      if (session) return session;
      // Another file's plan is never sent from this one.
      throw new Error(vscode.l10n.t('Preview {0} first: Preview Plan in its editor title.', fileName(on)));
    }
    const live = [...this.sessions.values()].filter((s) => s.preview || s.canUndo || s.busy);
    if (live.length === 1) return live[0];
    if (live.length === 0) throw new Error(vscode.l10n.t('Preview a plan first: Preview Plan on a {0} file.', `*${LAYOUT_SUFFIX}`));
    throw new Error(vscode.l10n.t('Plans for {0} tenants are open: run this from the plan tab of the one you mean.', live.length));
  }

  /** The plan tab's buttons: Apply on a plan ready to send, Resume on a stopped run, Undo where there is history. */
  updateContexts(): void {
    const set = (key: string, keep: (s: PlanSession) => boolean) => {
      const sessions = [...this.sessions.values()].filter((s) => !s.busy && keep(s));
      void vscode.commands.executeCommand('setContext', `connectorGroups.${key}`, sessions.length > 0);
      void vscode.commands.executeCommand('setContext', `connectorGroups.${key}Plans`, sessions.flatMap((s) => (s.preview ? [fileName(s.preview.planUri)] : [])));
    };
    set('planReady', (s) => s.canApply);
    set('applyStopped', (s) => s.stoppedRun !== undefined);
    set('canUndo', (s) => s.canUndo);
  }
}
