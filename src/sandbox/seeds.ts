// Seeded tenants: the demo tenant people see on `npm start`, and generated tenants for benchmarks.
import { createHash } from 'node:crypto';
import { seededGuid, seededRandom } from './ids';
import type { ApplicationRecord, ConnectorRecord, CustomDomainCertificate, GroupRecord, IpApplicationSegment, Tenant } from './model';

type Segment = Omit<IpApplicationSegment, 'id'>;

/** An application beyond a plain web application: Private Access, Quick Access, a custom domain, an unknown type. */
interface ApplicationSeed {
  name: string;
  applicationType?: string;
  segments?: Segment[];
  /**
   * Its own domain, with a certificate that expires this many days from today (negative: expired).
   * Applications that name the same `certificate` subject share one certificate (a wildcard).
   */
  customDomain?: { host: string; expiresInDays: number; certificate?: string };
  backendCertificateValidation?: boolean;
  /** Its back end over http:// (the rest use https://). */
  httpBackEnd?: boolean;
  /** Passthrough pre-authentication (the rest use Microsoft Entra ID). */
  passthrough?: boolean;
  /** Added after the demo tenant's ids were first handed out: its ids come from a stream of their own, so no other id moves. */
  later?: boolean;
}

interface GroupSeed {
  name: string;
  region: string;
  isDefault?: boolean;
  syncFabric?: boolean;
  /** Versions default to 1.5.3437.0 (active) and 1.5.2975.0 (inactive). */
  connectors: [machineName: string, status: 'active' | 'inactive', version?: string][];
  applications: (string | ApplicationSeed)[];
}

const tcp = (destinationType: Segment['destinationType'], destinationHost: string, ...ports: string[]): Segment =>
  ({ destinationHost, destinationType, ports, protocol: 'tcp' });

const DEMO_GROUPS: GroupSeed[] = [
  {
    name: 'Default', region: 'nam', isDefault: true,
    // One active connector older than Private Access needs (1.5.3417.0), in the group that serves it.
    connectors: [['NYC-APPPROXY-01', 'active'], ['NYC-APPPROXY-02', 'active', '1.5.3352.0'], ['SEA-APPPROXY-01', 'inactive']],
    applications: [
      { name: 'Expense Reports', customDomain: { host: 'expenses.contoso.com', expiresInDays: 240 } },
      // A custom-domain certificate about to expire.
      { name: 'Intranet', customDomain: { host: 'intranet.contoso.com', expiresInDays: 12 } },
      // Private Access and Quick Access share connectors and groups with the web applications.
      {
        name: 'File Shares (Private Access)', applicationType: 'nonwebapp', backendCertificateValidation: false, later: true,
        segments: [
          tcp('ipAddress', '10.1.20.15', '445'),
          tcp('ipRangeCidr', '10.1.20.0/24', '445', '139'),
          tcp('ipRange', '10.1.30.10-10.1.30.20', '3389'),
          tcp('fqdn', 'files.corp.contoso.com', '445'),
          tcp('fqdn', '*.shares.corp.contoso.com', '445'),
          { destinationHost: '10.1.40.5', destinationType: 'ipAddress', ports: ['8080-8090'], protocol: 'udp' },
        ],
      },
      {
        name: 'Quick Access', applicationType: 'quickaccessapp', backendCertificateValidation: false, later: true,
        segments: [
          tcp('dnsSuffix', 'corp.contoso.com', '80', '443'),
          tcp('ipRangeCidr', '10.10.0.0/16', '1-65535'),
          { destinationHost: '10.10.1.53', destinationType: 'ipAddress', ports: ['53'], protocol: 'udp' },
        ],
      },
    ],
  },
  {
    name: 'EU Frankfurt', region: 'eur',
    connectors: [['FRA-APPPROXY-01', 'active'], ['FRA-APPPROXY-02', 'active'], ['FRA-APPPROXY-03', 'active']],
    applications: [
      // One wildcard certificate on two applications: they expire together.
      { name: 'SAP Fiori', customDomain: { host: 'fiori.eu.contoso.com', expiresInDays: 75, certificate: '*.eu.contoso.com' } },
      { name: 'Payroll EU', customDomain: { host: 'payroll.eu.contoso.com', expiresInDays: 75, certificate: '*.eu.contoso.com' } },
      { name: 'Wiki', passthrough: true },
    ],
  },
  {
    name: 'Asia Singapore', region: 'asia',
    // Older than region-optimised groups need (1.5.1975.0).
    connectors: [['SIN-APPPROXY-01', 'active', '1.5.1526.0']],
    applications: [
      { name: 'Warehouse Dashboard', httpBackEnd: true },
      { name: 'Ticketing', customDomain: { host: 'tickets.contoso.com', expiresInDays: -3 } },
    ],
  },
  {
    name: 'Australia Sydney', region: 'aus',
    connectors: [['SYD-APPPROXY-01', 'inactive'], ['SYD-APPPROXY-02', 'inactive']],
    applications: [{ name: 'Field Service', backendCertificateValidation: false }],
  },
  { name: 'India Pune', region: 'ind', connectors: [], applications: [] },
  // The live service can answer a region outside the documented enum.
  // An application type the client does not know is a web application, shown as it is.
  {
    name: 'Tokyo (legacy)', region: 'japan', connectors: [['TYO-APPPROXY-01', 'active']],
    applications: [{ name: 'Legacy CRM', applicationType: 'unknownFutureValue', backendCertificateValidation: false, httpBackEnd: true }],
  },
  { name: 'Default group for AD Sync Fabric', region: 'nam', syncFabric: true, connectors: [], applications: [] },
];

