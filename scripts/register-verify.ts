#!/usr/bin/env node
// `npm run register:verify`: walks the register's whole hash chain in the database
// (DATABASE_URI, or the embedded one) and prints OK or the first entry that breaks it.
import { verifyRegisterInDatabase } from '../src/register/chain.js'

const uri = process.env.DATABASE_URI
if (!uri) {
  console.error('DATABASE_URI is not set')
  process.exit(2)
}
const verdict = await verifyRegisterInDatabase(uri)
if (verdict.ok) {
  console.log(`OK: ${verdict.entries} register entries, hash chain intact / rantai hash utuh`)
  process.exit(0)
}
const what =
  verdict.problem === 'link'
    ? 'does not link to the entry before it (previousHash)'
    : 'was changed after it was written (hash mismatch)'
console.error(
  `BROKEN at chain position ${verdict.index + 1}, Nomor Register ${verdict.number}: the entry ${what}`,
)
process.exit(1)
