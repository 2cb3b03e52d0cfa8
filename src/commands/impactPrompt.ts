// The warning before a change cuts applications off: what it will do, and the choice to go on, to
// pick another group (the default button) when the damage is where the items go, or to keep them
// where they are (the default) when it is where they leave: no other destination would help there.
import * as vscode from 'vscode';
import { cutOffText, type CutOff } from '../tenants/impact';
import type { Services } from '../services';
import { Cancelled } from './targets';

export type ImpactAnswer = 'go' | 'another';

export const cutOffDetail = () => vscode.l10n.t('Their users cannot reach them until an active connector is in that group.');

/** Resolves 'go' at once when nothing is cut off; a dismissed warning cancels the command. */
export async function confirmImpact(services: Services, cutOffs: CutOff[], goLabel: string, targetId: string): Promise<ImpactAnswer> {
  if (cutOffs.length === 0) return 'go';
  const another = vscode.l10n.t('Choose Another Group');
  const keep = vscode.l10n.t('Keep Them Where They Are');
  const atTarget = cutOffs.some((c) => c.group.id === targetId);
  const answer = await services.prompts.choose(cutOffText(cutOffs), cutOffDetail(), [atTarget ? another : keep, goLabel]);
  if (answer === undefined || answer === keep) throw new Cancelled();
  return answer === another ? 'another' : 'go';
}
