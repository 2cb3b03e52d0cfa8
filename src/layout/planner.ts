// The steps that turn a tenant into a layout, in an order that keeps every rule of the service at
// every step: a region is set only on an empty group, a connector reaches a region-optimised group
// only from the default region, a group is emptied before it is deleted, the default group stays.
// A layout no order can reach is refused with the reasons, before anything is sent.
import { isApplicationProxyGroup } from '../graph/connectorGroupsApi';
import type { ConnectorGroupWithContents } from '../graph/types';
import { l10n } from '../shared/l10n';
import { isRegion, regionLabel, REGIONS } from '../shared/regions';
import type { Layout } from './layoutFile';
import { groupBy } from '../shared/groupBy';
import { orderMoves } from './stepOrder';

/** A group in a plan: an existing group's id, or `new:N` for the N-th group the plan creates. */
export type GroupKey = string;

export interface MovedItem {
  id: string;
  label: string;
  from: GroupKey;
  fromName: string;
}

export type PlanStep =
  | { kind: 'create'; group: GroupKey; name: string; region?: string }
  | { kind: 'rename'; group: GroupKey; from: string; to: string }
  | { kind: 'setRegion'; group: GroupKey; name: string; from: string; to: string }
  /** `via`: the connectors stop in the default group on their way to this region-optimised group. */
  | { kind: 'moveConnectors'; to: GroupKey; toName: string; connectors: MovedItem[]; onTheWayTo?: string }
  | { kind: 'assignApplications'; to: GroupKey; toName: string; applications: MovedItem[] }
  /** Back to the default group, where Graph puts an application taken out of its group. */
  | { kind: 'unassignApplications'; applications: MovedItem[] }
  | { kind: 'delete'; group: GroupKey; name: string; region: string };

export type Plan = { ok: true; steps: PlanStep[] } | { ok: false; refusals: string[] };

export const isNewGroup = (key: GroupKey) => key.startsWith('new:');

interface Place {
  key: GroupKey;
  name: string;
  region: string;
}

/** The plan from `groups` (the tenant as read) to `layout`. */
export function planLayout(groups: ConnectorGroupWithContents[], layout: Layout): Plan {
  return new Planner(groups.filter(isApplicationProxyGroup), groups.filter((g) => !isApplicationProxyGroup(g)), layout).plan();
}

class Planner {
  private readonly refusals: string[] = [];
  private readonly steps: PlanStep[] = [];
  /** Each file entry's group (in file order). */
  private readonly entryKeys: GroupKey[] = [];
  private readonly places = new Map<GroupKey, Place>();
  /** Where each connector and application is now, as the plan goes. */
  private readonly connectorAt = new Map<string, GroupKey>();
  private readonly applicationAt = new Map<string, GroupKey>();
  private readonly labels = new Map<string, string>();
  /** Ids the file lists anywhere (an application listed in the default group is assigned, not unassigned). */
  private readonly listed = new Set<string>();
  private readonly defaultKey: GroupKey;
  private readonly active = new Set<string>();

  constructor(private readonly groups: ConnectorGroupWithContents[], private readonly others: ConnectorGroupWithContents[], private readonly layout: Layout) {
    const home = groups.find((g) => g.isDefault);
    this.defaultKey = home?.id ?? '';
    for (const g of groups) {
      this.places.set(g.id, { key: g.id, name: g.name, region: g.region ?? '' });
      for (const c of g.members) {
        this.connectorAt.set(c.id.toLowerCase(), g.id);
        this.labels.set(c.id.toLowerCase(), c.machineName);
        if (c.status === 'active') this.active.add(c.id.toLowerCase());
      }
      for (const a of g.applications) { this.applicationAt.set(a.id.toLowerCase(), g.id); this.labels.set(a.id.toLowerCase(), a.displayName); }
    }
  }

  private refuse(message: string): void {
    this.refusals.push(message);
  }

  private get defaultRegion(): string {
    return this.places.get(this.defaultKey)?.region ?? '';
  }

  private nameOf(key: GroupKey): string {
    return this.places.get(key)?.name ?? key;
  }

