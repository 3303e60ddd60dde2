/**
 * GET /api/sop-medsos/queue[?counts=false] — the signed-in user's queue and the office's counts.
 * GET /api/sop-medsos/workbench/:id — one submission's workbench for this user.
 * Payload does not authenticate custom endpoints: both check `req.user` here.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { sopText, type SopMessageKey } from '../translations/index.js'
import { queueOf, workbenchOf } from './workbench.js'

const refuse = (req: PayloadRequest, status: number, key: SopMessageKey) =>
  Response.json(
    { errors: [{ message: sopText(req, key) }] },
    { status, headers: { 'Cache-Control': 'no-store' } },
  )

export function workbenchEndpoints(): Endpoint[] {
  return [
    {
      path: '/sop-medsos/queue',
      method: 'get',
      handler: async (req) => {
        if (!req.user) return refuse(req, 401, 'loginRequired')
        const counts = new URL(req.url ?? 'http://x/').searchParams.get('counts') !== 'false'
        return Response.json(await queueOf(req, { counts }), {
          headers: { 'Cache-Control': 'no-store' },
        })
      },
    },
    {
      path: '/sop-medsos/workbench/:id',
      method: 'get',
      handler: async (req) => {
        if (!req.user) return refuse(req, 401, 'loginRequired')
        const id = String(req.routeParams?.id ?? '')
        const view = /^[A-Za-z0-9_-]{1,64}$/.test(id)
          ? await workbenchOf(req, id).catch(() => null)
          : null
        if (!view) return refuse(req, 404, 'submissionNotFound')
        return Response.json(view, { headers: { 'Cache-Control': 'no-store' } })
      },
    },
  ]
}
