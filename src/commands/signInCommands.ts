// Adding a tenant (cloud, tenant, access), signing in to it, switching account, granting admin consent.
import * as vscode from 'vscode';
import { signInFailure, WRONG_ENTRY } from '../auth/signInFailure';
import { CLOUDS, adminConsentUrl, type CloudName } from '../graph/clouds';
import { settings } from '../settings';
import { cloudOf, cloudTenant } from '../tenants/cloudTenant';
import { isAuthority, isGraphOrigin, isTenantName, savedTenantKey, type SavedTenant, type WayIn } from '../tenants/savedTenants';
import type { Tenant } from '../tenants/tenant';
import type { TreeNode } from '../tree/treeNode';
import { ActionableError } from './actionableError';
import type { Services } from '../services';
import { Cancelled, pickTenant } from './targets';
import { openSandboxTenant } from './tenantCommands';

/** Builds the tenant of a saved entry, wired to the store and the sign-in. */
export function tenantFromSaved(services: Services, saved: SavedTenant): Tenant {
  return cloudTenant(saved, {
    auth: services.authentication,
    logger: services.logger,
    remember: (learned) => void services.savedTenants.learn(learned),
    showCode: (prompt) => {
      // The code may be logged (it is useless without the user's sign-in); a token never is.
      services.logger.info(`${saved.tenant}: ${prompt.message}`);
      // The tenant's row shows the code too, for when the toast has gone.
      services.tree.changed(services.tree.tenantNode(savedTenantKey(saved)));
      return services.prompts.showCode(prompt);
    },
  });
}

/** Shows every saved tenant at once; each signs in silently when the tree first reads it. */
export async function restoreTenants(services: Services): Promise<void> {
  for (const saved of services.savedTenants.list()) {
    if (!services.registry.get(savedTenantKey(saved))) await services.registry.add(tenantFromSaved(services, saved));
  }
}

export async function addTenant(services: Services): Promise<string> {
  const clouds = [
    ...(Object.keys(CLOUDS) as CloudName[]).map((name) => ({ label: CLOUDS[name].label, description: new URL(CLOUDS[name].graphOrigin).host, cloud: name as CloudName | 'custom' })),
    { label: vscode.l10n.t('Custom Graph endpoint…'), description: vscode.l10n.t('a Graph sandbox or a proxy'), cloud: 'custom' as const },
  ];
  const cloud = await services.prompts.pick(clouds, { title: vscode.l10n.t('Add Tenant: cloud') });
  if (!cloud) throw new Cancelled();
  let graphOrigin: string | undefined;
  if (cloud.cloud === 'custom') {
    graphOrigin = await askOrigin(services, vscode.l10n.t('Add Tenant: Graph endpoint'),
      vscode.l10n.t('The origin that answers /beta, e.g. https://graph.example.com or http://127.0.0.1:8940 for a sandbox'),
      isGraphOrigin, vscode.l10n.t('Enter an https:// origin, or http:// on this machine (127.0.0.1, localhost).'), sandboxOrigins().graph);
  }
  const entered = await services.prompts.input({
    title: vscode.l10n.t('Add Tenant: tenant'),
    prompt: vscode.l10n.t('Tenant ID or verified domain (leave empty for the home tenant of your account; a single-tenant app registration needs it)'),
    validateInput: (value) => (!value.trim() || isTenantName(value.trim())
      ? undefined
      : vscode.l10n.t('Enter a tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com.')),
  });
  if (entered === undefined) throw new Cancelled();
  const access = await services.prompts.pick([
    { label: vscode.l10n.t('Read and change'), description: 'Directory.ReadWrite.All', readOnly: false },
    { label: vscode.l10n.t('Read only'), description: 'Directory.Read.All', readOnly: true },
  ], { title: vscode.l10n.t('Add Tenant: access') });
  if (!access) throw new Cancelled();
  const ways = [
    { label: vscode.l10n.t("VS Code's Microsoft sign-in"), description: vscode.l10n.t('the accounts VS Code knows'), wayIn: 'vscode' as WayIn },
    { label: vscode.l10n.t('Device code'), description: vscode.l10n.t('enter a code on any device: for remote or locked-down machines'), wayIn: 'deviceCode' as WayIn },
    ...(cloud.cloud === 'custom' ? [] : [{ label: vscode.l10n.t('Azure CLI'), description: vscode.l10n.t('the account of az login'), wayIn: 'azureCli' as WayIn }]),
  ];
  const way = await services.prompts.pick(ways, { title: vscode.l10n.t('Add Tenant: sign in with') });
  if (!way) throw new Cancelled();
  let authority: string | undefined;
  if (cloud.cloud === 'custom' && way.wayIn === 'deviceCode') {
    authority = await askOrigin(services, vscode.l10n.t('Add Tenant: sign-in authority'),
      vscode.l10n.t('The https origin of the identity platform for this endpoint, e.g. https://login.example.com'),
      isAuthority, vscode.l10n.t('Enter an https:// origin.'), graphOrigin === sandboxOrigins().graph ? sandboxOrigins().authority : undefined);
  }
  const saved: SavedTenant = {
    tenant: entered.trim().toLowerCase() || 'organizations',
    cloud: cloud.cloud,
    ...(graphOrigin ? { graphOrigin } : {}),
    wayIn: way.wayIn,
    ...(authority ? { authority } : {}),
    ...(access.readOnly ? { readOnly: true } : {}),
  };
  const again = services.registry.get(savedTenantKey(saved));
  await services.savedTenants.save(saved);
  const tenant = tenantFromSaved(services, saved);
  await services.registry.add(tenant);
  if (again) services.prompts.info(vscode.l10n.t("'{0}' is already in the view: it is signed in again as you chose.", again.displayName));
  try {
    await signInTo(services, tenant);
  } catch (error) {
    // A tenant the cloud does not know (or that the app cannot reach without its name) is not kept.
    // Only this entry goes: not one another Add Tenant put under the key meanwhile.
    if (again || !(error instanceof SignInRefused) || !WRONG_ENTRY.has(error.code ?? '') || services.registry.get(tenant.key) !== tenant) throw error;
    await services.savedTenants.remove(tenant.key);
    await services.registry.remove(tenant.key);
    throw new Error(vscode.l10n.t("'{0}' in {1} was not added: {2}", saved.tenant, cloudWords(tenant), error.message));
  }
  // Entered another way (home tenant, domain, id), it may be a tenant the view already has.
  const twin = tenant.tenantId
    ? services.registry.list().find((t) => t !== tenant && t.tenantId.toLowerCase() === tenant.tenantId.toLowerCase() && t.signIn?.cloud.graphOrigin === tenant.signIn?.cloud.graphOrigin)
    : undefined;
  if (twin) {
    await services.savedTenants.remove(tenant.key);
    await services.registry.remove(tenant.key);
    services.prompts.info(vscode.l10n.t("'{0}' is already in the view; the second entry was not kept. Sign in again there to change its access.", twin.displayName));
    return twin.key;
  }
  return tenant.key;
}

