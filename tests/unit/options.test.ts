import { describe, expect, it } from 'vitest'
import { sopMedsosPlugin } from '../../src/index.js'
import { parseOptions } from '../../src/options.js'

describe('plugin options (zod)', () => {
  it('has the SOP defaults', () => {
    expect(parseOptions({})).toMatchObject({
      stages: ['tim-pertimbangan', 'ketua-ppid', 'atasan-ppid'],
      minPhotos: 4,
      captionMaxLength: 200,
      timeZone: 'Asia/Jakarta',
      registerNumberFormat: '{seq:4}/REG-MEDSOS/{monthRoman}/{year}',
      usersCollection: 'users',
      mediaCollection: 'media',
    })
  })

  it.each([
    [{ minPhotos: 0 }, 'minPhotos'],
    [{ captionMaxLength: 'dua ratus' }, 'captionMaxLength'],
    [{ timeZone: 'Asia/Lamandau' }, 'timeZone'],
    [{ stages: ['ketua-ppid'] }, 'stages'],
    [{ stages: ['tim-pertimbangan', 'bupati'] }, 'stages.1'],
    [{ registerNumberFormat: 'REG/{year}' }, 'registerNumberFormat'],
    [{ minFotos: 4 }, '(options)'],
  ])('fails start-up on %j, naming the option', (input, name) => {
    expect(() => sopMedsosPlugin(input as never)).toThrow(`option "${name}"`)
  })

  it('adds its collections and keeps the consumer’s', () => {
    const config = sopMedsosPlugin({ stages: ['tim-pertimbangan'] })({
      collections: [{ slug: 'pages', fields: [{ name: 'title', type: 'text' }] }],
    } as never)
    expect(config.collections!.map((c) => c.slug)).toEqual([
      'users',
      'media',
      'pages',
      'submissions',
      'reviews',
      'register',
      'social-accounts',
      'publications',
      'approval-sheets',
      'notifications',
    ])
    expect(config.admin?.user).toBe('users')
  })

  it('extends a consumer’s own users collection instead of replacing it', () => {
    const config = sopMedsosPlugin({ usersCollection: 'staff' })({
      collections: [{ slug: 'staff', auth: true, fields: [{ name: 'phone', type: 'text' }] }],
    } as never)
    const staff = config.collections!.find((c) => c.slug === 'staff')!
    expect(staff.fields.map((f) => ('name' in f ? f.name : ''))).toEqual([
      'phone',
      'email',
      'name',
      'nip',
      'jabatan',
      'roles',
      'deactivated',
    ])
    const submissions = config.collections!.find((c) => c.slug === 'submissions')!
    const createdBy = submissions.fields.find((f) => 'name' in f && f.name === 'createdBy') as {
      relationTo: string
    }
    expect(createdBy.relationTo).toBe('staff')
  })
})
