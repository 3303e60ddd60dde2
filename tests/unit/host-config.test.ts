/**
 * Issue 14 §2, at start-up: what an app's own collections may not bring (a field the SOP
 * relies on, under the same name) and what `overrides` may not take away. Each is a
 * clear error naming the field, before any request is served.
 */
import type { CollectionConfig, Config } from 'payload'
import { describe, expect, it } from 'vitest'
import { sopMedsosPlugin, type SopMedsosOptions } from '../../src/index.js'

const apply = (collections: CollectionConfig[], options: SopMedsosOptions = {}) =>
  sopMedsosPlugin(options)({ secret: 'unit-secret', collections } as Config)
const users = (fields: CollectionConfig['fields']): CollectionConfig => ({
  slug: 'users',
  auth: true,
  fields,
})
const media = (fields: CollectionConfig['fields']): CollectionConfig => ({
  slug: 'media',
  upload: true,
  access: { read: () => true },
  fields,
})

describe("an app's users and media collections", () => {
  it('a `roles` field of another plugin stops start-up, naming it', () => {
    expect(() =>
      apply([users([{ name: 'roles', type: 'select', hasMany: true, options: ['editor'] }])]),
    ).toThrow(/"users" collection already has a field "roles"/)
  })

  it('…also inside a row or an unnamed tab', () => {
    expect(() =>
      apply([users([{ type: 'row', fields: [{ name: 'deactivated', type: 'checkbox' }] }])]),
    ).toThrow(/field "deactivated"/)
    expect(() =>
      apply([
        users([
          { type: 'tabs', tabs: [{ label: 'A', fields: [{ name: 'roles', type: 'text' }] }] },
        ]),
      ]),
    ).toThrow(/field "roles"/)
  })

  it('an app’s text `name` and `jabatan` stand in for the plugin’s', () => {
    const config = apply([
      users([
        { name: 'name', type: 'text' },
        { name: 'jabatan', type: 'text' },
      ]),
    ])
    const fields = config
      .collections!.find((c) => c.slug === 'users')!
      .fields.map((f) => ('name' in f ? f.name : ''))
    expect(fields.filter((n) => n === 'name')).toHaveLength(1)
    expect(fields).toContain('roles')
  })

  it('a media field the SOP sets (`isPublic`, `sopFile`, `recordedAt`…) stops start-up', () => {
    for (const name of ['isPublic', 'sopFile', 'recordedAt', 'uploadedBy', 'sha256']) {
      expect(() => apply([media([{ name, type: 'checkbox' }])]), name).toThrow(
        new RegExp(`"media" collection already has a field "${name}"`),
      )
    }
  })

  it('the app’s media read rule is composed, never kept as `true`', async () => {
    const config = apply([media([{ name: 'alt', type: 'text', required: true }])])
    const read = config.collections!.find((c) => c.slug === 'media')!.access!.read!
    const anonymous = await read({ req: { user: null } } as never)
    expect(anonymous).toEqual({
      or: [{ sopFile: { not_equals: true } }, { isPublic: { equals: true } }],
    })
  })
})

describe('overrides of the plugin’s collections', () => {
  it('adds fields, admin settings and hooks after the plugin’s', () => {
    const hook = () => undefined
    const config = apply([], {
      overrides: {
        submissions: {
          fields: ({ defaultFields }) => [...defaultFields, { name: 'kecamatan', type: 'text' }],
          admin: { description: 'x' },
          hooks: { afterChange: [hook] },
        },
        reviews: { labels: { singular: 'Tanggapan', plural: 'Tanggapan' } },
      },
    })
    const submissions = config.collections!.find((c) => c.slug === 'submissions')!
    expect(submissions.fields.map((f) => ('name' in f ? f.name : '')).at(-1)).toBe('kecamatan')
    expect(submissions.admin?.description).toBe('x')
    expect(submissions.admin?.useAsTitle).toBe('title')
    expect(submissions.hooks?.afterChange?.at(-1)).toBe(hook)
    expect(submissions.hooks!.afterChange!.length).toBeGreaterThan(1)
    expect(config.collections!.find((c) => c.slug === 'reviews')!.labels?.singular).toBe(
      'Tanggapan',
    )
  })

  it('dropping or replacing a field of the plugin stops start-up, naming it', () => {
    expect(() =>
      apply([], {
        overrides: {
          submissions: {
            fields: ({ defaultFields }) =>
              defaultFields.filter((f) => !('name' in f) || f.name !== 'status'),
          },
        },
      }),
    ).toThrow(/missing or replaced: status/)
    expect(() =>
      apply([], {
        overrides: {
          reviews: {
            fields: ({ defaultFields }) =>
              defaultFields.map((f) =>
                'name' in f && f.name === 'action' ? { ...f, access: {} } : f,
              ) as never,
          },
        },
      }),
    ).toThrow(/missing or replaced: action/)
  })

  it('the slug and access cannot be overridden at all (unknown keys are refused)', () => {
    expect(() =>
      apply([], { overrides: { submissions: { access: { read: () => true } } as never } }),
    ).toThrow(/invalid options/)
    expect(() => apply([], { overrides: { submissions: { slug: 'x' } as never } })).toThrow(
      /invalid options/,
    )
  })
})
