// Turbopack loader for `npm run dev`: the sources import `./x.js` for `x.ts` (NodeNext
// style, as `tsc` and `tsx` expect), which Turbopack does not resolve (webpack does, via
// `resolve.extensionAlias` in next.config.mjs). Rewrites each relative `…/x.js` specifier
// whose `x.js` does not exist but `x.ts` / `x.tsx` does to that file, before Turbopack
// compiles the module. Real `.js` files are left alone.
const fs = require('node:fs')
const path = require('node:path')

const SPECIFIER = /(['"])(\.{1,2}\/[^'"\n]+?)\.js\1/g

module.exports = function tsJsExtensionLoader(source) {
  const dir = path.dirname(this.resourcePath)
  return source.replace(SPECIFIER, (whole, quote, stem) => {
    if (fs.existsSync(path.resolve(dir, `${stem}.js`))) return whole
    for (const ext of ['.ts', '.tsx']) {
      if (fs.existsSync(path.resolve(dir, `${stem}${ext}`))) return `${quote}${stem}${ext}${quote}`
    }
    return whole
  })
}
