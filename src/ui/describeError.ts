// Turns any failure into one sentence a person understands, with what to do where there is something to do.
import * as vscode from 'vscode';
import { missingForChange, roleName } from '../auth/directoryRoles';
import { GraphRequestError, mayHaveTakenEffect } from '../graph/errors';

function hint(error: GraphRequestError): string | undefined {
  switch (error.status) {
    case 401: return vscode.l10n.t('The sign-in has expired or was refused: sign in again.');
    case 403: return forbidden(error);
    case 429: return vscode.l10n.t('Microsoft Graph is throttling requests: wait a moment and try again.');
    default: return undefined;
  }
}

export function describeError(error: unknown): string {
  if (error instanceof GraphRequestError) {
    // A change whose answer says nothing sure (a 5xx, a refused repeat) is said to be uncertain.
    const extra = mayHaveTakenEffect(error)
      ? vscode.l10n.t('The change may or may not have been made: refresh before trying again.')
      : hint(error);
    return extra ? `${error.message} ${extra}` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A refused change says which is missing, the permission or the role, when the token named both. */
function forbidden(error: GraphRequestError): string {
  const { scopes, roles } = error.access ?? {};
  if (error.access) {
    switch (missingForChange(scopes, roles)) {
      case 'permission':
        return vscode.l10n.t('The token lacks the permission: it carries {0}, and a change needs Directory.ReadWrite.All. Sign in again and consent to it.', scopes!.join(', ') || vscode.l10n.t('none'));
      case 'role':
        return vscode.l10n.t('The account lacks the role: it has {0}, and a change needs Application Administrator or Global Administrator (Cloud Application Administrator cannot manage Application Proxy).', roles!.map(roleName).join(', ') || vscode.l10n.t('no directory role'));
      case undefined:
        return vscode.l10n.t('The token carries Directory.ReadWrite.All and an administrator role, yet Graph refused: the tenant may restrict this change further (Conditional Access or an administrative unit).');
    }
  }
  return vscode.l10n.t('The account lacks the permission: Directory.ReadWrite.All and the Application Administrator role are needed.');
}
