// The layout engine's heavy work, as requests and answers: reading a file, planning, the plan's
// notes, writing a tenant as a layout, telling what changed, and checking a file for the editor.
// The plan worker answers them off the extension host's thread; the same function answers them in
// place where there is no worker (the unit tests of the engine call the engine directly).
import { createHash } from 'node:crypto';
import type { ConnectorGroupWithContents } from '../graph/types';
import { checkLayout, type KnownIds, type LayoutMark } from './layoutCheck';
import { readLayout, writeLayout, type Layout, type LayoutProblem } from './layoutFile';
import { planNotes } from './planImpact';
import { restoreLayout } from './restoreLayout';
import { planLayout, type Plan, type PlanStep } from './planner';
import { changedGroups, tenantLayout } from './tenantLayout';

/** A tenant's groups as JSON, in slices, so the host never stringifies them in one long task. */
export type GroupsJson = string[];

/** What a plan keeps of the file's text to tell later whether it changed. */
export const hashText = (text: string) => createHash('sha256').update(text).digest('base64');

export type WorkRequest =
  | { kind: 'hash'; text: string }
  /** Which tenant the file is for (the file read, its problems if it cannot be). */
  | { kind: 'tenant'; text: string }
  /** The file read, planned against the tenant, with the plan's notes and the tenant's side of the diff. */
  | { kind: 'preview'; groups: GroupsJson; text: string; tenant: { id: string; displayName?: string } }
  /** The file's text (as previewed) planned against the tenant as it is now. */
  | { kind: 'plan'; groups: GroupsJson; text: string }
  | { kind: 'notes'; groups: GroupsJson; steps: PlanStep[] }
  /** The tenant as a layout file (ordered like `like`, when given). */
  | { kind: 'write'; groups: GroupsJson; tenant: { id: string; displayName?: string }; like?: string; prune?: boolean }
  | { kind: 'changed'; before: GroupsJson; now: GroupsJson }
  | { kind: 'check'; text: string; tenants: KnownIds[] }
  /** A history snapshot made into a layout the tenant can reach now (see restoreLayout). */
  | { kind: 'restore'; groups: GroupsJson; snapshot: string };

export type PreviewAnswer =
  | { read: 'problems'; problems: LayoutProblem[] }
  /** The layout itself stays in the worker: a big one costs the host more to receive than to read. */
  | { read: 'ok'; prune: boolean; textHash: string; plan: Plan; notes: string[]; tenantSide: string };

export interface WorkAnswers {
  hash: string;
  tenant: { ok: true; tenant: Layout['tenant'] } | { ok: false; problems: LayoutProblem[] };
  preview: PreviewAnswer;
  plan: { ok: true; plan: Plan; notes: string[] } | { ok: false; problems: LayoutProblem[] };
  notes: string[];
  write: string;
  changed: string[];
  check: LayoutMark[];
  restore: { ok: true; text: string; notes: string[] } | { ok: false; problems: LayoutProblem[] };
}

const groupsOf = (json: GroupsJson): ConnectorGroupWithContents[] => json.flatMap((slice) => JSON.parse(slice) as ConnectorGroupWithContents[]);

export function answer(request: WorkRequest): WorkAnswers[WorkRequest['kind']] {
  switch (request.kind) {
    case 'hash':
      return hashText(request.text);
    case 'tenant': {
      const read = readLayout(request.text);
      return read.ok ? { ok: true, tenant: read.layout.tenant } : { ok: false, problems: read.problems };
    }
    case 'preview': {
      const read = readLayout(request.text);
      if (!read.ok) return { read: 'problems', problems: read.problems };
      const groups = groupsOf(request.groups);
      const plan = planLayout(groups, read.layout);
      return {
        read: 'ok', prune: read.layout.prune, textHash: hashText(request.text), plan, notes: plan.ok ? planNotes(groups, plan.steps) : [],
        tenantSide: writeLayout(tenantLayout(groups, request.tenant, read.layout)),
      };
    }
    case 'plan': {
      const read = readLayout(request.text);
      if (!read.ok) return { ok: false, problems: read.problems };
      const groups = groupsOf(request.groups);
      const plan = planLayout(groups, read.layout);
      return { ok: true, plan, notes: plan.ok ? planNotes(groups, plan.steps) : [] };
    }
    case 'notes':
      return planNotes(groupsOf(request.groups), request.steps);
    case 'write': {
      const like = request.like === undefined ? undefined : readLayout(request.like);
      const layout = tenantLayout(groupsOf(request.groups), request.tenant, like?.ok ? like.layout : undefined);
      return writeLayout(request.prune === undefined ? layout : { ...layout, prune: request.prune });
    }
    case 'changed':
      return changedGroups(groupsOf(request.before), groupsOf(request.now));
    case 'check':
      return checkLayout(request.text, request.tenants);
    case 'restore': {
      const read = readLayout(request.snapshot);
      if (!read.ok) return { ok: false, problems: read.problems };
      const { layout, notes } = restoreLayout(read.layout, groupsOf(request.groups));
      return { ok: true, text: writeLayout(layout), notes };
    }
  }
}
