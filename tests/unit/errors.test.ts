import { APIError } from 'payload'
import { describe, expect, it } from 'vitest'
import { isServiceOutage, WorkflowError } from '../../src/hooks/errors.js'

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('isServiceOutage: which errors become 503 serviceUnavailable', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED')],
    ['connection reset', withCode('ECONNRESET')],
    ['DNS failure', withCode('ENOTFOUND')],
    [
      'PostgreSQL shutting down (57P01)',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    ['PostgreSQL starting up (57P03)', withCode('57P03')],
    [
      'db-postgres failed BEGIN (cause only in the message)',
      new Error('Error: cannot begin transaction: connect ECONNREFUSED 127.0.0.1:5432'),
    ],
    ['pg: connection terminated', new Error('Connection terminated unexpectedly')],
    [
      'pg: a client whose connection died mid-transaction',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['pg: a client closed under the query', new Error('Client was closed and is not queryable')],
    ['pg-pool: connect timeout', new Error('timeout exceeded when trying to connect')],
    ['SQLSTATE 08006 (connection failure)', withCode('08006')],
    ['SQLSTATE 57P02 (crash shutdown)', withCode('57P02')],
    [
      'drizzle wrapping a 57P01 in its cause',
      Object.assign(new Error('Failed query: insert …'), { cause: withCode('57P01') }),
    ],
    ['wrapped in a cause', new Error('upload failed', { cause: withCode('ETIMEDOUT') })],
    [
      'S3 service error 503',
      Object.assign(new Error('SlowDown'), { $metadata: { httpStatusCode: 503 } }),
    ],
    ['S3 without a response', Object.assign(new Error('socket hang up'), { $metadata: {} })],
  ])('%s → yes', (_name, error) => {
    expect(isServiceOutage(error)).toBe(true)
  })

  it.each([
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a workflow refusal (4xx)', new WorkflowError('Tidak boleh', 403)],
    [
      'a 4xx APIError even with a network-looking cause',
      Object.assign(new APIError('bad', 400), { cause: withCode('ECONNREFUSED') }),
    ],
    [
      'S3 client error 403 (bad credentials)',
      Object.assign(new Error('AccessDenied'), { $metadata: { httpStatusCode: 403 } }),
    ],
    ['S3 404', Object.assign(new Error('NoSuchKey'), { $metadata: { httpStatusCode: 404 } })],
    ['a constraint violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['not an error at all', undefined],
  ])('%s → no', (_name, error) => {
    expect(isServiceOutage(error)).toBe(false)
  })
})
