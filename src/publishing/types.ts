/**
 * One interface for every platform: prepare (invisible, retried freely) → publish (the
 * one public call, never retried blindly) → reconcile (ask the platform what happened).
 * A new platform (YouTube, TikTok) is one more module implementing it, named in
 * PLATFORMS below and in ADAPTERS (adapters/index.ts).
 */
import type { PlatformError } from './classify.js'

export const PLATFORMS = ['facebook', 'instagram', 'x', 'webhook', 'manual'] as const
export type Platform = (typeof PLATFORMS)[number]

export interface PhotoSource {
  id: string | number
  alt: string
}

export interface PublishContent {
  submissionId: string | number
  title: string
  caption: string
  /** Plain text of the narrative (webhook). */
  narrativeText: string
  /** Absolute link to the public page. */
  link: string
  registerNumber: string
  activityDate: string | null
  location: string
  photos: PhotoSource[]
}

export interface AccountConfig {
  id: string | number
  platform: Platform
  label: string
  /** Page id (Facebook), Instagram user id, X user handle; unused for webhook. */
  accountId: string
  /** Webhook target URL. */
  url: string
  accessToken: string
  /** Webhook HMAC secret. */
  secret: string
}

export interface Http {
  /** fetch with the configured timeout; rejects with PlatformFailure('transient','timeout'|'network'). */
  request: (url: string, init?: RequestInit) => Promise<Response>
}

export interface AdapterContext {
  account: AccountConfig
  baseUrl: string
  content: PublishContent
  http: Http
  /** Public, signed URL of the photo prepared for this platform (JPEG), for platforms that fetch by URL. */
  mediaUrl: (photoIndex: number) => string
  /** Bytes of the photo prepared for this platform. */
  mediaBytes: (photoIndex: number) => Promise<Buffer>
  sleep: (ms: number) => Promise<void>
  pollIntervalMs: number
  pollTimeoutMs: number
  /** Idempotency key of this target (stable across attempts). */
  key: string
  /** When the publishing call was first attempted (reconcile looks from here). */
  armedAt: Date | null
}

export interface PostResult {
  postId: string
  permalink: string | null
}

export type PreparedState = Record<string, unknown>

/** What reconciling found: the post, proof it was not made (safe to publish), or nothing certain. */
export type Reconciled = { found: PostResult } | { absent: true } | { unknown: true }

/** What an account of a platform needs before anything can be posted to it. */
export interface AccountNeeds {
  /** An API access token (sealed with the credentials). */
  token: boolean
  /** A target URL (and an HMAC secret to sign with). */
  url: boolean
}

export interface Adapter {
  platform: Platform
  /** The platform's name in the account form. */
  label: string | { id: string; en: string }
  /** No API: the Admin Medsos posts by hand and confirms the target with the post's URL. */
  postsByHand: boolean
  needs: AccountNeeds
  /** Per-platform media rules applied with sharp before upload. */
  media: MediaRules
  prepare: (ctx: AdapterContext) => Promise<PreparedState>
  publish: (ctx: AdapterContext, state: PreparedState) => Promise<PostResult>
  reconcile: (ctx: AdapterContext, state: PreparedState) => Promise<Reconciled>
  /** Turns a non-2xx response into our classes. */
  classify: (status: number, body: unknown, headers: Headers) => PlatformError
}

export interface MediaRules {
  /** Photos sent at most (X: 4, Instagram: 10). */
  maxPhotos: number
  maxWidth: number
  maxBytes: number
  /** Crop/pad to this range of width/height ratios (Instagram: 0.8–1.91). */
  aspect?: { min: number; max: number }
}
