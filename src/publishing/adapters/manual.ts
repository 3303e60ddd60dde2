/** An account the agency posts to by hand (no API access): the Admin Medsos confirms with the post's URL. */
import type { Adapter } from '../types.js'

export class ManualPosting extends Error {
  constructor() {
    super('posted by hand: waiting for the Admin Medsos to confirm with the URL')
    this.name = 'ManualPosting'
  }
}

export const manual: Adapter = {
  platform: 'manual',
  label: { id: 'Manual (tanpa API)', en: 'Manual (no API)' },
  postsByHand: true,
  needs: { token: false, url: false },
  media: { maxPhotos: 100, maxWidth: 4096, maxBytes: 50 * 1024 * 1024 },
  classify: () => ({ class: 'content', code: 'manual', detail: 'manual' }),
  async prepare() {
    return {}
  },
  async publish() {
    throw new ManualPosting()
  },
  async reconcile() {
    return { unknown: true }
  },
}
