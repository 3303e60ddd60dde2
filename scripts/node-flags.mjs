// Node flags for our own Node processes that load the Payload config outside Next.js
// (Payload's CLI, register:verify, the benchmarks, the tests' child processes).
//
// --conditions: Lexical's packages resolve, under Node's default conditions, to
// `*.node.mjs` wrappers that pick the dev or prod build with a top-level
// `await import(…)`. Node 20 sometimes never settles a graph of several such wrappers
// loading at once (the importing await stays pending, the event loop runs empty, exit
// 13 without output); measured: `import '@payloadcms/richtext-lexical'` exits 13 in 9 of
// 10 runs. With the `development`/`production` condition Node resolves straight to the
// build the wrapper would have chosen (by NODE_ENV), and no wrapper is loaded.
//
// --import exit-guard.mjs: if start-up still cannot complete, say so and exit non-zero.
import { pathToFileURL } from 'node:url'
import path from 'node:path'

export const EXIT_GUARD = pathToFileURL(path.join(import.meta.dirname, 'exit-guard.mjs')).href

export function buildCondition(env = process.env) {
  return env.NODE_ENV === 'production' ? 'production' : 'development'
}

export function nodeFlags(env = process.env) {
  return [`--conditions=${buildCondition(env)}`, `--import=${EXIT_GUARD}`]
}

/** NODE_OPTIONS for a command started through its own launcher (Payload's CLI). */
export function withNodeFlags(env) {
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, ...nodeFlags(env)].filter(Boolean).join(' ') }
}