/** An origin typed by the admin, checked as they type; cancelling cancels the command. */
async function askOrigin(services: Services, title: string, prompt: string, valid: (value: string) => boolean, invalid: string, value?: string): Promise<string> {
  const entered = await services.prompts.input({ title, prompt, value, validateInput: (text) => (valid(text.trim()) ? undefined : invalid) });
  if (entered === undefined) throw new Cancelled();
  return new URL(entered.trim()).origin;
}

/**
 * The built-in sandbox's Graph endpoint and sign-in authority when it runs beside this window
 * (`npm start`): Add Tenant offers them, so trying a real sign-in against it takes no copying.
 */
function sandboxOrigins(): { graph?: string; authority?: string } {
  const origin = (value: string | undefined) => {
    try {
      return value ? new URL(value).origin : undefined;
    } catch {
      return undefined;
    }
  };
  return { graph: origin(process.env.CONNECTOR_GROUPS_SANDBOX_URL), authority: origin(process.env.CONNECTOR_GROUPS_SANDBOX_AUTHORITY) };
}

/** Interactive sign-in for a tenant; its groups are read again afterwards. */
async function signInTo(services: Services, tenant: Tenant, newAccount = false): Promise<void> {
  const signIn = tenant.signIn;
  if (!signIn) throw new Error(vscode.l10n.t('The sandbox tenant needs no sign-in.'));
  if (signIn.saved.wayIn === 'vscode') await ensureSovereignEnvironment(services, signIn.cloud.sovereignEnvironment);
  signIn.busy = true;
  const node = services.tree.tenantNode(tenant.key);
  services.tree.changed(node);
  const done = await signIn.signIn(newAccount).catch((error: unknown) => {
    throw signInError(services, tenant, error);
  }).finally(() => {
    signIn.busy = false;
    services.tree.changed(node);
  });
  if (!done) throw new Cancelled();
  if (node) await services.tree.refresh(node);
}

