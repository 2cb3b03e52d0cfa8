// The extension's one log: a LogOutputChannel that follows the user's log level, and how Graph calls appear in it.
import * as vscode from 'vscode';
import { roundTripLevel, roundTripLine, type RoundTrip } from '../graph/middleware/roundTripMiddleware';
import type { RetryWait } from '../graph/retryAfter';
import { oneLineLog } from './oneLineLog';

export type Logger = vscode.LogOutputChannel;

export function createLogger(): Logger {
  return oneLineLog(vscode.window.createOutputChannel('Connector Groups', { log: true }));
}

/** One line per round trip: method, path, status, time and request id; never a header, so never a token. */
export function logRoundTrip(logger: Logger, tenantLabel: string, trip: RoundTrip): void {
  const line = roundTripLine(tenantLabel, trip);
  logger[roundTripLevel(trip)](line);
}

/** A wait Graph asked for: Info, and a warning when it asked for longer than is ever waited. */
export function logWait(logger: Logger, tenantLabel: string, wait: RetryWait): void {
  if (wait.capped) {
    logger.warn(`[${tenantLabel}] Microsoft Graph asked to wait ${wait.askedSeconds} s (Retry-After); waiting ${wait.seconds} s, the longest the extension waits.`);
  } else {
    logger.debug(`[${tenantLabel}] Microsoft Graph is throttling: every request of this tenant waits ${wait.seconds} s.`);
  }
}
