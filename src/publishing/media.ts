/**
 * Photos prepared per platform with sharp: JPEG, no metadata (EXIF/GPS never leave),
 * at most the platform's width and bytes, and inside its aspect-ratio range — cropped
 * around the focal point the uploader set (Payload's focalX/focalY, in percent).
 */
import sharp from 'sharp'
import type { MediaRules } from './types.js'

export interface Focal {
  x: number
  y: number
}

export async function prepareImage(
  input: Buffer,
  rules: MediaRules,
  focal: Focal = { x: 50, y: 50 },
): Promise<Buffer> {
  const base = sharp(input, { failOn: 'error' }).rotate()
  const { data: oriented, info } = await base.toBuffer({ resolveWithObject: true })
  let image = sharp(oriented)
  const ratio = info.width / info.height
  if (rules.aspect && (ratio < rules.aspect.min || ratio > rules.aspect.max)) {
    const target = ratio < rules.aspect.min ? rules.aspect.min : rules.aspect.max
    const width = ratio > target ? Math.round(info.height * target) : info.width
    const height = ratio > target ? info.height : Math.round(info.width / target)
    const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)))
    const left = clamp((focal.x / 100) * info.width - width / 2, info.width - width)
    const top = clamp((focal.y / 100) * info.height - height / 2, info.height - height)
    image = image.extract({ left, top, width, height })
  }
  image = image.resize({ width: rules.maxWidth, withoutEnlargement: true })
  let quality = 88
  for (;;) {
    const out = await image.clone().jpeg({ quality, mozjpeg: false }).toBuffer()
    if (out.length <= rules.maxBytes || quality <= 40) return out
    quality -= 12
  }
}
