// The fault run's oracle: what each operation must have done to the tenant, recorded by the test
// before the operation runs and checked against the sandbox's own state afterwards, independently
// of what the extension's model says. Only the extension's typed, user-facing outcomes count.
import { GraphInputError, GraphNetworkError, GraphRequestError, mayHaveTakenEffect } from '../../../src/graph/errors';
import { UncertainOutcomeError } from '../../../src/operations/ambiguity';
import type { Relocated } from '../../../src/operations/relocation';
import type { SandboxState } from '../../support/sandboxClient';

/** What the user was told of one change. */
export type Told = 'done' | 'notDone' | 'unknown';

/** Thrown for an exception no user would be shown as an outcome (a TypeError, a bare Error): the run fails. */
export class UntypedFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(`not a user-facing outcome: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`);
  }
}

/** What an operation's exception told the user; anything else is not an outcome and fails the run. */
export function toldBy(error: unknown): Exclude<Told, 'done'> {
  if (error instanceof UncertainOutcomeError) return error.found === 'notDone' ? 'notDone' : 'unknown';
  if (error instanceof GraphRequestError || error instanceof GraphNetworkError || error instanceof GraphInputError) {
    return mayHaveTakenEffect(error) ? 'unknown' : 'notDone';
  }
  throw new UntypedFailure(error);
}

/** Per item of a move or assignment, what the report told. */
export function toldPerItem(result: Relocated): Map<string, Told> {
  const told = new Map<string, Told>(result.moved.map((id) => [id, 'done']));
  for (const failure of result.failed) {
    if (told.has(failure.id)) throw new UntypedFailure(new Error(`${failure.id} is reported both moved and failed`));
    told.set(failure.id, failure.uncertain ? 'unknown' : 'notDone');
  }
  return told;
}

/** The intended change, as the test recorded it before the operation ran. */
export type Intent =
  | { kind: 'create'; name: string; region?: string }
  | { kind: 'rename'; groupId: string; name: string }
  | { kind: 'region'; groupId: string; region: string }
  | { kind: 'connectors'; ids: string[]; groupId: string }
  | { kind: 'applications'; ids: string[]; groupId: string }
  | { kind: 'unassign'; id: string }
  | { kind: 'delete'; groupId: string };

/** One outcome: the intent, and what the user was told of it (per item for moves). */
export interface Outcome {
  intent: Intent;
  told: Told | Map<string, Told>;
}

type Group = SandboxState['groups'][number];

const byId = <T extends { id: string }>(items: readonly T[]) => new Map<string, T>(items.map((item) => [item.id, item]));
/** Where each connector or application is, by id. */
const placement = (items: readonly { id: string; groupId: string | null }[]) => new Map(items.map((item) => [item.id, item.groupId]));

/**
 * Every way the sandbox after the operations contradicts what the user was told, and every change
 * nobody asked for. `before` and `after` come from the sandbox's control API, never from the model.
 */
