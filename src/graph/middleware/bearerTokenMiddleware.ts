// Attaches the credential's token to requests for our own Graph origin, http:// included (the sandbox).
import type { TokenCredential } from '@azure/identity';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphCredentialError, GraphInputError } from '../errors';
import { requestUrl, setRequestHeader } from './context';

export class BearerTokenMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly credential: TokenCredential,
    private readonly scopes: string[],
    private readonly origin: string,
  ) {}

  async execute(context: Context): Promise<void> {
    // The token only ever goes to the origin this tenant was configured with.
    if (new URL(requestUrl(context)).origin !== this.origin) {
      throw new GraphInputError(`Refusing to send the Graph token to ${new URL(requestUrl(context)).origin}.`);
    }
    let token;
    try {
      token = await this.credential.getToken(this.scopes, { abortSignal: context.options?.signal ?? undefined });
    } catch (error) {
      // Not a network failure: no request went out, and trying again would ask the same credential.
      throw new GraphCredentialError(error);
    }
    if (!token) throw new GraphInputError('The sign-in gave no access token for Microsoft Graph.');
    setRequestHeader(context, 'Authorization', `Bearer ${token.token}`);
    await this.next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
