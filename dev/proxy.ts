/**
 * The admin opens in Indonesian unless the user chose otherwise (Account → Language sets
 * Payload's `payload-lng` cookie). Without this, Payload follows the browser's
 * Accept-Language, and most office PCs say English. API clients are not touched: they
 * get their Accept-Language (or Indonesian, the fallback).
 */
import { NextResponse, type NextRequest } from 'next/server'

const COOKIE = 'payload-lng'

export function proxy(request: NextRequest) {
  if (request.cookies.has(COOKIE)) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.set('cookie', [request.headers.get('cookie'), `${COOKIE}=id`].filter(Boolean).join('; '))
  const response = NextResponse.next({ request: { headers } })
  response.cookies.set(COOKIE, 'id', { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 60 * 60 })
  return response
}

export const config = { matcher: ['/admin', '/admin/:path*'] }
