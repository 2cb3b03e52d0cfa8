// Refresh tokens the identity platform hands out, and the ways they stop working: inactivity expiry
// (AADSTS700082), revoked sign-in sessions (AADSTS50173) and a demand for interaction such as MFA (AADSTS50076).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { refusals, type Aadsts } from './identityErrors';
import { recordSecret } from './secretLedger';

export interface RefreshGrant {
  clientId: string;
  user: string;
  roles?: readonly string[];
  tenantId: string;
  /** The scopes first asked for, as asked (`https://host/Permission`). */
  scopes: string[];
}

interface Held extends RefreshGrant {
  issuedAt: number;
  /** The expiry the token carries, and the one in force (earlier once ended by `expire`). */
  carriedExpiresAt: number;
  expiresAt: number;
  /** Order of issue: revocations and demands cover every token issued up to theirs. */
  serial: number;
}

export type RedeemOutcome = { refused: Aadsts } | { grant: RefreshGrant };

/** 90 days, the service's inactivity lifetime for refresh tokens of public clients. */
export const REFRESH_TOKEN_LIFETIME_S = 90 * 24 * 3600;
const ID_BYTES = 24;
const MAC_BYTES = 16;
/** Revocations and demands that cover every user. */
const EVERYONE = '*';

export class RefreshTokens {
  private readonly held = new Map<string, Held>();
  /** The token carries its expiry under a MAC, so a forgotten token still reads as expired, not unknown. */
  private readonly key = randomBytes(32);
  private serial = 0;
  /** User (lower case) or EVERYONE → the serial up to which their tokens are revoked, or need interaction. */
  private readonly revokedUpTo = new Map<string, number>();
  private readonly interactionUpTo = new Map<string, number>();

  constructor(private readonly lifetimeSeconds: () => number) {}

  private mac(data: Buffer): Buffer {
    return createHmac('sha256', this.key).update(data).digest().subarray(0, MAC_BYTES);
  }

  private carried(token: string): { issuedAt: number; expiresAt: number } | undefined {
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length !== ID_BYTES + 12 + MAC_BYTES || bytes.toString('base64url') !== token) return undefined;
    const data = bytes.subarray(0, ID_BYTES + 12);
    if (!timingSafeEqual(this.mac(data), bytes.subarray(ID_BYTES + 12))) return undefined;
    return { issuedAt: data.readUIntBE(ID_BYTES, 6), expiresAt: data.readUIntBE(ID_BYTES + 6, 6) };
  }

  issue(grant: RefreshGrant, now = Date.now()): string {
    this.prune(now);
    const expiresAt = now + this.lifetimeSeconds() * 1000;
    const data = Buffer.alloc(ID_BYTES + 12);
    randomBytes(ID_BYTES).copy(data);
    data.writeUIntBE(now, ID_BYTES, 6);
    data.writeUIntBE(expiresAt, ID_BYTES + 6, 6);
    const token = Buffer.concat([data, this.mac(data)]).toString('base64url');
    recordSecret(token);
    this.held.set(token, { ...grant, issuedAt: now, carriedExpiresAt: expiresAt, expiresAt, serial: ++this.serial });
    return token;
  }

  /** What the token endpoint makes of a refresh token; a good one stays good (the service does not rotate them out). */
  redeem(token: string, clientId: string, now = Date.now()): RedeemOutcome {
    const carried = this.carried(token);
    if (!carried) return { refused: refusals.unknownRefreshToken() };
    const held = this.held.get(token);
    const expiresAt = Math.min(carried.expiresAt, held?.expiresAt ?? carried.expiresAt);
    if (expiresAt <= now) return { refused: refusals.refreshTokenExpired(new Date(carried.issuedAt), (now - carried.issuedAt) / 1000) };
    if (!held) return { refused: refusals.unknownRefreshToken() };
    if (held.clientId.toLowerCase() !== clientId.toLowerCase()) return { refused: refusals.grantOfAnotherClient() };
    const user = held.user.toLowerCase();
    const covered = (marks: Map<string, number>) => held.serial <= Math.max(marks.get(user) ?? 0, marks.get(EVERYONE) ?? 0);
    if (covered(this.revokedUpTo)) return { refused: refusals.refreshTokenRevoked() };
    if (covered(this.interactionUpTo)) return { refused: refusals.interactionRequired() };
    const { clientId: heldClient, user: heldUser, roles, tenantId, scopes } = held;
    return { grant: { clientId: heldClient, user: heldUser, roles, tenantId, scopes } };
  }

  /** Revokes the user's sign-in sessions (every user's without one): their refresh tokens so far stop working. */
  revoke(user?: string): void {
    this.revokedUpTo.set(user?.toLowerCase() ?? EVERYONE, this.serial);
  }

  /** Ends the user's refresh tokens so far now, as if they had been idle for their whole lifetime. */
  expire(user?: string, now = Date.now()): void {
    for (const held of this.held.values()) {
      if (user === undefined || held.user.toLowerCase() === user.toLowerCase()) held.expiresAt = Math.min(held.expiresAt, now);
    }
  }

  /** A policy (MFA, sign-in frequency) now wants the user back: their refresh tokens so far need a new sign-in. */
  requireInteraction(user?: string): void {
    this.interactionUpTo.set(user?.toLowerCase() ?? EVERYONE, this.serial);
  }

  get size(): number {
    return this.held.size;
  }

  /** Forgets tokens past the expiry they carry; one ended early is kept until then, to keep saying so. */
  private prune(now: number): void {
    for (const [token, held] of this.held) {
      if (held.carriedExpiresAt <= now) this.held.delete(token);
    }
  }
}
