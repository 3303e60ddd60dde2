import type { Payload } from 'payload'
import { WORKFLOW_CONTEXT } from '../../src/context.js'
import { makeJpeg } from '../../dev/demoImages.js'
import { plainRichText } from '../../dev/lexical.js'

import { ROLES, type Role, type Status } from '../../src/workflow/model.js'
import type { TestApp } from './app.js'

export const richText = plainRichText

export const PASSWORD = 'test-password-123'

/** One user per role, plus a second field-team member who does not own the fixtures. */
export const ACTORS = [ROLES[0], 'tim-pelaksana-other', ...ROLES.slice(1)] as const
export type ActorName = (typeof ACTORS)[number]

export interface Person {
  id: number
  email: string
  roles: Role[]
  token: string
}

export function roleOfActor(actor: ActorName): Role {
  return actor === 'tim-pelaksana-other' ? 'tim-pelaksana' : actor
}

export async function createPeople(
  app: TestApp,
  actors: readonly ActorName[] = ACTORS,
  tag = '',
): Promise<Record<ActorName, Person>> {
  const people = {} as Record<ActorName, Person>
  for (const actor of actors) {
    const email = `${actor}${tag}@test.lamandaukab.go.id`
    const roles = [roleOfActor(actor)]
    const user = await app.payload.create({
      collection: 'users',
      data: {
        email,
        password: PASSWORD,
        name: `User ${actor}`,
        jabatan: `Jabatan ${actor}`,
        roles,
      } as never,
      overrideAccess: true,
    })
    // Local API login issues the same JWT as POST /api/users/login (tested in access.test.ts);
    // it also works for apps that are not the process's default Payload instance.
    const login = await app.payload.login({
      collection: 'users',
      data: { email, password: PASSWORD },
    })
    people[actor] = { id: user.id as number, email, roles, token: login.token! }
  }
  return people
}

export async function createPhotos(
  payload: Payload,
  owner: Person,
  count: number,
  tag = 'p',
): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < count; i++) {
    const data = await makeJpeg(`${tag}${i}`, i * 40, 320, 240)
    const doc = await payload.create({
      collection: 'media',
      data: { alt: `photo ${i}` } as never,
      file: { data, mimetype: 'image/jpeg', name: `${tag}-${i}.jpg`, size: data.length },
      user: { ...owner, collection: 'users' } as never,
      overrideAccess: false,
    } as never)
    ids.push(doc.id as number)
  }
  return ids
}

export function validContent(photos: number[]) {
  return {
    title: 'Kunjungan kerja Bupati ke Desa Kujan',
    activityDate: new Date().toISOString(),
    location: 'Desa Kujan',
    narrative: richText('Bupati Lamandau meninjau pembangunan jembatan.'),
    caption: 'Bupati meninjau jembatan Desa Kujan 🌉',
    photos,
  }
}

/** A submission put straight into a status (fixture only: bypasses the workflow). */
export async function createSubmissionIn(
  payload: Payload,
  owner: Person,
  status: Status,
  photos: number[],
  extra: Record<string, unknown> = {},
) {
  const now = new Date().toISOString()
  return payload.create({
    collection: 'submissions',
    data: {
      ...validContent(photos),
      status,
      createdBy: owner.id,
      submittedAt: status === 'draft' ? null : now,
      statusChangedAt: now,
      ...extra,
    } as never,
    overrideAccess: true,
    context: { [WORKFLOW_CONTEXT]: true },
  })
}

export async function countRows(
  app: TestApp,
  table: string,
  where = 'true',
  params: unknown[] = [],
): Promise<number> {
  const rows = await app.sql<{ n: string }>(
    `select count(*)::text as n from ${table} where ${where}`,
    params,
  )
  return Number(rows[0]!.n)
}
