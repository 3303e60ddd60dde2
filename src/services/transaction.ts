import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'
import { WORKFLOW_CONTEXT } from '../context.js'

/** Runs `fn` in its own committed transaction (a separate connection from any caller's). */
export async function inTransaction<T>(
  payload: Payload,
  fn: (req: PayloadRequest) => Promise<T>,
): Promise<T> {
  const req = await createLocalReq({ context: { [WORKFLOW_CONTEXT]: true } }, payload)
  await initTransaction(req)
  try {
    const result = await fn(req)
    await commitTransaction(req)
    return result
  } catch (e) {
    await killTransaction(req)
    throw e
  }
}
