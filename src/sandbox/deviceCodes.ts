// Device codes of the device-code way in: issued, entered on the device-login page, polled at the
// interval the service asked for, and forgotten once they expire.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { refusals, type Aadsts } from './identityErrors';
import { recordSecret } from './secretLedger';

export type CodeState = 'pending' | 'approved' | 'declined';

/** Who finished the sign-in on the page. */
export interface DeviceSignIn {
  user: string;
  /** Directory role template ids; an administrator's when absent. */
  roles?: readonly string[];
  /** The tenant the user signed into: the authority's, or at /organizations their home tenant. */
  tenantId: string;
}

export interface DeviceCode {
  deviceCode: string;
  userCode: string;
  clientId: string;
  /** The authority's tenant segment: an id, a domain, `organizations` or `common`. */
  tenantSegment: string;
  scopes: string[];
  expiresAt: number;
  state: CodeState;
  signIn?: DeviceSignIn;
  /** When the code was last polled, and how long the poller must now wait between polls (ms). */
  lastPollAt?: number;
  intervalMs: number;
}

export type PollOutcome = { refused: Aadsts } | { granted: DeviceCode };

export interface DeviceCodeSettings {
  intervalSeconds: number;
  lifetimeSeconds: number;
}

/** More live codes than this and the service throttles new ones (no client needs so many). */
const MAX_LIVE_CODES = 10_000;
// Timers in the poller and clocks here both round to milliseconds; a poll on time may look a hair early.
const INTERVAL_TOLERANCE_MS = 50;
// RFC 8628 §3.5: after slow_down the interval grows by 5 seconds for this and every later request.
const SLOW_DOWN_STEP_MS = 5000;
const USER_CODE_LETTERS = 'BCDFGHJKLMNPQRSTVWXZ23456789';
const ID_BYTES = 18;
const MAC_BYTES = 16;

export class DeviceCodes {
  private readonly codes = new Map<string, DeviceCode>();
  /** Codes ended early (by `expire`) until the expiry they carry passes: device code → that expiry. */
  private readonly endedEarly = new Map<string, number>();
  /** Device codes carry their own expiry under a MAC, so a forgotten code still reads as expired, not unknown. */
  private readonly key = randomBytes(32);

  constructor(private readonly settings: () => DeviceCodeSettings) {}

  private mac(data: Buffer): Buffer {
    return createHmac('sha256', this.key).update(data).digest().subarray(0, MAC_BYTES);
  }

  /** The expiry a device code carries, if this service issued it. */
  private expiryOf(deviceCode: string): number | undefined {
    const bytes = Buffer.from(deviceCode, 'base64url');
    if (bytes.length !== ID_BYTES + 6 + MAC_BYTES || bytes.toString('base64url') !== deviceCode) return undefined;
    const data = bytes.subarray(0, ID_BYTES + 6);
    if (!timingSafeEqual(this.mac(data), bytes.subarray(ID_BYTES + 6))) return undefined;
    return data.readUIntBE(ID_BYTES, 6);
  }

  /** A new code, or undefined when too many are live already. */
  issue(clientId: string, tenantSegment: string, scopes: string[], now = Date.now()): DeviceCode | undefined {
    this.prune(now);
    if (this.size >= MAX_LIVE_CODES) return undefined;
    const { lifetimeSeconds, intervalSeconds } = this.settings();
    const expiresAt = now + lifetimeSeconds * 1000;
    const data = Buffer.alloc(ID_BYTES + 6);
    randomBytes(ID_BYTES).copy(data);
    data.writeUIntBE(expiresAt, ID_BYTES, 6);
    const deviceCode = Buffer.concat([data, this.mac(data)]).toString('base64url');
    let userCode: string;
    do {
      userCode = Array.from({ length: 9 }, () => USER_CODE_LETTERS[randomInt(USER_CODE_LETTERS.length)]).join('');
    } while (this.byUserCode(userCode, now, true));
    const code: DeviceCode = { deviceCode, userCode, clientId, tenantSegment, scopes, expiresAt, state: 'pending', intervalMs: intervalSeconds * 1000 };
    // The device code is the poller's secret; the user code is meant to be shown.
    recordSecret(deviceCode);
    this.codes.set(deviceCode, code);
    return code;
  }

  /** The code a user typed, expired or not (the page says which); spaces, dashes and case do not matter. */
  byUserCode(typed: string, now = Date.now(), includeExpired = false): DeviceCode | undefined {
    const userCode = typed.replace(/[\s-]/g, '').toUpperCase();
    if (!userCode) return undefined;
    for (const code of this.codes.values()) {
      if (code.userCode === userCode && (includeExpired || code.expiresAt > now)) return code;
    }
    return undefined;
  }

  /** The token endpoint's answer to a poll. */
  poll(deviceCode: string, clientId: string, now = Date.now()): PollOutcome {
    const expiresAt = this.expiryOf(deviceCode);
    if (expiresAt === undefined) return { refused: refusals.badVerificationCode() };
    const code = this.codes.get(deviceCode);
    if (expiresAt <= now || this.endedEarly.has(deviceCode) || (code && code.expiresAt <= now)) {
      if (code) this.expire(code, now);
      return { refused: refusals.expiredToken() };
    }
    // Issued here and not expired, yet gone: it was redeemed.
    if (!code) return { refused: refusals.grantUsed() };
    if (code.clientId.toLowerCase() !== clientId.toLowerCase()) return { refused: refusals.grantOfAnotherClient() };
    const early = code.lastPollAt !== undefined && now - code.lastPollAt < code.intervalMs - INTERVAL_TOLERANCE_MS;
    code.lastPollAt = now;
    if (early) {
      code.intervalMs += SLOW_DOWN_STEP_MS;
      return { refused: refusals.slowDown(code.intervalMs / 1000) };
    }
    if (code.state === 'declined') return { refused: refusals.authorizationDeclined() };
    if (code.state === 'pending') return { refused: refusals.authorizationPending() };
    this.codes.delete(deviceCode);
    return { granted: code };
  }

  approve(code: DeviceCode, signIn: DeviceSignIn): void {
    code.state = 'approved';
    code.signIn = signIn;
  }

  decline(code: DeviceCode): void {
    code.state = 'declined';
  }

  /** Ends a code's life now, as if its 15 minutes had passed. */
  expire(code: DeviceCode, now = Date.now()): void {
    const carried = this.expiryOf(code.deviceCode) ?? now;
    code.expiresAt = Math.min(code.expiresAt, now);
    this.codes.delete(code.deviceCode);
    if (carried > now) this.endedEarly.set(code.deviceCode, carried);
  }

  /** Codes nobody has finished with yet, oldest first. */
  pending(now = Date.now()): DeviceCode[] {
    this.prune(now);
    return [...this.codes.values()].filter((c) => c.state === 'pending');
  }

  /** How many codes are held, expired ones included until the next prune. */
  get size(): number {
    return this.codes.size + this.endedEarly.size;
  }

  /** Forgets every expired code: a poll of one still gets expired_token from the code itself. */
  prune(now = Date.now()): void {
    for (const code of this.codes.values()) {
      if (code.expiresAt <= now) this.expire(code, now);
    }
    for (const [deviceCode, carried] of this.endedEarly) {
      if (carried <= now) this.endedEarly.delete(deviceCode);
    }
  }
}
