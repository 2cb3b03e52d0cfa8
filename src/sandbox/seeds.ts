// Seeded tenants: the demo tenant people see on `npm start`, and generated tenants for benchmarks.
import { seededGuid, seededRandom } from './ids';
import type { ApplicationRecord, ConnectorRecord, GroupRecord, Tenant } from './model';

interface GroupSeed {
  name: string;
  region: string;
  isDefault?: boolean;
  syncFabric?: boolean;
  connectors: [machineName: string, status: 'active' | 'inactive'][];
  applications: string[];
}

const DEMO_GROUPS: GroupSeed[] = [
  {
    name: 'Default', region: 'nam', isDefault: true,
    connectors: [['NYC-APPPROXY-01', 'active'], ['NYC-APPPROXY-02', 'active'], ['SEA-APPPROXY-01', 'inactive']],
    applications: ['Expense Reports', 'Intranet'],
  },
  {
    name: 'EU Frankfurt', region: 'eur',
    connectors: [['FRA-APPPROXY-01', 'active'], ['FRA-APPPROXY-02', 'active'], ['FRA-APPPROXY-03', 'active']],
    applications: ['SAP Fiori', 'Payroll EU', 'Wiki'],
  },
  {
    name: 'Asia Singapore', region: 'asia',
    connectors: [['SIN-APPPROXY-01', 'active']],
    applications: ['Warehouse Dashboard', 'Ticketing'],
  },
  {
    name: 'Australia Sydney', region: 'aus',
    connectors: [['SYD-APPPROXY-01', 'inactive'], ['SYD-APPPROXY-02', 'inactive']],
    applications: ['Field Service'],
  },
  { name: 'India Pune', region: 'ind', connectors: [], applications: [] },
  // The live service can answer a region outside the documented enum.
  { name: 'Tokyo (legacy)', region: 'japan', connectors: [['TYO-APPPROXY-01', 'active']], applications: ['Legacy CRM'] },
  { name: 'Default group for AD Sync Fabric', region: 'nam', syncFabric: true, connectors: [], applications: [] },
];

/** Applications that exist in the tenant but are not published through Application Proxy. */
const DEMO_PLAIN_APPLICATIONS = ['HR Portal (not published)'];

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
}

function build(seeds: GroupSeed[], plainApplications: string[], seed: number, orgName: string): Tenant {
  const random = seededRandom(seed);
  const tenant: Tenant = {
    organization: {
      id: seededGuid(random),
      displayName: orgName,
      verifiedDomains: [
        { name: 'contoso.onmicrosoft.com', isDefault: false, isInitial: true, type: 'Managed' },
        { name: 'contoso.com', isDefault: true, isInitial: false, type: 'Managed' },
      ],
    },
    groups: new Map(),
    connectors: new Map(),
    applications: new Map(),
  };
  let ip = 10;
  for (const groupSeed of seeds) {
    const group: GroupRecord = {
      id: seededGuid(random),
      name: groupSeed.name,
      connectorGroupType: groupSeed.syncFabric ? 'syncFabric' : 'applicationProxy',
      isDefault: groupSeed.isDefault ?? false,
      region: groupSeed.region,
    };
    tenant.groups.set(group.id, group);
    for (const [machineName, status] of groupSeed.connectors) {
      const connector: ConnectorRecord = {
        id: seededGuid(random),
        machineName: `${machineName}.contoso.com`,
        externalIp: `203.0.113.${ip++ % 250}`,
        status,
        version: status === 'active' ? '1.5.3437.0' : '1.5.2975.0',
        groupId: group.id,
      };
      tenant.connectors.set(connector.id, connector);
    }
    for (const displayName of groupSeed.applications) {
      addApplication(tenant, random, displayName, group.id);
    }
  }
  for (const displayName of plainApplications) addApplication(tenant, random, displayName, null);
  return tenant;
}

function addApplication(tenant: Tenant, random: () => number, displayName: string, groupId: string | null): void {
  const host = slug(displayName);
  const application: ApplicationRecord = {
    id: seededGuid(random),
    appId: seededGuid(random),
    displayName,
    onPremisesPublishing: groupId === null ? null : {
      externalUrl: `https://${host}-contoso.msappproxy.net/`,
      internalUrl: `http://${host}.corp.contoso.com/`,
      externalAuthenticationType: 'aadPreAuthentication',
      applicationServerTimeout: 'default',
      isOnPremPublishingEnabled: true,
      isTranslateHostHeaderEnabled: true,
    },
    groupId,
  };
  tenant.applications.set(application.id, application);
}

export function demoTenant(): Tenant {
  return build(DEMO_GROUPS, DEMO_PLAIN_APPLICATIONS, 20261123, 'Contoso (sandbox)');
}

export interface ScaleOptions {
  groups: number;
  connectors: number;
  applications: number;
}

/** A tenant of the given size; connectors and applications are spread round-robin over the groups. */
export function scaleTenant(options: ScaleOptions): Tenant {
  const regions = ['nam', 'eur', 'aus', 'asia', 'ind'];
  const seeds: GroupSeed[] = Array.from({ length: Math.max(1, options.groups) }, (_, i) => ({
    name: i === 0 ? 'Default' : `Group ${String(i).padStart(4, '0')}`,
    region: i === 0 ? 'nam' : regions[i % regions.length],
    isDefault: i === 0,
    connectors: [],
    applications: [],
  }));
  for (let i = 0; i < options.connectors; i++) {
    seeds[i % seeds.length].connectors.push([`CONNECTOR-${String(i).padStart(5, '0')}`, i % 7 === 6 ? 'inactive' : 'active']);
  }
  for (let i = 0; i < options.applications; i++) {
    seeds[i % seeds.length].applications.push(`Application ${String(i).padStart(5, '0')}`);
  }
  return build(seeds, [], options.groups * 1_000_003 + options.connectors, 'Contoso (scale)');
}
