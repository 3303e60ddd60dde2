import sharp from 'sharp'

/** A small real JPEG with a coloured background and a label: demo and test photos. */
export async function makeJpeg(label: string, hue = 0, width = 800, height = 600): Promise<Buffer> {
  const colour = `hsl(${hue % 360}, 55%, 45%)`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${colour}"/>
    <text x="50%" y="50%" font-size="${Math.round(height / 10)}" fill="white" text-anchor="middle" font-family="sans-serif">${label
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')}</text>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
}
