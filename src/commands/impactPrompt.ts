// The warning before a change cuts applications off: what it will do, and the choice to go on,
// pick another group (the default button) or cancel.
import * as vscode from 'vscode';
import { cutOffText, type CutOff } from '../tenants/impact';
import type { Services } from '../services';
import { Cancelled } from './targets';

export type ImpactAnswer = 'go' | 'another';

export const cutOffDetail = () => vscode.l10n.t('Their users cannot reach them until an active connector is in that group.');

/** Resolves 'go' at once when nothing is cut off; a dismissed warning cancels the command. */
export async function confirmImpact(services: Services, cutOffs: CutOff[], goLabel: string): Promise<ImpactAnswer> {
  if (cutOffs.length === 0) return 'go';
  const another = vscode.l10n.t('Choose Another Group');
  const answer = await services.prompts.choose(cutOffText(cutOffs), cutOffDetail(), [another, goLabel]);
  if (answer === undefined) throw new Cancelled();
  return answer === another ? 'another' : 'go';
}
