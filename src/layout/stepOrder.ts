// The order of the moves within a phase of a plan, chosen so that no application waits in a group
// without an active connector when another order avoids it: in each round the connectors that can
// go without cutting anyone off go first (arriving somewhere), then the applications whose
// destination now has an active connector, and the connectors they were holding back follow in the
// next round. When every remaining move cuts someone off, the one that cuts off the fewest goes.
import { groupBy } from '../shared/groupBy';
import type { GroupKey } from './planner';

export interface OrderInput {
  connectorAt: ReadonlyMap<string, GroupKey>;
  applicationAt: ReadonlyMap<string, GroupKey>;
  /** Where each connector and application of this phase goes (ids in lower case). */
  connectorsTo: ReadonlyMap<string, GroupKey>;
  applicationsTo: ReadonlyMap<string, GroupKey>;
  active: ReadonlySet<string>;
  /** Whether an application in `group` with no active connector is an outage the plan causes. */
  cutOff(application: string, group: GroupKey): boolean;
  /** The group a connector in `from` goes to next on its way to `to` (the region rule may route it). */
  nextHop(from: GroupKey, to: GroupKey): GroupKey;
}

/** A step's worth of moves: items of one kind going to one group. */
export interface MoveBatch {
  kind: 'connectors' | 'applications';
  to: GroupKey;
  ids: string[];
}

export function orderMoves(input: OrderInput): MoveBatch[] {
  const connectorAt = new Map(input.connectorAt);
  const applicationAt = new Map(input.applicationAt);
  const pendingConnectors = new Map([...input.connectorsTo].filter(([id, to]) => connectorAt.get(id) !== to));
  const pendingApplications = new Map([...input.applicationsTo].filter(([id, to]) => applicationAt.get(id) !== to));
  const activeCount = new Map<GroupKey, number>();
  const applicationsIn = new Map<GroupKey, Set<string>>();
  for (const [id, key] of connectorAt) if (input.active.has(id)) activeCount.set(key, (activeCount.get(key) ?? 0) + 1);
  for (const [id, key] of applicationAt) applicationsIn.set(key, (applicationsIn.get(key) ?? new Set()).add(id));
  const count = (key: GroupKey) => activeCount.get(key) ?? 0;
  const add = (key: GroupKey, by: number) => activeCount.set(key, count(key) + by);
  // Applications a connector leaving `key` would cut off (only its last active connector does).
  const strandedBy = (id: string, key: GroupKey) =>
    (!input.active.has(id) || count(key) !== 1 ? 0 : [...applicationsIn.get(key) ?? []].filter((a) => input.cutOff(a, key)).length);
  const batches: MoveBatch[] = [];

  const moveConnectors = (ids: string[]) => {
    const hops = new Map(ids.map((id) => [id, input.nextHop(connectorAt.get(id)!, pendingConnectors.get(id)!)]));
    const byHop = groupBy(ids, (id) => hops.get(id)!);
    for (const id of ids) {
      const from = connectorAt.get(id)!;
      const hop = hops.get(id)!;
      connectorAt.set(id, hop);
      if (hop === pendingConnectors.get(id)) pendingConnectors.delete(id);
      // Arrivals count only from the next round on: within a round the steps may run in any order.
      if (input.active.has(id)) add(from, -1);
    }
    for (const [to, batch] of byHop) {
      batches.push({ kind: 'connectors', to, ids: batch });
      for (const id of batch) if (input.active.has(id)) add(to, 1);
    }
  };
  const moveApplications = (ids: string[]) => {
    const byTo = groupBy(ids, (id) => pendingApplications.get(id)!);
    for (const id of ids) {
      const to = pendingApplications.get(id)!;
      applicationsIn.get(applicationAt.get(id)!)?.delete(id);
      applicationAt.set(id, to);
      applicationsIn.set(to, (applicationsIn.get(to) ?? new Set()).add(id));
      pendingApplications.delete(id);
    }
    for (const [to, batch] of byTo) batches.push({ kind: 'applications', to, ids: batch });
  };

  while (pendingConnectors.size > 0 || pendingApplications.size > 0) {
    // Connectors that cut nobody off, judged one after another as if the earlier ones had left.
    const connectors: string[] = [];
    for (const id of pendingConnectors.keys()) {
      const from = connectorAt.get(id)!;
      if (strandedBy(id, from) > 0) continue;
      connectors.push(id);
      if (input.active.has(id)) add(from, -1);
    }
    for (const id of connectors) if (input.active.has(id)) add(connectorAt.get(id)!, 1);
    moveConnectors(connectors);
    const applications = [...pendingApplications].filter(([id, to]) => count(to) > 0 || !input.cutOff(id, to)).map(([id]) => id);
    moveApplications(applications);
    if (connectors.length > 0 || applications.length > 0) continue;
    // Every move left cuts someone off: the one that cuts off the fewest goes, a connector on a tie.
    let best: { cost: number; go: () => void } | undefined;
    for (const id of pendingConnectors.keys()) {
      const cost = strandedBy(id, connectorAt.get(id)!);
      if (!best || cost < best.cost) best = { cost, go: () => moveConnectors([id]) };
    }
    for (const ids of groupBy([...pendingApplications.keys()], (id) => pendingApplications.get(id)!).values()) {
      const cost = ids.filter((id) => input.cutOff(id, pendingApplications.get(id)!)).length;
      if (!best || cost < best.cost) best = { cost, go: () => moveApplications(ids) };
    }
    best!.go();
  }
  return batches;
}
