/**
 * Platform credentials at rest: AES-256-GCM with a random 96-bit IV per value. The key
 * comes from SOP_MEDSOS_CREDENTIALS_KEY (32 bytes, base64 or hex); without it,
 * development and tests derive one from the Payload secret, production refuses to start.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

export const KEY_ENV = 'SOP_MEDSOS_CREDENTIALS_KEY'
const VERSION = 'v1'

export function parseKey(raw: string): Buffer {
  const trimmed = raw.trim()
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64')
  if (key.length !== 32)
    throw new Error(
      `${KEY_ENV} must be 32 bytes, as 64 hex digits or base64 (got ${key.length} bytes)`,
    )
  return key
}

/** The key, or a clear start-up error in production. */
export function resolveKey(env: NodeJS.ProcessEnv, payloadSecret: string | undefined): Buffer {
  const raw = env[KEY_ENV]
  if (raw) return parseKey(raw)
  if (env.NODE_ENV === 'production') {
    throw new Error(
      `${KEY_ENV} must be set when NODE_ENV=production: 32 random bytes, e.g. \`openssl rand -hex 32\`. It encrypts the social media credentials.`,
    )
  }
  return createHash('sha256')
    .update(`sop-medsos-credentials:${payloadSecret ?? 'dev'}`)
    .digest()
}

export function encrypt(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [
    VERSION,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    data.toString('base64'),
  ].join(':')
}

export function decrypt(key: Buffer, sealed: string): string {
  const [version, iv, tag, data] = sealed.split(':')
  if (version !== VERSION || !iv || !tag || data === undefined)
    throw new Error('not a sealed credential')
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
  decipher.setAuthTag(Buffer.from(tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString(
    'utf8',
  )
}
