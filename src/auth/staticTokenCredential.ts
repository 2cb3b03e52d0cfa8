// A TokenCredential that hands out one known token: the sandbox tenant's, or a token pasted for a test.
import type { AccessToken, TokenCredential } from '@azure/identity';

export class StaticTokenCredential implements TokenCredential {
  constructor(
    private readonly token: string,
    private readonly expiresOnTimestamp = Date.now() + 3600_000,
  ) {}

  async getToken(): Promise<AccessToken> {
    return { token: this.token, expiresOnTimestamp: this.expiresOnTimestamp };
  }
}
