// Turns any failure into one sentence a person understands, with what to do where there is something to do.
import * as vscode from 'vscode';
import { GraphRequestError, mayHaveTakenEffect } from '../graph/errors';

function hint(status: number): string | undefined {
  switch (status) {
    case 401: return vscode.l10n.t('The sign-in has expired or was refused: sign in again.');
    case 403: return vscode.l10n.t('The account lacks the permission: Directory.ReadWrite.All and the Application Administrator role are needed.');
    case 429: return vscode.l10n.t('Microsoft Graph is throttling requests: wait a moment and try again.');
    default: return undefined;
  }
}

export function describeError(error: unknown): string {
  if (error instanceof GraphRequestError) {
    // A change whose answer says nothing sure (a 5xx, a refused repeat) is said to be uncertain.
    const extra = mayHaveTakenEffect(error)
      ? vscode.l10n.t('The change may or may not have been made: refresh before trying again.')
      : hint(error.status);
    return extra ? `${error.message} ${extra}` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
