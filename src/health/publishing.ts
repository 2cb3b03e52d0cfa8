// An application's publishing settings read as facts: Graph's `onPremisesPublishing` is typed loosely
// (beta, fields returned only when selected), so each field is checked before a rule or a table uses it.
import type { Application } from '../graph/types';

export interface CustomDomainCertificate {
  subjectName: string;
  thumbprint: string;
  issuerName?: string;
  /** Milliseconds since the epoch. */
  expires: number;
  expiryDate: string;
}

const DAY_MS = 24 * 3600 * 1000;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The custom domain's certificate, or undefined without one (or with metadata too broken to use). */
export function customDomainCertificate(application: Application): CustomDomainCertificate | undefined {
  const metadata = application.onPremisesPublishing?.verifiedCustomDomainCertificatesMetadata;
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const { subjectName, thumbprint, issuerName, expiryDate } = metadata as Record<string, unknown>;
  const expiry = text(expiryDate);
  const expires = expiry === undefined ? NaN : Date.parse(expiry);
  if (Number.isNaN(expires)) return undefined;
  return { subjectName: text(subjectName) ?? '', thumbprint: text(thumbprint) ?? '', issuerName: text(issuerName), expires, expiryDate: expiry! };
}

/** Whole days from now to the expiry: 0 on its last day, negative once it has expired. */
export function daysLeft(certificate: CustomDomainCertificate, now: number): number {
  return Math.floor((certificate.expires - now) / DAY_MS);
}

/** `passthru`, as Graph writes it: no Microsoft Entra pre-authentication, so no Conditional Access. */
export function isPassthrough(application: Application): boolean {
  return application.onPremisesPublishing?.externalAuthenticationType === 'passthru';
}

export function internalScheme(application: Application): 'http' | 'https' | undefined {
  const url = text(application.onPremisesPublishing?.internalUrl);
  const scheme = url && /^([a-z]+):\/\//i.exec(url)?.[1]?.toLowerCase();
  return scheme === 'http' || scheme === 'https' ? scheme : undefined;
}

/** Off only when Graph says so: an absent field (not selected, or an older answer) is not a finding. */
export function backendValidationOff(application: Application): boolean {
  return application.onPremisesPublishing?.isBackendCertificateValidationEnabled === false;
}
