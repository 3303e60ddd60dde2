import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  classifyGraph,
  classifyWebhook,
  classifyX,
  explainKey,
} from '../../src/publishing/classify.js'
import { translations } from '../../src/translations/index.js'
import { decrypt, encrypt, parseKey, resolveKey } from '../../src/publishing/crypto.js'
import { prepareImage } from '../../src/publishing/media.js'
import { fitText } from '../../src/publishing/adapters/x.js'
import { instagram } from '../../src/publishing/adapters/instagram.js'

const graph = (code: number, subcode?: number, transient = false) => ({
  error: { code, error_subcode: subcode, is_transient: transient, message: `m${code}` },
})

describe('classify', () => {
  it.each([
    [500, graph(1), 'transient'],
    [400, graph(2), 'transient'],
    [400, graph(4), 'transient'],
    [400, graph(17), 'transient'],
    [400, graph(32), 'transient'],
    [400, graph(341), 'transient'],
    [400, graph(613), 'transient'],
    [400, graph(9999, undefined, true), 'transient'],
    [400, graph(190, 463), 'reconnect'],
    [400, graph(102), 'reconnect'],
    [400, graph(10), 'reconnect'],
    [403, graph(200), 'reconnect'],
    [403, graph(299), 'reconnect'],
    [400, graph(100, 1404078), 'reconnect'],
    [400, graph(100), 'content'],
    [400, graph(506), 'content'],
    [400, graph(100, 2207009), 'content'],
    [400, graph(9, 2207042), 'policy'],
    [400, graph(368), 'policy'],
    [502, { raw: 'Bad gateway' }, 'transient'],
  ] as const)('Graph %i %j → %s', (status, body, cls) =>
    expect(classifyGraph(status, body).class).toBe(cls),
  )

  it('reads Meta usage headers for the back-off', () => {
    const h = new Headers({
      'x-business-use-case-usage': JSON.stringify({
        '123': [{ type: 'pages', estimated_time_to_regain_access: 3 }],
      }),
    })
    expect(classifyGraph(400, graph(32), h).retryAfter).toBe(180)
  })

  it('X and webhook', () => {
    const reset = String(Math.floor(Date.now() / 1000) + 30)
    const x429 = classifyX(
      429,
      { title: 'Too Many Requests' },
      new Headers({ 'x-rate-limit-reset': reset }),
    )
    expect(x429.class).toBe('transient')
    expect(x429.retryAfter).toBeGreaterThan(25)
    expect(classifyX(503, {}).class).toBe('transient')
    expect(classifyX(401, {}).class).toBe('reconnect')
    expect(classifyX(403, { detail: 'duplicate content' }).class).toBe('content')
    expect(classifyWebhook(500, '').class).toBe('transient')
    expect(classifyWebhook(401, '').class).toBe('reconnect')
    expect(classifyWebhook(422, 'bad').class).toBe('content')
  })

  it('explains every class in Indonesian and English, from a stored code and detail', () => {
    const classes = [
      'transient',
      'reconnect',
      'content',
      'policy',
      'unknown',
      'integrity',
      'blocked',
    ] as const
    for (const c of classes) {
      const why = explainKey({ errorClass: c, errorCode: 'x', errorDetail: 'rincian' })!
      expect(why.key).toBe(`publicationError_${c}`)
      expect(why.vars).toEqual({ detail: 'rincian' })
      expect(translations.id.sopMedsos[why.key].length).toBeGreaterThan(20)
      expect(translations.en.sopMedsos[why.key].length).toBeGreaterThan(20)
    }
    expect(explainKey({ errorClass: null, errorCode: 'manual' })!.key).toBe(
      'publicationError_manual',
    )
    expect(explainKey({ errorClass: null, errorCode: null })).toBeNull()
  })
})

describe('credentials crypto', () => {
  it('round-trips, randomises the IV and detects tampering', () => {
    const key = parseKey('a'.repeat(64))
    const a = encrypt(key, 'rahasia-token')
    const b = encrypt(key, 'rahasia-token')
    expect(a).not.toBe(b)
    expect(a).not.toContain('rahasia')
    expect(decrypt(key, a)).toBe('rahasia-token')
    const parts = a.split(':')
    parts[3] = Buffer.from(
      'x' + Buffer.from(parts[3]!, 'base64').toString('binary').slice(1),
      'binary',
    ).toString('base64')
    expect(() => decrypt(key, parts.join(':'))).toThrow()
    expect(() => decrypt(parseKey('b'.repeat(64)), a)).toThrow()
  })

  it('requires the key in production, derives one in development', () => {
    expect(() => resolveKey({ NODE_ENV: 'production' }, 's')).toThrow(
      /SOP_MEDSOS_CREDENTIALS_KEY must be set/,
    )
    expect(resolveKey({ NODE_ENV: 'development' }, 's')).toHaveLength(32)
    expect(() => parseKey('short')).toThrow(/32 bytes/)
  })
})

describe('photos per platform', () => {
  const image = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#808080' } })
      .composite([
        {
          input: {
            create: { width: Math.round(width / 4), height, channels: 3, background: '#ff0000' },
          },
          left: 0,
          top: 0,
        },
      ])
      .withExif({ IFD0: { Make: 'KameraDinas' } })
      .jpeg()
      .toBuffer()

  it('Instagram: wide photos cropped to 1.91:1, tall ones to 4:5, ≤1440 px, JPEG without EXIF', async () => {
    for (const [w, h, ratio] of [
      [3000, 1000, 1.91],
      [1000, 3000, 0.8],
    ] as const) {
      const out = await prepareImage(await image(w, h), instagram.media)
      const meta = await sharp(out).metadata()
      expect(meta.format).toBe('jpeg')
      expect(meta.exif).toBeUndefined()
      expect(meta.width).toBeLessThanOrEqual(1440)
      expect(Math.abs(meta.width! / meta.height! - ratio)).toBeLessThan(0.02)
    }
  })

  it('the crop follows the focal point', async () => {
    const src = await image(3000, 1000) // red strip on the left quarter
    const left = await sharp(await prepareImage(src, instagram.media, { x: 0, y: 50 }))
      .raw()
      .toBuffer({ resolveWithObject: true })
    const right = await sharp(await prepareImage(src, instagram.media, { x: 100, y: 50 }))
      .raw()
      .toBuffer({ resolveWithObject: true })
    const firstPixelRed = (r: { data: Buffer }) => r.data[0]! > 200 && r.data[1]! < 60
    expect(firstPixelRed(left)).toBe(true)
    expect(firstPixelRed(right)).toBe(false)
  })

  it('X text fits 280 characters without splitting a flag', () => {
    expect(fitText('a'.repeat(280))).toHaveLength(280)
    const long = '🇮🇩'.repeat(300)
    const cut = fitText(long)
    expect([...new Intl.Segmenter().segment(cut)]).toHaveLength(280)
    expect(cut.endsWith('…')).toBe(true)
    expect(cut.slice(0, -1).length % 4).toBe(0)
  })
})
