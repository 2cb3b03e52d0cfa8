// Run as its own process (NODE_EXTRA_CA_CERTS is read at start, so it trusts the sandbox's
// certificate): the extension's device-code sign-in (DeviceCodeSignIn) through the real
// @azure/identity and MSAL, in the scenario PROBE_SCENARIO names. Prints one JSON line per event:
// the codes shown, and each outcome as the admin would be told it (signInFailure); never a token.
import { createInterface } from 'node:readline';
import { DeviceCodeSignIn } from '../../src/auth/chunkedCredentials';
import { deviceCodeCredential } from '../../src/auth/deviceCode';
import { signInFailure } from '../../src/auth/signInFailure';

const say = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);

function told(error: unknown): object {
  return { name: (error as Error)?.name, message: (error as Error)?.message, failure: signInFailure(error) };
}

async function main(): Promise<void> {
  const scenario = process.env.PROBE_SCENARIO ?? 'signIn';
  let codeShown: () => void = () => undefined;
  const firstCode = new Promise<void>((resolve) => { codeShown = resolve; });
  const scopes = [`${process.env.PROBE_GRAPH}/Directory.ReadWrite.All`];
  const signIn = new DeviceCodeSignIn(
    { authority: process.env.PROBE_AUTHORITY!, tenant: process.env.PROBE_TENANT!, clientId: process.env.PROBE_CLIENT_ID!, scopes },
    () => 'Contoso',
    (prompt) => {
      say({ event: 'code', userCode: prompt.userCode, message: prompt.message });
      codeShown();
      return scenario === 'dismiss' ? 'dismissed' : undefined;
    },
    deviceCodeCredential,
  );
  try {
    await signIn.getToken(scopes);
    say({ event: 'token before sign-in' });
  } catch (error) {
    say({ event: 'before sign-in', ...told(error) });
  }
  try {
    const attempts = [signIn.signIn()];
    // Sign in asked again while the first code is out.
    if (scenario === 'twice') attempts.push(firstCode.then(() => signIn.signIn()));
    const results = await Promise.all(attempts);
    say({ event: 'signed in', results });
    const token = await signIn.getToken(scopes);
    say({ event: 'silent token', length: token?.token.length ?? 0 });
    if (scenario === 'later') {
      // Mid-session: a token asked for again at each line on stdin (the test changes the tenant between).
      for await (const line of createInterface({ input: process.stdin })) {
        if (line.trim() === 'quit') break;
        try {
          await signIn.getToken(scopes);
          say({ event: 'later token' });
        } catch (error) {
          say({ event: 'later', ...told(error) });
        }
      }
    }
  } catch (error) {
    say({ event: 'failed', ...told(error) });
  }
}

void main().then(() => process.exit(0));