  plan(): Plan {
    if (!this.defaultKey) return { ok: false, refusals: [l10n.t('The tenant has no default connector group; nothing can be planned.')] };
    this.matchEntries();
    const connectorsTo = this.desired('connectors', this.connectorAt);
    const applicationsTo = this.desired('applications', this.applicationAt);
    const deletions = this.deletions();
    const regionChanges = this.regionChanges(connectorsTo, applicationsTo);
    if (this.refusals.length > 0) return { ok: false, refusals: this.refusals };

    this.creates();
    this.renames();
    const cutOff = this.outageRule(connectorsTo, applicationsTo);
    // Groups whose region changes are emptied first, into the items' destinations when that is
    // allowed now, else into the default group, from where they move on after the change.
    const changing = new Set(regionChanges.keys());
    const leaving = (at: Map<string, GroupKey>, to: Map<string, GroupKey>, target: (id: string) => GroupKey) =>
      new Map([...at].filter(([id, key]) => changing.has(key) && to.get(id) !== key).map(([id]) => [id, target(id)]));
    this.moves(leaving(this.connectorAt, connectorsTo, (id) => {
      const target = connectorsTo.get(id)!;
      return changing.has(target) || !this.connectorMayMove(this.connectorAt.get(id)!, target) ? this.defaultKey : target;
    }), leaving(this.applicationAt, applicationsTo, (id) => {
      const target = applicationsTo.get(id)!;
      return changing.has(target) ? this.defaultKey : target;
    }), connectorsTo, cutOff, new Set());
    for (const [key, region] of regionChanges) {
      const place = this.places.get(key)!;
      this.steps.push({ kind: 'setRegion', group: key, name: place.name, from: place.region, to: region });
      place.region = region;
    }
    // Everything else goes where the file puts it; a connector bound for a region-optimised group
    // from outside the default region stops in the default group first. An application the file
    // does not list that goes back to the default group is unassigned (Graph's way there).
    const remaining = (at: Map<string, GroupKey>, to: Map<string, GroupKey>) => new Map([...to].filter(([id, key]) => at.get(id) !== key));
    const applications = remaining(this.applicationAt, applicationsTo);
    const unassigning = new Set([...applications].filter(([id, key]) => key === this.defaultKey && !this.listed.has(id)).map(([id]) => id));
    this.moves(remaining(this.connectorAt, connectorsTo), applications, connectorsTo, cutOff, unassigning);
    for (const key of deletions) {
      const place = this.places.get(key)!;
      this.steps.push({ kind: 'delete', group: key, name: place.name, region: place.region });
    }
    return { ok: true, steps: this.steps };
  }

  /**
   * When an application in a group with no active connector is an outage of the plan's making: not
   * when it was so before and stays where it was, nor when it ends so (the end-state warning says it).
   */
  private outageRule(connectorsTo: Map<string, GroupKey>, applicationsTo: Map<string, GroupKey>): (application: string, group: GroupKey) => boolean {
    const servedAtEnd = new Set([...connectorsTo].filter(([id]) => this.active.has(id)).map(([, key]) => key));
    const servedAtStart = new Set([...this.connectorAt].filter(([id]) => this.active.has(id)).map(([, key]) => key));
    const start = new Map(this.applicationAt);
    return (application, group) => servedAtEnd.has(applicationsTo.get(application)!)
      && (servedAtStart.has(start.get(application)!) || group !== start.get(application));
  }

  /** The moves of one phase, in the order that cuts the fewest applications off (see stepOrder). */
  private moves(connectorsTo: Map<string, GroupKey>, applicationsTo: Map<string, GroupKey>, finalTo: Map<string, GroupKey>,
    cutOff: (application: string, group: GroupKey) => boolean, unassigning: Set<string>): void {
    const batches = orderMoves({
      connectorAt: this.connectorAt, applicationAt: this.applicationAt, connectorsTo, applicationsTo, active: this.active, cutOff,
      nextHop: (from, to) => (this.connectorMayMove(from, to) ? to : this.defaultKey),
    });
    for (const batch of batches) {
      if (batch.kind === 'connectors') {
        this.moveConnectors(batch.ids, () => batch.to, finalTo);
        continue;
      }
      this.assignApplications(batch.ids.filter((id) => !unassigning.has(id)), () => batch.to);
      const unassigned = batch.ids.filter((id) => unassigning.has(id));
      if (unassigned.length === 0) continue;
      this.steps.push({ kind: 'unassignApplications', applications: unassigned.map((id) => this.item(id, this.applicationAt)) });
      for (const id of unassigned) this.applicationAt.set(id, this.defaultKey);
    }
  }

