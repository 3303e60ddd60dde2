import type { Adapter, Platform } from '../types.js'
import { facebook } from './facebook.js'
import { instagram } from './instagram.js'
import { manual } from './manual.js'
import { webhook } from './webhook.js'
import { x } from './x.js'

/** Every platform's adapter. A new platform: its module here and its name in PLATFORMS (types.ts). */
export const ADAPTERS: Record<Platform, Adapter> = { facebook, instagram, x, webhook, manual }

/** The adapter of a stored platform value (undefined for a value no adapter knows). */
export const adapterOf = (platform: unknown): Adapter | undefined =>
  typeof platform === 'string' && Object.hasOwn(ADAPTERS, platform)
    ? ADAPTERS[platform as Platform]
    : undefined

/** Posted by hand (no API): a person confirms the target, no worker acts on it. */
export const postsByHand = (platform: string): boolean => adapterOf(platform)?.postsByHand === true

/** The platforms posted by hand. */
export const HAND_POSTED_PLATFORMS: Platform[] = (Object.keys(ADAPTERS) as Platform[]).filter(
  (p) => ADAPTERS[p].postsByHand,
)
