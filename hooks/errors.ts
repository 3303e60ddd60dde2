import { APIError, type PayloadRequest } from 'payload'
import type { SopMessageKey } from '../src/translations.js'

/** A plugin message in the request's language (Payload i18n: Accept-Language, the user's choice). */
export function message(req: PayloadRequest, key: SopMessageKey, vars: Record<string, unknown> = {}): string {
  return (req.t as (key: string, vars?: Record<string, unknown>) => string)(`sopMedsos:${key}`, vars)
}

export const forbidden = (req: PayloadRequest, key: SopMessageKey, vars?: Record<string, unknown>) =>
  new APIError(message(req, key, vars), 403, null, true)

export const badRequest = (req: PayloadRequest, key: SopMessageKey, vars?: Record<string, unknown>) =>
  new APIError(message(req, key, vars), 400, null, true)

export const notFound = (req: PayloadRequest, key: SopMessageKey, vars?: Record<string, unknown>) =>
  new APIError(message(req, key, vars), 404, null, true)