  /** The contract's rule for connectors, with the regions as they are at this point of the plan. */
  private connectorMayMove(from: GroupKey, to: GroupKey): boolean {
    const defaultRegion = this.defaultRegion;
    return from === to || this.places.get(to)!.region === defaultRegion || this.places.get(from)!.region === defaultRegion;
  }

  private item(id: string, at: Map<string, GroupKey>): MovedItem {
    const from = at.get(id)!;
    return { id, label: this.labels.get(id) ?? id, from, fromName: this.nameOf(from) };
  }

  /** One step per destination, in the order the destinations first come up. */
  private moveConnectors(ids: string[], target: (id: string) => GroupKey, finalTo: Map<string, GroupKey>): void {
    for (const [to, batch] of groupBy(ids, target)) {
      const final = new Set(batch.map((id) => finalTo.get(id)!));
      const onTheWayTo = to === this.defaultKey && !final.has(to) ? [...final].map((k) => this.nameOf(k)).join(', ') : undefined;
      this.steps.push({ kind: 'moveConnectors', to, toName: this.nameOf(to), connectors: batch.map((id) => this.item(id, this.connectorAt)), ...(onTheWayTo ? { onTheWayTo } : {}) });
      for (const id of batch) this.connectorAt.set(id, to);
    }
  }

  private assignApplications(ids: string[], target: (id: string) => GroupKey): void {
    for (const [to, batch] of groupBy(ids, target)) {
      this.steps.push({ kind: 'assignApplications', to, toName: this.nameOf(to), applications: batch.map((id) => this.item(id, this.applicationAt)) });
      for (const id of batch) this.applicationAt.set(id, to);
    }
  }

  /** Each entry is an existing group (by id, else by a name no other entry claims) or a new one. */
  private matchEntries(): void {
    const byId = new Map(this.groups.map((g) => [g.id.toLowerCase(), g]));
    const claimed = new Set<string>();
    for (const entry of this.layout.connectorGroups) {
      if (entry.id === undefined) continue;
      if (claimed.has(entry.id)) this.refuse(l10n.t("The group {0} is listed twice.", entry.id));
      claimed.add(entry.id);
      if (!byId.has(entry.id)) {
        this.refuse(this.others.some((g) => g.id.toLowerCase() === entry.id)
          ? l10n.t("'{0}' ({1}) is not an Application Proxy connector group; leave it out of the layout.", entry.name, entry.id)
          : l10n.t("No connector group has the id {0} ('{1}'): it may have been deleted. Remove the id to create the group.", entry.id, entry.name));
      }
    }
    const newNames = new Set<string>();
    let created = 0;
    for (const entry of this.layout.connectorGroups) {
      if (entry.id !== undefined) {
        const group = byId.get(entry.id);
        this.entryKeys.push(group?.id ?? entry.id);
        if (group && entry.isDefault !== undefined && entry.isDefault !== group.isDefault) {
          this.refuse(l10n.t("'{0}' says isDefault: {1}, but which group is the default cannot be changed.", entry.name, String(entry.isDefault)));
        }
        continue;
      }
      const lower = entry.name.toLowerCase();
      const sameName = this.groups.filter((g) => g.name.toLowerCase() === lower && !claimed.has(g.id.toLowerCase()));
      if (newNames.has(lower)) this.refuse(l10n.t("Two groups without an id are named '{0}': give each its own name, or the existing one its id.", entry.name));
      newNames.add(lower);
      if (sameName.length > 1) {
        this.refuse(l10n.t("'{0}' has no id and {1} groups have that name: add the id of the one meant.", entry.name, sameName.length));
        this.entryKeys.push('');
      } else if (sameName.length === 1) {
        claimed.add(sameName[0].id.toLowerCase());
        this.entryKeys.push(sameName[0].id);
      } else {
        if (entry.isDefault) this.refuse(l10n.t("'{0}' is new, and a new group cannot be the default.", entry.name));
        const key = `new:${created++}`;
        this.entryKeys.push(key);
        this.places.set(key, { key, name: entry.name, region: entry.region ?? '' });
      }
    }
  }

