/**
 * Reading a stored upload's bytes wherever it is stored: the local `staticDir`, or the
 * storage adapter that took the collection over (`@payloadcms/storage-s3` and the other
 * `plugin-cloud-storage` adapters register a handler on `upload.handlers` and set
 * `disableLocalStorage`). The handler is the same one that serves `/api/<slug>/file/…`,
 * so whatever adapter the consumer configured, posting and the approval sheet read the
 * same bytes the admin shows.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { createLocalReq, type Payload, type TypeWithID } from 'payload'

type UploadConfig = {
  staticDir?: string
  disableLocalStorage?: boolean
  handlers?: ((
    req: never,
    args: { doc: TypeWithID; headers?: Headers; params: { collection: string; filename: string } },
  ) => unknown)[]
}

export async function readStoredFile(
  payload: Payload,
  collection: string,
  doc: { id?: unknown; filename?: unknown },
  filename = doc.filename,
): Promise<Buffer> {
  if (typeof filename !== 'string' || !filename)
    throw new Error(`${collection} ${String(doc.id)} has no stored file`)
  const name = path.basename(filename)
  const upload = payload.collections[collection]?.config.upload as UploadConfig | undefined
  if (!upload) throw new Error(`${collection} is not an upload collection`)
  if (upload.handlers?.length) {
    const req = await createLocalReq({}, payload)
    for (const handler of upload.handlers) {
      const res = await handler(req as never, {
        doc: doc as TypeWithID,
        headers: new Headers(),
        params: { collection, filename: name },
      })
      if (res instanceof Response) {
        if (!res.ok) throw new Error(`${collection} file ${name}: storage answered ${res.status}`)
        return Buffer.from(await res.arrayBuffer())
      }
    }
  }
  if (upload.disableLocalStorage || !upload.staticDir)
    throw new Error(`${collection} file ${name}: no storage to read it from`)
  return fs.readFile(path.join(upload.staticDir, name))
}
