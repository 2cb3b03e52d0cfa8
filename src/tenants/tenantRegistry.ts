// The tenants shown in the tree; several can be open at once, each with its own credential and Graph origin.
import * as vscode from 'vscode';
import type { Tenant } from './tenant';

export class TenantRegistry implements vscode.Disposable {
  private readonly tenants = new Map<string, Tenant>();
  private pending = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /**
   * `rank` orders the tenants (the sandbox first, then as the admin added them), whatever order
   * they open in: after a reload they keep their places although each signs in at its own pace.
   */
  constructor(private readonly rank: (key: string) => number = () => 0) {}

  list(): Tenant[] {
    const ranked = [...this.tenants.values()].map((tenant) => ({ tenant, rank: this.rank(tenant.key) }));
    return ranked.sort((a, b) => a.rank - b.rank).map(({ tenant }) => tenant);
  }

  get(key: string): Tenant | undefined {
    return this.tenants.get(key);
  }

  /** True while a tenant is being opened: the view shows that instead of its welcome. */
  get opening(): boolean {
    return this.pending > 0;
  }

  /** Adds the tenant `open` makes, saying meanwhile that one is on its way. */
  async open(open: () => Promise<Tenant>): Promise<Tenant> {
    this.pending++;
    this.changed.fire();
    try {
      const tenant = await open();
      await this.add(tenant);
      return tenant;
    } finally {
      this.pending--;
      this.changed.fire();
    }
  }

  async add(tenant: Tenant): Promise<void> {
    await this.tenants.get(tenant.key)?.dispose();
    this.tenants.set(tenant.key, tenant);
    await this.update();
  }

  async remove(key: string): Promise<void> {
    const tenant = this.tenants.get(key);
    if (!tenant) return;
    this.tenants.delete(key);
    await tenant.dispose();
    await this.update();
  }

  private async update(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'connectorGroups.hasTenants', this.tenants.size > 0);
    this.changed.fire();
  }

  dispose(): void {
    for (const tenant of this.tenants.values()) void tenant.dispose();
    this.tenants.clear();
    this.changed.dispose();
  }
}