  /** Where the file wants each item; under prune, an item it leaves out goes to the default group. */
  private desired(kind: 'connectors' | 'applications', at: Map<string, GroupKey>): Map<string, GroupKey> {
    const to = new Map<string, GroupKey>();
    const where = new Map<string, string>();
    this.layout.connectorGroups.forEach((entry, index) => {
      for (const item of entry[kind] ?? []) {
        if (!at.has(item.id)) {
          this.refuse(kind === 'connectors'
            ? l10n.t("'{0}' lists a connector that is not in the tenant: {1}.", entry.name, item.id)
            : l10n.t("'{0}' lists an application that is not published through Application Proxy in the tenant: {1}.", entry.name, item.id));
          continue;
        }
        if (where.has(item.id)) {
          const label = this.labels.get(item.id) ?? item.id;
          this.refuse(kind === 'connectors'
            ? l10n.t("The connector {0} is listed in '{1}' and in '{2}': a connector belongs to exactly one group.", label, where.get(item.id)!, entry.name)
            : l10n.t("The application {0} is listed in '{1}' and in '{2}': an application has one connector group.", label, where.get(item.id)!, entry.name));
          continue;
        }
        where.set(item.id, entry.name);
        this.listed.add(item.id);
        to.set(item.id, this.entryKeys[index]);
      }
    });
    for (const [id, key] of at) {
      if (!to.has(id)) to.set(id, this.layout.prune ? this.defaultKey : key);
    }
    return to;
  }

  /** Under prune, the groups the file leaves out; the default group is never one of them. */
  private deletions(): GroupKey[] {
    if (!this.layout.prune) return [];
    const kept = new Set(this.entryKeys);
    const gone = this.groups.filter((g) => !kept.has(g.id));
    const home = gone.find((g) => g.isDefault);
    if (home) this.refuse(l10n.t("The layout says prune but leaves out the default group '{0}', which cannot be deleted: list it.", home.name));
    return gone.filter((g) => !g.isDefault).map((g) => g.id);
  }

  /** The regions the file changes; each group must be empty at that moment, so none may keep items. */
  private regionChanges(connectorsTo: Map<string, GroupKey>, applicationsTo: Map<string, GroupKey>): Map<GroupKey, string> {
    const changes = new Map<GroupKey, string>();
    // What each group keeps (items that are in it and stay): a group that keeps any cannot change region.
    const stays = (at: Map<string, GroupKey>, to: Map<string, GroupKey>) => [...at].filter(([id, key]) => to.get(id) === key);
    const keeping = groupBy([...stays(this.connectorAt, connectorsTo), ...stays(this.applicationAt, applicationsTo)], ([, key]) => key);
    this.layout.connectorGroups.forEach((entry, index) => {
      const key = this.entryKeys[index];
      const place = this.places.get(key);
      if (!place || entry.region === undefined || (!isNewGroup(key) && entry.region === place.region)) return;
      if (!isRegion(entry.region)) {
        this.refuse(l10n.t("'{0}' has the region '{1}', which is not one of {2}.", entry.name, entry.region, REGIONS.join(', ')));
        return;
      }
      if (isNewGroup(key)) return;
      if (key === this.defaultKey) {
        this.refuse(l10n.t("The layout changes the region of the default group '{0}' ({1} to {2}): that moves the default region every other group is measured by. Change it on its own, while the group is empty.", place.name, regionLabel(place.region), regionLabel(entry.region)));
        return;
      }
      const kept = (keeping.get(key) ?? []).map(([id]) => this.labels.get(id) ?? id);
      if (kept.length > 0) {
        this.refuse(l10n.t("'{0}' changes region ({1} to {2}) but keeps {3}: a region can only be set while the group is empty. Move them out in one layout, change the region in the next.", place.name, regionLabel(place.region), regionLabel(entry.region), kept.slice(0, 3).join(', ') + (kept.length > 3 ? ` (+${kept.length - 3})` : '')));
        return;
      }
      changes.set(key, entry.region);
    });
    return changes;
  }

  private creates(): void {
    this.layout.connectorGroups.forEach((entry, index) => {
      const key = this.entryKeys[index];
      if (!isNewGroup(key)) return;
      this.steps.push({ kind: 'create', group: key, name: entry.name, ...(entry.region !== undefined ? { region: entry.region } : {}) });
      // Graph gives a group created without a region the default one.
      this.places.get(key)!.region = entry.region ?? this.defaultRegion;
    });
  }

  private renames(): void {
    this.layout.connectorGroups.forEach((entry, index) => {
      const key = this.entryKeys[index];
      const place = this.places.get(key);
      if (isNewGroup(key) || !place || place.name === entry.name) return;
      this.steps.push({ kind: 'rename', group: key, from: place.name, to: entry.name });
      place.name = entry.name;
    });
  }
}
