// A plan in words, one numbered step per operation with the Graph calls it makes, as the plan
// document and the apply report show it. Plain text: names from Graph are never markup here.
import { l10n } from '../shared/l10n';
import { nameList } from '../shared/nameList';
import { lineText } from '../shared/plainText';
import { regionFact } from '../shared/regions';
import type { ApplyResult, StepOutcome } from './applyPlan';
import { isNewGroup, type GroupKey, type MovedItem, type PlanStep } from './planner';

const GROUPS = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';

function labels(items: MovedItem[]): string {
  return nameList(items.map((i) => i.label));
}

export function describeStep(step: PlanStep): string {
  switch (step.kind) {
    case 'create':
      return step.region
        ? l10n.t("Create '{0}' in {1}", step.name, regionFact(step.region))
        : l10n.t("Create '{0}' in the default region", step.name);
    case 'rename':
      return l10n.t("Rename '{0}' to '{1}'", step.from, step.to);
    case 'setRegion':
      return l10n.t("Set the region of '{0}' from {1} to {2} (it is empty at this point)", step.name, regionFact(step.from), regionFact(step.to));
    case 'moveConnectors':
      return step.onTheWayTo
        ? l10n.t("Move {0} to '{1}' on the way to '{2}' (a region-optimised group takes connectors only from the default region)", labels(step.connectors), step.toName, step.onTheWayTo)
        : l10n.t("Move {0} to '{1}'", labels(step.connectors), step.toName);
    case 'assignApplications':
      return l10n.t("Assign {0} to '{1}'", labels(step.applications), step.toName);
    case 'unassignApplications':
      return l10n.t('Unassign {0} (back to the default group)', labels(step.applications));
    case 'delete':
      return l10n.t("Delete '{0}' (empty at this point)", step.name);
  }
}

/**
 * The requests a step sends. A group the plan creates is named until its id is known (`idOf`, once
 * a run made it); a single application is called by its id.
 */
export function callsOf(step: PlanStep, nameOf: (key: GroupKey) => string, idOf: (key: GroupKey) => string | undefined = () => undefined): string {
  const group = (key: GroupKey) => (isNewGroup(key) ? idOf(key) ?? `{${l10n.t("id of '{0}'", nameOf(key))}}` : key);
  const several = (count: number, call: string) => (count === 1 ? call : l10n.t('{0} × {1} in one $batch', call, count));
  const application = (items: MovedItem[]) => (items.length === 1 ? items[0].id : '{id}');
  switch (step.kind) {
    case 'create':
      return `POST ${GROUPS}`;
    case 'rename':
    case 'setRegion':
      return `PATCH ${GROUPS}/${group(step.group)}`;
    case 'moveConnectors':
      return several(step.connectors.length, `POST ${GROUPS}/${group(step.to)}/members/$ref`);
    case 'assignApplications':
      return several(step.applications.length, `PUT /applications/${application(step.applications)}/connectorGroup/$ref → ${group(step.to)}`);
    case 'unassignApplications':
      return several(step.applications.length, `DELETE /applications/${application(step.applications)}/connectorGroup/$ref`);
    case 'delete':
      return `DELETE ${GROUPS}/${group(step.group)}`;
  }
}

/** The names the steps give the groups they create, so later steps can name them. */
export function createdNames(steps: PlanStep[]): (key: GroupKey) => string {
  const names = new Map<GroupKey, string>();
  for (const step of steps) if (step.kind === 'create') names.set(step.group, step.name);
  return (key) => names.get(key) ?? key;
}

/** The lines as a document: each one stays one line, whatever the names in it hold. */
function documentText(lines: string[]): string {
  return `${lines.map(lineText).join('\n')}\n`;
}

/** The text of a plan the service refused, a reason a line. */
export function refusalText(heading: string, refusals: string[]): string {
  return documentText([heading, '', ...refusals.map((r) => `- ${r}`)]);
}

/** Each step numbered, with its call underneath; `more` adds a prefix and lines of its own. */
function stepLines(
  steps: PlanStep[],
  more: (index: number) => { prefix: string; after: string[] } = () => ({ prefix: '', after: [] }),
  idOf?: (key: GroupKey) => string | undefined,
): string[] {
  const nameOf = createdNames(steps);
  const width = String(steps.length).length;
  const indent = ' '.repeat(width + 2);
  return steps.flatMap((step, i) => {
    const { prefix, after } = more(i);
    return [`${String(i + 1).padStart(width)}. ${prefix}${describeStep(step)}`, `${indent}${callsOf(step, nameOf, idOf)}`, ...after.map((line) => `${indent}${line}`)];
  });
}

export function planText(steps: PlanStep[], heading: string[]): string {
  const nothing = steps.length === 0 ? [l10n.t('Nothing to do: the tenant already matches the layout.')] : [];
  return documentText([...heading, '', ...nothing, ...stepLines(steps)]);
}

function outcomeWord(outcome: StepOutcome): string {
  if (outcome.state === 'done') return l10n.t('done');
  if (outcome.state === 'notTried') return l10n.t('not tried');
  return outcome.doneItems ? l10n.t('failed after {0} done', outcome.doneItems) : l10n.t('failed');
}

/** What a run did, step by step: done, failed (with Graph's message and request id) or not tried. */
export function reportText(steps: PlanStep[], result: ApplyResult, heading: string[]): string {
  const counts = (state: StepOutcome['state']) => result.outcomes.filter((o) => o.state === state).length;
  const summary = l10n.t('Done: {0} · failed: {1} · not tried: {2}{3}', counts('done'), counts('failed'), counts('notTried'), result.cancelled ? l10n.t(' (stopped as asked)') : '');
  return documentText([...heading, summary, '', ...stepLines(steps, (i) => {
    const outcome = result.outcomes[i];
    const after = outcome.message ? [outcome.message] : [];
    if (outcome.requestId && !outcome.message?.includes(outcome.requestId)) after.push(l10n.t('request id {0}', outcome.requestId));
    return { prefix: `[${outcomeWord(outcome)}] `, after };
  }, (key) => result.created.get(key))]);
}