/** Applications that exist in the tenant but are not published through Application Proxy. */
const DEMO_PLAIN_APPLICATIONS = ['HR Portal (not published)'];

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
}

function build(seeds: GroupSeed[], plainApplications: string[], seed: number, orgName: string): Tenant {
  const random = seededRandom(seed);
  // Ids of what was added later (applications, segments) from a stream of their own, so no earlier id moves.
  const later = seededRandom(seed ^ 0x5e6d);
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
    for (const [machineName, status, version] of groupSeed.connectors) {
      const connector: ConnectorRecord = {
        id: seededGuid(random),
        machineName: `${machineName}.contoso.com`,
        externalIp: `203.0.113.${ip++ % 250}`,
        status,
        version: version ?? (status === 'active' ? '1.5.3437.0' : '1.5.2975.0'),
        groupId: group.id,
      };
      tenant.connectors.set(connector.id, connector);
    }
    for (const application of groupSeed.applications) {
      addApplication(tenant, typeof application === 'string' ? { name: application } : application, group.id, { random, later });
    }
  }
  for (const displayName of plainApplications) addApplication(tenant, { name: displayName }, null, { random, later });
  return tenant;
}

const DAY_MS = 24 * 3600 * 1000;
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A certificate for the subject that expires the given number of days from today (so it stays near expiry). */
function certificate(subject: string, expiresInDays: number): CustomDomainCertificate {
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const expiry = today + expiresInDays * DAY_MS + DAY_MS - 1000;
  return {
    expiryDate: isoSeconds(expiry),
    issueDate: isoSeconds(expiry - 397 * DAY_MS),
    issuerName: 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US',
    subjectName: `CN=${subject}`,
    thumbprint: createHash('sha1').update(`${subject} ${expiry}`).digest('hex').toUpperCase(),
  };
}

function addApplication(tenant: Tenant, seed: ApplicationSeed, groupId: string | null, streams: { random: () => number; later: () => number }): void {
  const host = slug(seed.name);
  const random = seed.later ? streams.later : streams.random;
  const domain = seed.customDomain;
  const application: ApplicationRecord = {
    id: seededGuid(random),
    appId: seededGuid(random),
    displayName: seed.name,
    onPremisesPublishing: groupId === null ? null : {
      externalUrl: domain ? `https://${domain.host}/` : `https://${host}-contoso.msappproxy.net/`,
      internalUrl: `${seed.httpBackEnd ? 'http' : 'https'}://${host}.corp.contoso.com/`,
      externalAuthenticationType: seed.passthrough ? 'passthru' : 'aadPreAuthentication',
      applicationServerTimeout: 'default',
      isOnPremPublishingEnabled: true,
      isTranslateHostHeaderEnabled: true,
      applicationType: seed.applicationType ?? null,
      isAccessibleViaZTNAClient: seed.segments !== undefined,
      isBackendCertificateValidationEnabled: seed.backendCertificateValidation ?? true,
      verifiedCustomDomainCertificatesMetadata: domain ? certificate(domain.certificate ?? domain.host, domain.expiresInDays) : null,
    },
    groupId,
  };
  if (seed.segments) application.segments = seed.segments.map((segment) => ({ id: seededGuid(streams.later), ...segment }));
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
