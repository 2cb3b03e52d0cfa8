// Every secret the sandbox hands out (access and refresh tokens, device codes), written one per line
// to the file GRAPH_SANDBOX_SECRETS_FILE names, when it names one: test runs search their logs for each.
import { appendFileSync } from 'node:fs';

export function recordSecret(secret: string): void {
  const file = process.env.GRAPH_SANDBOX_SECRETS_FILE;
  if (file) appendFileSync(file, `${secret}\n`);
}
