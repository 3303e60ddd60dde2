/**
 * Benchmark 5 — concurrency: 50 simulated staff at once for a fixed time: 12 teams of
 * four (field team → review team → Ketua PPID → Atasan PPID) each walking submissions
 * through the flow, and 2 Admin Medsos reading their queue. Completed actions per
 * second, errors (must be zero), and the register still gap-free with an intact chain.
 */
import type { Payload } from 'payload'
import { createLocalReq } from 'payload'
import { queueOf } from '../src/admin/workbench.js'
import { verifyRegisterInDatabase } from '../src/register/chain.js'
import { plainRichText } from '../dev/lexical.js'

export async function staffBench(
  payload: Payload,
  databaseUri: string,
  photos: Buffer[],
  seconds: number,
) {
  const teams = 12
  const roles = ['tim-pelaksana', 'tim-pertimbangan', 'ketua-ppid', 'atasan-ppid'] as const
  const people: Record<string, { id: number | string; roles: string[] }>[] = []
  for (let t = 0; t < teams; t++) {
    const team: Record<string, { id: number | string; roles: string[] }> = {}
    for (const role of roles) {
      const u = await payload.create({
        collection: 'users',
        data: {
          email: `${role}.${t}@staff.bench`,
          password: 'bench-password',
          name: `${role} ${t}`,
          roles: [role],
        } as never,
        overrideAccess: true,
      })
      team[role] = { id: u.id, roles: [role] }
    }
    people.push(team)
  }
  const readers = await Promise.all(
    [0, 1].map((i) =>
      payload.create({
        collection: 'users',
        data: {
          email: `medsos.${i}@staff.bench`,
          password: 'bench-password',
          name: `medsos ${i}`,
          roles: ['admin-medsos'],
        } as never,
        overrideAccess: true,
      }),
    ),
  )
  const as = (u: { id: number | string; roles: string[] }) => ({
    user: { ...u, collection: 'users' } as never,
    overrideAccess: false,
  })
  // Each field-team member uploads its own four photos once.
  const owned: (number | string)[][] = []
  for (const team of people) {
    const ids: (number | string)[] = []
    for (const [i, data] of photos.entries()) {
      const m = await payload.create({
        collection: 'media',
        data: { alt: `foto ${i}` } as never,
        file: { data, mimetype: 'image/jpeg', name: `staff-${i}.jpg`, size: data.length },
        ...as(team['tim-pelaksana']!),
      } as never)
      ids.push(m.id)
    }
    owned.push(ids)
  }
  let actions = 0
  let reads = 0
  const errors: string[] = []
  const until = Date.now() + seconds * 1000
  const team = async (t: number) => {
    const p = people[t]!
    while (Date.now() < until) {
      try {
        const s = await payload.create({
          collection: 'submissions',
          data: {
            title: `Kegiatan tim ${t}`,
            activityDate: new Date().toISOString(),
            narrative: plainRichText('Narasi.'),
            caption: 'Caption',
            photos: owned[t],
          } as never,
          ...as(p['tim-pelaksana']!),
        } as never)
        actions++
        for (const [role, action] of [
          ['tim-pelaksana', 'submit'],
          ['tim-pertimbangan', 'accept'],
          ['ketua-ppid', 'verify'],
          ['atasan-ppid', 'approve'],
        ] as const) {
          await payload.create({
            collection: 'reviews',
            data: { submission: s.id, action } as never,
            ...as(p[role]!),
          } as never)
          actions++
        }
      } catch (e) {
        errors.push((e as Error).message)
      }
    }
  }
  const reader = async (i: number) => {
    const req = await createLocalReq(
      { user: { ...readers[i], collection: 'users', roles: ['admin-medsos'] } as never },
      payload,
    )
    while (Date.now() < until) {
      try {
        await queueOf(req)
        reads++
      } catch (e) {
        errors.push((e as Error).message)
      }
    }
  }
  const started = performance.now()
  await Promise.all([...Array.from({ length: teams }, (_, t) => team(t)), reader(0), reader(1)])
  const elapsed = (performance.now() - started) / 1000
  const verdict = await verifyRegisterInDatabase(databaseUri)
  const seqs = (
    await payload.find({
      collection: 'register',
      pagination: false,
      depth: 0,
      select: { sequence: true },
      overrideAccess: true,
    })
  ).docs
    .map((d) => Number((d as { sequence: number }).sequence))
    .sort((a, b) => a - b)
  const gapFree = seqs.every((s, i) => s === i + 1)
  console.log(
    `\n### 5. Concurrency: ${teams * 4 + 2} simulated staff for ${seconds} s (${teams} teams of 4 + 2 readers)\n`,
  )
  console.log(
    '| completed actions | actions/s | queue reads | reads/s | errors | register entries | gap-free | hash chain |\n|---|---|---|---|---|---|---|---|',
  )
  console.log(
    `| ${actions} | ${(actions / elapsed).toFixed(1)} | ${reads} | ${(reads / elapsed).toFixed(1)} | ${errors.length} | ${seqs.length} | ${gapFree ? 'yes' : 'NO'} | ${verdict.ok ? 'intact' : 'BROKEN'} |`,
  )
  if (errors.length) console.log(`\nErrors (first 5): ${errors.slice(0, 5).join(' / ')}`)
}
