import { APIError, type PayloadRequest } from 'payload'
import type { SopMessageKey } from '../src/translations.js'

/** A plugin message in the request's language (Payload i18n: Accept-Language, the user's choice). */
export function message(req: PayloadRequest, key: SopMessageKey, vars: Record<string, unknown> = {}): string {
  return (req.t as (key: string, vars?: Record<string, unknown>) => string)(`sopMedsos:${key}`, vars)
}

/** A refusal a user can meet (4xx): public message, logged at info level, not as a server error. */
export class WorkflowError extends APIError {
  constructor(message: string, status: number, data: Record<string, unknown> | null = null) {
    super(message, status, data, true)
    this.name = 'WorkflowError'
  }
}

export const forbidden = (req: PayloadRequest, key: SopMessageKey, vars?: Record<string, unknown>) =>
  new WorkflowError(message(req, key, vars), 403, { rule: key })

export const badRequest = (req: PayloadRequest, key: SopMessageKey, vars?: Record<string, unknown>) =>
  new WorkflowError(message(req, key, vars), 400, { rule: key })

export const notFound = (req: PayloadRequest, key: SopMessageKey, vars?: Record<string, unknown>) =>
  new WorkflowError(message(req, key, vars), 404, { rule: key })
