// The demo app's config lives in dev/ (as in Payload's plugin template); this file lets
// Payload's CLI (`npm run payload -- migrate`, `generate:importmap`, …) find it from the
// repository root.
export { default } from './dev/payload.config.js'
