/**
 * Our Node processes outside Next.js (Payload's CLI, register:verify, the tests' child
 * processes): start-up cannot silently stop half-way, and a child's end is reported
 * with everything it wrote.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { withNodeFlags } from '../../scripts/node-flags.mjs'
import { nodeFlags, startChild, waitForOutput } from '../helpers/child.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-processes-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const resolveInChild = (flags: string[], env: NodeJS.ProcessEnv) =>
  spawnSync(
    process.execPath,
    [
      ...flags,
      '--input-type=module',
      '-e',
      "for (const m of ['lexical', '@lexical/utils', '@lexical/rich-text']) console.log(import.meta.resolve(m)); process.exit(0)",
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    },
  )

describe("Lexical's builds are resolved directly", () => {
  // Under Node's default conditions Lexical resolves to *.node.mjs wrappers whose
  // top-level `await import()` Node 20 sometimes never settles (exit 13, no output).
  it('a child process of the tests loads the dev build, never the wrapper', () => {
    const run = resolveInChild(nodeFlags({ NODE_ENV: 'test' }), { NODE_ENV: 'test' })
    expect(run.status, run.stderr).toBe(0)
    const urls = run.stdout.trim().split('\n')
    expect(urls).toHaveLength(3)
    for (const url of urls) expect(url).toMatch(/\.dev\.mjs$/)
  })

  it('Payload CLI (npm run payload) in production loads the prod build, through NODE_OPTIONS', () => {
    const env = withNodeFlags({ NODE_ENV: 'production' })
    expect(env.NODE_OPTIONS).toContain('--conditions=production')
    const run = resolveInChild([], env)
    expect(run.status, run.stderr).toBe(0)
    for (const url of run.stdout.trim().split('\n')) expect(url).toMatch(/\.prod\.mjs$/)
  })

  it('without the flags Node picks the wrapper (what the flags are for)', () => {
    const run = resolveInChild([], { NODE_ENV: 'test', NODE_OPTIONS: '' })
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout.trim().split('\n')[0]).toMatch(/\.node\.mjs$/)
  })
})

describe('a start-up that cannot complete fails loudly', () => {
  it('an await that never settles: a message and exit code 13, not a silent exit', async () => {
    const script = path.join(tmp, 'never.mts')
    fs.writeFileSync(
      script,
      "console.log('STARTING')\nawait new Promise(() => {})\nconsole.log('READY')\nprocess.exit(0)\n",
    )
    const child = startChild(script, {})
    const end = await child.closed
    expect(end.code, child.describe(end)).toBe(13)
    expect(end.output).toContain('STARTING')
    expect(end.output).not.toContain('READY')
    expect(end.output).toMatch(
      /never\.mts\] stopped before it finished: the event loop ran empty while an await was still pending/,
    )
  })

  it("Payload's CLI style (no top-level await, the work in a floating promise): exit 13, not 0", () => {
    const script = path.join(tmp, 'floating.mjs')
    fs.writeFileSync(
      script,
      'void (async () => { await new Promise(() => {}); process.exit(0) })()\n',
    )
    const run = spawnSync(process.execPath, [script], {
      env: withNodeFlags({ ...process.env, NODE_OPTIONS: '' }),
      encoding: 'utf8',
    })
    expect(run.status).toBe(13)
    expect(run.stderr).toContain('stopped before it finished')
  })
})

describe('a child process is reported with its exit and all it wrote', () => {
  it('exit code, stdout and stderr, including what was written just before the exit', async () => {
    const script = path.join(tmp, 'noisy.ts')
    // A large last write: it is still in the pipe when the process has exited.
    fs.writeFileSync(
      script,
      "console.log('to stdout')\nconsole.error('to stderr')\nprocess.stderr.write('x'.repeat(200_000) + 'END\\n', () => process.exit(3))\n",
    )
    const child = startChild(script, {})
    const end = await child.closed
    expect(end.code).toBe(3)
    expect(end.signal).toBeNull()
    const message = child.describe(end)
    expect(message).toContain('exited with code 3')
    expect(message).toContain('to stdout')
    expect(message).toContain('to stderr')
    expect(message).toContain('END')
  })

  it('a killed child: the signal', async () => {
    const script = path.join(tmp, 'sleeper.ts')
    fs.writeFileSync(script, "console.log('UP')\nsetInterval(() => {}, 1000)\n")
    const child = startChild(script, {})
    await waitForOutput(child, /UP/)
    child.child.kill('SIGKILL')
    const end = await child.closed
    expect(end.signal).toBe('SIGKILL')
    expect(child.describe(end)).toMatch(/killed by SIGKILL; it wrote:\nUP/)
  })
})