/** VS Code's sovereign-cloud sign-in serves one cloud at a time, chosen by its own setting. */
async function ensureSovereignEnvironment(services: Services, needed: string | undefined): Promise<void> {
  if (!needed) return;
  const config = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
  const current = config.get<string>('environment');
  if (current === needed) return;
  const set = vscode.l10n.t('Set to {0}', needed);
  const answer = await services.prompts.choose(
    vscode.l10n.t("VS Code's sovereign-cloud sign-in is set to '{0}', and this tenant needs '{1}'.", current ?? vscode.l10n.t('nothing'), needed),
    vscode.l10n.t('The setting microsoft-sovereign-cloud.environment chooses the cloud of that sign-in for every extension.'),
    [set],
  );
  if (answer !== set) throw new Cancelled();
  // VS Code's sovereign provider registers itself anew for the new cloud, in the background: a
  // session asked for at once could still reach the old one. Wait for its change (or a few seconds).
  const providerChanged = waitForProviderChange(services, 'microsoft-sovereign-cloud', SOVEREIGN_SWITCH_MS);
  await config.update('environment', needed, vscode.ConfigurationTarget.Global);
  await providerChanged;
}

/** How long a switch of the sovereign cloud may take before signing in goes on all the same. */
const SOVEREIGN_SWITCH_MS = 5000;

/** Resolves when the provider says its sessions changed (it does as it registers anew), or after `ms`. */
function waitForProviderChange(services: Services, providerId: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const listener = services.authentication.onDidChangeSessions((event) => {
      if (event.provider.id === providerId) done();
    });
  });
}

/** A sign-in the identity platform refused for a reason said in words, with its AADSTS number. */
class SignInRefused extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

/** The cloud as the admin chose it: its name, or for a custom endpoint the host it signs in at. */
function cloudWords(tenant: Tenant): string {
  const cloud = tenant.signIn?.cloud;
  if (!cloud) return '';
  return tenant.signIn?.saved.cloud === 'custom' ? new URL(cloud.authority).host : cloud.label;
}

/** A failed sign-in in words: cancel is quiet, consent problems offer Grant Admin Consent. */
function signInError(services: Services, tenant: Tenant, error: unknown): Error {
  const failure = signInFailure(error);
  if (failure.kind === 'cancelled') return new Cancelled();
  if (failure.kind === 'unreachable') {
    return new ActionableError(failure.message, vscode.l10n.t('Open Sandbox Tenant'), () => openSandboxTenant(services));
  }
  if (failure.kind === 'consent') {
    return new ActionableError(failure.message, vscode.l10n.t('Grant Admin Consent…'), () => grantAdminConsentFor(services, tenant));
  }
  if (failure.kind === 'refused') return new SignInRefused(failure.message, failure.code);
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * For a read-only tenant whose reads Application Proxy refused with Directory.Read.All: signs in
 * asking for Directory.ReadWrite.All, and the tenant stays read-only (every write refused up front).
 */
export async function askReadWrite(services: Services, node?: TreeNode): Promise<void> {
  const old = (await pickTenant(services, node)).tenant;
  const saved = old.signIn?.saved;
  if (!saved?.readOnly) throw new Error(vscode.l10n.t('This tenant already asks for Directory.ReadWrite.All.'));
  const asking: SavedTenant = { ...saved, askReadWrite: true };
  await services.savedTenants.save(asking);
  await services.registry.remove(old.key);
  const tenant = tenantFromSaved(services, asking);
  await services.registry.add(tenant);
  await signInTo(services, tenant);
}

export async function signInTenant(services: Services, node?: TreeNode): Promise<void> {
  await signInTo(services, (await pickTenant(services, node)).tenant);
}

export async function switchAccount(services: Services, node?: TreeNode): Promise<void> {
  await signInTo(services, (await pickTenant(services, node)).tenant, true);
}

export async function grantAdminConsent(services: Services, node?: TreeNode): Promise<string> {
  return grantAdminConsentFor(services, (await pickTenant(services, node)).tenant);
}

async function grantAdminConsentFor(services: Services, tenant: Tenant): Promise<string> {
  const saved = tenant.signIn?.saved;
  if (!saved || saved.cloud === 'custom') throw new Error(vscode.l10n.t('Admin consent is given in a Microsoft cloud; this tenant is not in one.'));
  const clientId = settings.clientId(saved.cloud);
  if (!clientId) {
    throw new Error(vscode.l10n.t('Set connectorGroups.clientId to the application (client) ID of your app registration first: consent is given to that app.'));
  }
  const url = adminConsentUrl(cloudOf(saved), tenant.tenantId || saved.tenant, clientId);
  await services.prompts.openExternal(vscode.Uri.parse(url));
  return url;
}

/** The waiting device code of a tenant, copied and its page opened: from the row that shows it. */
export async function copyCodeAndOpenPage(services: Services, node?: TreeNode): Promise<void> {
  const { tenant } = await pickTenant(services, node);
  const code = tenant.signIn?.code?.();
  if (!code) throw new Error(vscode.l10n.t("No device code is waiting for '{0}': Sign in to get one.", tenant.displayName));
  await vscode.env.clipboard.writeText(code.userCode);
  await services.prompts.openExternal(vscode.Uri.parse(code.verificationUri));
}
