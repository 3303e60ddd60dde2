// Preloaded (node --import) into processes that always end with an explicit
// process.exit(): `npm run payload …` (Payload's CLI), `npm run register:verify` and the
// tests' child processes (tests/helpers/*). In them the event loop running empty means
// an await never settled: start-up could not complete. Node would exit 13 without a word
// (or 0 for Payload's CLI, which starts without a top-level await: a `migrate` that never
// ran then looked like a success). Say so, and exit 13.
import path from 'node:path'

const name = path.basename(process.argv[1] ?? 'node')
process.once('beforeExit', () => {
  process.stderr.write(
    `\n[${name}] stopped before it finished: the event loop ran empty while an await was still pending ` +
      `(start-up could not complete). Exit code 13.\n`,
  )
  process.exit(13)
})
