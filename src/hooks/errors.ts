import { APIError, type PayloadRequest } from 'payload'
import type { SopMessageKey } from '../translations/index.js'
import { isRecordImmutableError } from '../register/immutable.js'
import { escapeControls } from '../workflow/text.js'

/** A plugin message in the request's language (Payload i18n: Accept-Language, the user's choice). */
export function message(
  req: PayloadRequest,
  key: SopMessageKey,
  vars: Record<string, unknown> = {},
): string {
  return (req.t as (key: string, vars?: Record<string, unknown>) => string)(
    `sopMedsos:${key}`,
    vars,
  )
}

/**
 * A refusal a user can meet (4xx): public message, logged at info level, not as a server
 * error. Control characters from user text (a file name, an action) are written visibly
 * (`\x1b`), so the message cannot forge or colour a log line.
 */
export class WorkflowError extends APIError {
  constructor(message: string, status: number, data: Record<string, unknown> | null = null) {
    super(escapeControls(message), status, data, true)
    this.name = 'WorkflowError'
  }
}

export const forbidden = (
  req: PayloadRequest,
  key: SopMessageKey,
  vars?: Record<string, unknown>,
) => new WorkflowError(message(req, key, vars), 403, { rule: key })

export const badRequest = (
  req: PayloadRequest,
  key: SopMessageKey,
  vars?: Record<string, unknown>,
) => new WorkflowError(message(req, key, vars), 400, { rule: key })

export const notFound = (req: PayloadRequest, key: SopMessageKey, vars?: Record<string, unknown>) =>
  new WorkflowError(message(req, key, vars), 404, { rule: key })

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P01',
  '57P03',
])

// pg's own words for a connection that died under a query (no code on these errors), and
// its pool's connect timeout.
const OUTAGE_MESSAGE =
  /cannot begin transaction: |Connection terminated|terminating connection due to administrator command|is not queryable|timeout exceeded when trying to connect|the database system is (?:shutting down|starting up|in recovery mode)/
/** SQLSTATE class 08 (connection exception) and 57P01–57P05 (the server shut down or is starting). */
const OUTAGE_SQLSTATE = /^(?:08[0-9A-Z]{3}|57P0[1-5])$/

/** A service the app depends on (file storage such as S3, or the database) could not be reached or failed. */
export function isServiceOutage(error: unknown): boolean {
  let e = error as
    | { code?: unknown; cause?: unknown; $metadata?: { httpStatusCode?: number }; status?: number }
    | undefined
  if (e instanceof APIError && e.status < 500) return false
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) {
    if (typeof e.code === 'string' && (UNREACHABLE.has(e.code) || OUTAGE_SQLSTATE.test(e.code)))
      return true
    // db-postgres re-throws a failed BEGIN as a plain Error with the cause in the message.
    if (
      typeof (e as { message?: unknown }).message === 'string' &&
      OUTAGE_MESSAGE.test((e as { message: string }).message)
    )
      return true
    // AWS SDK errors (S3 and S3-compatible storage) carry $metadata; a 5xx is the service's failure.
    if (
      e.$metadata &&
      (e.$metadata.httpStatusCode === undefined || e.$metadata.httpStatusCode >= 500)
    )
      return true
  }
  return false
}

/**
 * Payload answers an unreachable storage or database with a bare 500 "Something went
 * wrong."; staff get a 503 that says nothing was saved and to try again (the
 * transaction was rolled back). Internal details (hosts, ports) stay in the log.
 */
export const serviceUnavailable = ({ error, req }: { error: Error; req: PayloadRequest }) => {
  if (!isServiceOutage(error)) return
  return {
    status: 503,
    response: {
      errors: [
        { message: message(req, 'serviceUnavailable'), data: { rule: 'serviceUnavailable' } },
      ],
    },
  }
}

/**
 * The database's own refusal to change a register or review row (src/register/immutable.ts)
 * reached the API: a 403 naming the rule, not a 500 (nothing was written).
 */
export const recordRowImmutable = ({ error, req }: { error: Error; req: PayloadRequest }) => {
  if (!isRecordImmutableError(error)) return
  return {
    status: 403,
    response: {
      errors: [
        { message: message(req, 'recordRowImmutable'), data: { rule: 'recordRowImmutable' } },
      ],
    },
  }
}
