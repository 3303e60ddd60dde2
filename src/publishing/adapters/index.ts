import type { Adapter, Platform } from '../types.js'
import { facebook } from './facebook.js'
import { instagram } from './instagram.js'
import { manual } from './manual.js'
import { webhook } from './webhook.js'
import { x } from './x.js'

export const ADAPTERS: Record<Platform, Adapter> = { facebook, instagram, x, webhook, manual }
