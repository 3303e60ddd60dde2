/**
 * GET /api/register/verify?hash=<sha-256> — public on purpose (the QR code on a printed
 * approval sheet points here): is this hash in the register, under which Nomor
 * Register and when. Nothing else about the entry or the submission is returned.
 */
import type { Endpoint } from 'payload'
import { SLUGS } from '../context.js'

export function registerEndpoints(): Endpoint[] {
  return [
    {
      path: '/verify',
      method: 'get',
      handler: async (req) => {
        const hash = (new URL(req.url ?? 'http://x/').searchParams.get('hash') ?? '').trim().toLowerCase()
        const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }
        if (!/^[0-9a-f]{64}$/.test(hash)) {
          const msg = req.i18n?.language === 'en' ? 'hash must be 64 hexadecimal characters (SHA-256)' : 'hash harus 64 karakter heksadesimal (SHA-256)'
          return Response.json({ errors: [{ message: msg }] }, { status: 400, headers })
        }
        const found = await req.payload.find({
          collection: SLUGS.register,
          where: { or: [{ contentHash: { equals: hash } }, { hash: { equals: hash } }] },
          select: { number: true, at: true, kind: true },
          sort: 'chainIndex',
          depth: 0,
          limit: 20,
          overrideAccess: true,
        })
        const entries = found.docs.map((d) => {
          const e = d as unknown as { number: string; at: string; kind: string }
          return { number: e.number, at: e.at, kind: e.kind }
        })
        return Response.json({ hash, found: entries.length > 0, entries }, { status: 200, headers })
      },
    },
  ]
}
