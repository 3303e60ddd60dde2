/**
 * GET /api/register/verify?hash=<sha-256> — public on purpose (the QR code on a printed
 * approval sheet points here): is this hash in the register, under which Nomor
 * Register and when. Nothing else about the entry or the submission is returned.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { pluginContext, SLUGS } from '../context.js'
import { readsOffice } from '../access/roles.js'
import { parsePeriod } from '../workflow/period.js'
import { registerCsv, registerPdf, registerRows, registerXlsx } from './exports.js'
import { buildMonthlyReport, monthlyReportPdf } from './report.js'
import { reportChartSvg } from '../workflow/report.js'
import { sopText, type SopMessageKey } from '../translations/index.js'

/**
 * The office-only, period-based endpoints (exports, report): Payload does not
 * authenticate custom endpoints, so the user and the role are checked here; the period
 * is parsed in the plugin's time zone. A refusal comes back as the Response to send.
 */
function officePeriod(req: PayloadRequest, what: SopMessageKey) {
  const fail = (status: number, key: SopMessageKey, vars?: Record<string, unknown>) =>
    Response.json({ errors: [{ message: sopText(req, key, vars) }] }, { status })
  if (!req.user) return fail(403, 'loginRequired')
  if (!readsOffice(req.user)) return fail(403, 'officeOnly', { what: sopText(req, what) })
  const url = new URL(req.url ?? 'http://x/')
  const options = pluginContext(req.payload).options
  const period = parsePeriod(
    {
      period: url.searchParams.get('period'),
      from: url.searchParams.get('from'),
      to: url.searchParams.get('to'),
    },
    options.timeZone,
  )
  if (!period) {
    return fail(400, 'periodInvalid')
  }
  return { url, options, period, fail }
}

export function registerEndpoints(): Endpoint[] {
  return [
    {
      path: '/verify',
      method: 'get',
      handler: async (req) => {
        const hash = (new URL(req.url ?? 'http://x/').searchParams.get('hash') ?? '')
          .trim()
          .toLowerCase()
        const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }
        if (!/^[0-9a-f]{64}$/.test(hash)) {
          return Response.json(
            { errors: [{ message: sopText(req, 'hashInvalid') }] },
            { status: 400, headers },
          )
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
    {
      // GET /api/register/export?format=csv|xlsx|pdf&period=2026-11 (or 2026, or from=…&to=…)[&kind=documentation|content]
      path: '/export',
      method: 'get',
      handler: async (req) => {
        const asked = officePeriod(req, 'whatRegisterExport')
        if (asked instanceof Response) return asked
        const { url, options, period, fail } = asked
        const kind = url.searchParams.get('kind')
        if (kind && kind !== 'documentation' && kind !== 'content') return fail(400, 'kindInvalid')
        const format = url.searchParams.get('format') ?? 'csv'
        const rows = await registerRows(
          req.payload,
          period,
          (kind as 'documentation' | 'content' | null) ?? undefined,
        )
        const name = `register-${period.label.replace(/[^\w-]+/g, '-').toLowerCase()}`
        const download = (body: Uint8Array | string, type: string, ext: string) =>
          new Response(typeof body === 'string' ? body : new Uint8Array(body), {
            status: 200,
            headers: {
              'Content-Type': type,
              'Content-Disposition': `attachment; filename="${name}.${ext}"`,
              'Cache-Control': 'private, no-store',
            },
          })
        if (format === 'csv')
          return download(registerCsv(rows, options.timeZone), 'text/csv; charset=utf-8', 'csv')
        if (format === 'xlsx')
          return download(
            await registerXlsx(rows, options.timeZone, period.label),
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'xlsx',
          )
        if (format === 'pdf')
          return download(
            await registerPdf(req.payload, rows, period, options.timeZone),
            'application/pdf',
            'pdf',
          )
        return fail(400, 'exportFormatInvalid')
      },
    },
    {
      // GET /api/register/report?period=2026-11&format=json|svg|pdf — the monthly report, for the office.
      path: '/report',
      method: 'get',
      handler: async (req) => {
        const asked = officePeriod(req, 'whatReport')
        if (asked instanceof Response) return asked
        const { url, options, period, fail } = asked
        const report = await buildMonthlyReport(req.payload, period, options.timeZone)
        const format = url.searchParams.get('format') ?? 'json'
        const headers = { 'Cache-Control': 'private, no-store' }
        if (format === 'json') return Response.json(report, { headers })
        if (format === 'svg')
          return new Response(reportChartSvg(report), {
            headers: { ...headers, 'Content-Type': 'image/svg+xml; charset=utf-8' },
          })
        if (format === 'pdf') {
          const pdf = await monthlyReportPdf(req.payload, report)
          return new Response(new Uint8Array(pdf), {
            headers: {
              ...headers,
              'Content-Type': 'application/pdf',
              'Content-Disposition': `attachment; filename="laporan-${period.label.replace(/[^\w-]+/g, '-').toLowerCase()}.pdf"`,
            },
          })
        }
        return fail(400, 'reportFormatInvalid')
      },
    },
  ]
}
