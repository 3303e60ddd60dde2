/**
 * The tests' child processes (tests/helpers/actor.ts, worker.ts, jobsWorker.ts): started
 * with the flags of scripts/node-flags.mjs (Lexical's builds resolved directly, and a
 * start-up that cannot complete exits 13 with a message), everything the child writes
 * (stdout and stderr, in order of arrival) kept, and its end reported only after
 * 'close': by then the pipes have delivered all of it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { nodeFlags as scriptFlags } from '../../scripts/node-flags.mjs'

const ROOT = path.resolve(import.meta.dirname, '../..')

export interface ChildEnd {
  code: number | null
  signal: NodeJS.Signals | null
  output: string
}

export interface Child {
  child: ChildProcess
  /** What the child wrote so far (stdout and stderr). */
  output: () => string
  /** Resolves once the child has exited and its pipes have closed. */
  closed: Promise<ChildEnd>
  /** True once the child has exited or was killed (its output may still be arriving). */
  ended: () => boolean
  /** "exited with code 13" / "killed by SIGKILL", then everything it wrote. */
  describe: (end: ChildEnd) => string
}

/** scripts/node-flags.mjs's flags, then tsx. */
export function nodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return [...scriptFlags(env), '--import', 'tsx']
}

export function describeEnd(name: string, end: ChildEnd): string {
  const how = end.signal ? `killed by ${end.signal}` : `exited with code ${end.code}`
  return `${name} ${how}; it wrote${end.output.length ? `:\n${end.output}` : ' nothing'}`
}

export function startChild(
  script: string,
  env: Record<string, string>,
  opts: { stdin?: 'pipe' | 'ignore' } = {},
): Child {
  const fullEnv = { ...process.env, ...env }
  const child = spawn(process.execPath, [...nodeFlags(fullEnv), script], {
    cwd: ROOT,
    env: fullEnv,
    stdio: [opts.stdin ?? 'ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const closed = new Promise<ChildEnd>((resolve) => {
    child.once('error', (error) => {
      out += `\n[spawn error] ${error.message}`
    })
    child.once('close', (code, signal) => resolve({ code, signal, output: out }))
  })
  return {
    child,
    output: () => out,
    closed,
    ended: () => child.exitCode !== null || child.signalCode !== null,
    describe: (end) => describeEnd(script, end),
  }
}

/** Resolves when `pattern` appears in the child's output; rejects with its exit and full output if it ends first. */
export function waitForOutput(c: Child, pattern: RegExp, timeoutMs = 180_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false
    const finish = (fn: () => void) => {
      if (done) return
      done = true
      clearTimeout(timer)
      c.child.stdout!.off('data', check)
      c.child.stderr!.off('data', check)
      fn()
    }
    const check = () => {
      if (pattern.test(c.output())) finish(resolve)
    }
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new Error(
              `no ${pattern} from the child within ${timeoutMs} ms; it wrote:\n${c.output()}`,
            ),
          ),
        ),
      timeoutMs,
    )
    c.child.stdout!.on('data', check)
    c.child.stderr!.on('data', check)
    check()
    void c.closed.then((end) => {
      if (pattern.test(end.output)) finish(resolve)
      else finish(() => reject(new Error(c.describe(end))))
    })
  })
}