export function contradictions(before: SandboxState, after: SandboxState, outcomes: Outcome[]): string[] {
  const found: string[] = [];
  const groupsBefore = byId(before.groups);
  const groupsAfter = byId(after.groups);
  const home = after.groups.find((g) => g.isDefault)!;
  /** What may have changed: ids (and new names) some intent speaks of. */
  const touched = { groups: new Set<string>(), connectors: new Set<string>(), applications: new Set<string>(), names: new Set<string>() };
  const expect = (told: Told, done: boolean, undone: boolean, what: string) => {
    if (told === 'done' && !done) found.push(`told done, but the service does not show it: ${what}`);
    if (told === 'notDone' && !undone) found.push(`told not done, but the service shows it: ${what}`);
    if (told === 'unknown' && !done && !undone) found.push(`neither done nor undone: ${what}`);
  };
  const single = (told: Outcome['told']): Told => {
    if (told instanceof Map) throw new UntypedFailure(new Error('a per-item outcome for a single change'));
    return told;
  };
  for (const { intent, told } of outcomes) {
    switch (intent.kind) {
      case 'create': {
        touched.names.add(intent.name);
        const made = after.groups.filter((g) => g.name === intent.name && !groupsBefore.has(g.id));
        if (made.length > 1) found.push(`'${intent.name}' was created ${made.length} times`);
        const right = made.length === 1 && (intent.region === undefined || made[0].region === intent.region);
        expect(single(told), right, made.length === 0, `create '${intent.name}'${intent.region ? ` in ${intent.region}` : ''}`);
        for (const g of made) touched.groups.add(g.id);
        break;
      }
      case 'rename':
      case 'region': {
        touched.groups.add(intent.groupId);
        const was = groupsBefore.get(intent.groupId);
        const is = groupsAfter.get(intent.groupId);
        const field = intent.kind === 'rename' ? 'name' : 'region';
        const wanted = intent.kind === 'rename' ? intent.name : intent.region;
        expect(single(told), is?.[field] === wanted, is?.[field] === was?.[field], `${field} of ${was?.name} to '${wanted}'`);
        break;
      }
      case 'connectors':
      case 'applications': {
        if (!(told instanceof Map)) throw new UntypedFailure(new Error('a move without a per-item outcome'));
        const list = intent.kind === 'connectors' ? 'connectors' : 'applications';
        const was = placement(before[list]);
        const is = placement(after[list]);
        for (const id of intent.ids) {
          touched[list].add(id);
          const itemTold = told.get(id);
          if (!itemTold) {
            found.push(`nothing was told of ${id}`);
            continue;
          }
          expect(itemTold, is.get(id) === intent.groupId, is.get(id) === was.get(id),
            `${list === 'connectors' ? 'connector' : 'application'} ${id} into ${groupsBefore.get(intent.groupId)?.name}`);
        }
        for (const id of told.keys()) if (!intent.ids.includes(id)) found.push(`told of ${id}, which was not asked for`);
        break;
      }
      case 'unassign': {
        touched.applications.add(intent.id);
        const was = before.applications.find((a) => a.id === intent.id)?.groupId;
        const is = after.applications.find((a) => a.id === intent.id)?.groupId;
        expect(single(told), is === home.id, is === was, `unassign ${intent.id}`);
        break;
      }
      case 'delete': {
        touched.groups.add(intent.groupId);
        expect(single(told), !groupsAfter.has(intent.groupId), groupsAfter.has(intent.groupId), `delete ${groupsBefore.get(intent.groupId)?.name}`);
        break;
      }
    }
  }
  // Nothing else changed.
  for (const group of after.groups) {
    if (touched.groups.has(group.id)) continue;
    const was = groupsBefore.get(group.id);
    if (!was) found.push(`a group nobody asked for appeared: '${group.name}'`);
    else if (was.name !== group.name || was.region !== group.region) found.push(`group '${was.name}' changed although nobody asked`);
  }
  for (const group of before.groups) {
    if (!touched.groups.has(group.id) && !groupsAfter.has(group.id)) found.push(`group '${group.name}' vanished although nobody asked`);
  }
  for (const list of ['connectors', 'applications'] as const) {
    const is = placement(after[list]);
    for (const item of before[list]) {
      if (!touched[list].has(item.id) && is.get(item.id) !== item.groupId) {
        found.push(`${item.id} moved although nobody asked`);
      }
    }
  }
  return found;
}

/** Every difference between what the model shows and what the sandbox holds. */
export function divergences(model: readonly { id: string; name: string; region: string | null; members: { id: string }[]; applications: { id: string }[] }[], state: SandboxState): string[] {
  const found: string[] = [];
  const truth = byId(state.groups);
  const same = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();
  for (const group of model) {
    const real: Group | undefined = truth.get(group.id);
    if (!real) { found.push(`group ${group.name} is shown but does not exist`); continue; }
    if (real.name !== group.name) found.push(`group ${group.id} is shown as '${group.name}' but is '${real.name}'`);
    if (real.region !== group.region) found.push(`group ${group.name} is shown in ${group.region} but is in ${real.region}`);
    if (!same(group.members.map((c) => c.id), real.members)) found.push(`connectors of ${group.name} differ`);
    if (!same(group.applications.map((a) => a.id), real.applications)) found.push(`applications of ${group.name} differ`);
  }
  for (const real of state.groups) if (!model.some((g) => g.id === real.id)) found.push(`group ${real.name} exists but is not shown`);
  return found;
}
