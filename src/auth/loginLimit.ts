/**
 * Failed sign-ins are limited per client, not per account (issue 13, item 14): Payload's
 * account lock let anyone lock anyone's account for 15 minutes and told them it existed.
 *
 * - one client may fail `perAccount` times for one account per window, and `perClient`
 *   times overall (password spraying); then that client is refused for that account (or
 *   for all) until the window ends;
 * - the owner signing in from another client is not affected;
 * - unknown account, wrong password and "refused by the limit" all get Payload's one
 *   generic 401 ("The email or password provided is incorrect."): nothing to enumerate.
 *
 * Counters live in this process's memory: with several app instances behind a load
 * balancer each keeps its own, so a client gets up to N × the limit (still bounded) and a
 * restart forgets them. Put the limit in the proxy (nginx `limit_req`) or make the balancer
 * sticky by client address when that matters.
 */
import {
  AuthenticationError,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
} from 'payload'
import { clientAddress } from './requests.js'

export interface LoginLimitSettings {
  perAccount: number
  perClient: number
  windowMs: number
  trustProxy: number
  /** Counters kept at most (oldest dropped first): a flood of fresh addresses cannot exhaust memory. */
  maxKeys?: number
}

interface Counter {
  count: number
  resetAt: number
}

export class LoginLimiter {
  private counters = new Map<string, Counter>()
  constructor(readonly settings: LoginLimitSettings) {}

  private current(key: string, now: number): Counter | undefined {
    const c = this.counters.get(key)
    if (c && c.resetAt <= now) {
      this.counters.delete(key)
      return undefined
    }
    return c
  }

  private bump(key: string, by: number, now: number): void {
    const c = this.current(key, now)
    if (c) {
      c.count = Math.max(0, c.count + by)
      return
    }
    if (by <= 0) return
    this.counters.set(key, { count: by, resetAt: now + this.settings.windowMs })
    const max = this.settings.maxKeys ?? 100_000
    while (this.counters.size > max) this.counters.delete(this.counters.keys().next().value!)
  }

  refused(client: string, account: string, now = Date.now()): boolean {
    const pair = this.current(`a:${client}\u0000${account}`, now)?.count ?? 0
    const all = this.current(`c:${client}`, now)?.count ?? 0
    return pair >= this.settings.perAccount || all >= this.settings.perClient
  }

  /** Counted before the password is checked (a crash or a timeout counts too); a success takes it back. */
  attempt(client: string, account: string, now = Date.now()): void {
    this.bump(`a:${client}\u0000${account}`, 1, now)
    this.bump(`c:${client}`, 1, now)
  }

  /**
   * A success clears that account's count from this client, and takes back only the
   * attempt it was itself counted as (so an attacker with one valid account cannot buy
   * back failures against others by signing in between them).
   */
  succeeded(client: string, account: string, now = Date.now()): void {
    const pair = this.current(`a:${client}\u0000${account}`, now)?.count ?? 0
    this.counters.delete(`a:${client}\u0000${account}`)
    if (pair > 0) this.bump(`c:${client}`, -1, now)
  }
}

const LIMIT_KEY = 'sopMedsosLogin'

const accountOf = (data: unknown): string => {
  const d = (data ?? {}) as { email?: unknown; username?: unknown }
  const v = typeof d.email === 'string' ? d.email : typeof d.username === 'string' ? d.username : ''
  return v.trim().toLowerCase().slice(0, 320)
}

/** `beforeOperation` (login) of the users collection: refuse a client over its limit, count the attempt. */
export function limitLogins(limiter: LoginLimiter): CollectionBeforeOperationHook {
  return ({ args, operation, req }) => {
    if (operation !== 'login') return args
    // Trusted server code (Local API login) is not a client.
    if (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') return args
    const client = clientAddress(req.headers, limiter.settings.trustProxy)
    const account = accountOf((args as { data?: unknown }).data)
    if (limiter.refused(client, account)) throw new AuthenticationError(req.t)
    limiter.attempt(client, account)
    req.context[LIMIT_KEY] = { client, account }
    return args
  }
}

/** `afterLogin`: the attempt succeeded, take it back. */
export function loginSucceeded(limiter: LoginLimiter): CollectionAfterLoginHook {
  return ({ req, user }) => {
    const counted = req.context[LIMIT_KEY] as { client: string; account: string } | undefined
    if (counted) limiter.succeeded(counted.client, counted.account)
    return user
  }
}
