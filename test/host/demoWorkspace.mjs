// The demo workspace's layout file: the demo tenant's disaster-recovery pair, declared as an admin
// would ("failover": { "to": … } on a group), so Fail Over… and Fail Back… work from the first start.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const DEMO_LAYOUT = 'contoso-dr.connectorgroups.json';
/** Asia Singapore (one connector, an old version) fails over to EU Frankfurt (three active). */
const PAIR = { from: 'Asia Singapore', to: 'EU Frankfurt' };

export async function writeDemoLayout(sandbox, workspace) {
  const answer = await fetch(`${sandbox.url}/_sandbox/state`, { headers: { Authorization: `Bearer ${sandbox.token}` } });
  if (!answer.ok) throw new Error(`the sandbox did not give its state: HTTP ${answer.status}`);
  const { organization, groups } = await answer.json();
  const group = (name) => {
    const found = groups.find((g) => g.name === name);
    if (!found) throw new Error(`the demo tenant has no group '${name}'`);
    return found;
  };
  const layout = {
    tenant: { id: organization.id, displayName: organization.displayName },
    prune: false,
    connectorGroups: [{ id: group(PAIR.from).id, name: PAIR.from, failover: { to: group(PAIR.to).id } }],
  };
  writeFileSync(path.join(workspace, DEMO_LAYOUT), `${JSON.stringify(layout, null, 2)}\n`);
}
