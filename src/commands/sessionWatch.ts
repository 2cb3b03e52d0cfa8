// When an account signs in or out elsewhere in VS Code, the tenants that wait for a sign-in (or
// failed) are read again; a burst of session events is one refresh.
import type * as vscode from 'vscode';
import type { Services } from '../services';

const DEBOUNCE_MS = 500;

export function watchSessions(services: Services): vscode.Disposable {
  const providers = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    for (const node of services.tree.roots()) {
      const { signIn } = node.tenant;
      if (!signIn?.providerId || !providers.has(signIn.providerId) || node.contents.state.kind !== 'failed') continue;
      void services.tree.refresh(node).then(undefined, (error: unknown) => services.logger.warn(`Refreshing after a sign-in change: ${String(error)}`));
    }
    providers.clear();
  };
  const subscription = services.authentication.onDidChangeSessions((event) => {
    providers.add(event.provider.id);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });
  return { dispose: () => { subscription.dispose(); if (timer) clearTimeout(timer); } };
}
