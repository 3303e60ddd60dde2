/**
 * First start of the demo app: one user per role (passwords printed) and a few
 * submissions in different statuses, driven through the real workflow (reviews).
 */
import type { Payload, PayloadRequest } from 'payload'
import { WORKFLOW_CONTEXT } from 'payload-plugin-sop-medsos'
import { makeJpeg } from './demoImages.js'
import { FAKE_TOKEN, FAKE_WEBHOOK_SECRET } from './fakeForDev.js'
import { plainRichText as paragraph } from './lexical.js'

export const DEMO_PASSWORD = 'demo-lamandau'

export const DEMO_USERS = [
  {
    email: 'admin@lamandaukab.go.id',
    name: 'Admin Sistem',
    roles: ['admin'],
    jabatan: 'Pranata Komputer',
  },
  {
    email: 'pelaksana@lamandaukab.go.id',
    name: 'Rina Pelaksana',
    roles: ['tim-pelaksana'],
    jabatan: 'Pranata Humas',
  },
  {
    email: 'pertimbangan@lamandaukab.go.id',
    name: 'Budi Pertimbangan',
    roles: ['tim-pertimbangan'],
    jabatan: 'Analis Informasi',
  },
  {
    email: 'ketua.ppid@lamandaukab.go.id',
    name: 'Sari Ketua PPID',
    roles: ['ketua-ppid'],
    jabatan: 'Kepala Bidang IKP',
    nip: '197805122005012003',
  },
  {
    email: 'atasan.ppid@lamandaukab.go.id',
    name: 'Agus Atasan PPID',
    roles: ['atasan-ppid'],
    jabatan: 'Kepala Dinas Kominfostandi',
    nip: '197001011995031001',
  },
  {
    email: 'admin.medsos@lamandaukab.go.id',
    name: 'Dewi Admin Medsos',
    roles: ['admin-medsos'],
    jabatan: 'Pengelola Media Sosial',
  },
] as const

export async function seedDemo(
  payload: Payload,
  opts: { fakeAccounts?: string } = {},
): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return
  const users: Record<string, { id: number | string }> = {}
  for (const u of DEMO_USERS) {
    users[u.roles[0]] = await payload.create({
      collection: 'users',
      data: { ...u, roles: [...u.roles], password: DEMO_PASSWORD } as never,
      overrideAccess: true,
    })
  }
  const as = (role: string) =>
    ({ user: { ...users[role], collection: 'users' } }) as unknown as Partial<PayloadRequest>
  const makePhotos = async (tag: string, hue: number) => {
    const made = []
    for (let i = 0; i < 4; i++) {
      const data = await makeJpeg(`Foto ${i + 1}`, hue + i * 80)
      made.push(
        await payload.create({
          collection: 'media',
          data: { alt: `Dokumentasi kegiatan, foto ${i + 1}` } as never,
          file: { data, mimetype: 'image/jpeg', name: `${tag}-${i + 1}.jpg`, size: data.length },
          user: users['tim-pelaksana'],
          overrideAccess: false,
        } as never),
      )
    }
    return made
  }
  const photos = await makePhotos('demo', 0)
  const today = new Date()
  const plan: { title: string; steps: [string, string, string?][]; publish?: boolean }[] = [
    {
      title: 'Pelantikan pengurus PPID pembantu',
      steps: [
        ['submit', 'tim-pelaksana'],
        ['accept', 'tim-pertimbangan'],
        ['verify', 'ketua-ppid'],
        ['approve', 'atasan-ppid'],
      ],
      publish: true,
    },
    { title: 'Rapat koordinasi penanganan stunting', steps: [] },
    {
      title: 'Penyerahan bantuan bibit karet di Kecamatan Bulik',
      steps: [['submit', 'tim-pelaksana']],
    },
    {
      title: 'Sosialisasi keterbukaan informasi publik',
      steps: [
        ['submit', 'tim-pelaksana'],
        ['accept', 'tim-pertimbangan'],
      ],
    },
    {
      title: 'Peresmian jembatan Desa Kujan',
      steps: [
        ['submit', 'tim-pelaksana'],
        ['accept', 'tim-pertimbangan'],
        ['verify', 'ketua-ppid'],
      ],
    },
    {
      title: 'Festival budaya Babukung',
      steps: [
        ['submit', 'tim-pelaksana'],
        ['accept', 'tim-pertimbangan'],
        ['verify', 'ketua-ppid'],
        ['approve', 'atasan-ppid'],
      ],
    },
    {
      title: 'Gotong royong bersih sungai Lamandau',
      steps: [
        ['submit', 'tim-pelaksana'],
        [
          'reject',
          'tim-pertimbangan',
          'Foto kurang jelas; mohon ganti foto ke-3 dan perbaiki caption.',
        ],
      ],
    },
  ]
  for (const item of plan) {
    const submission = await payload.create({
      collection: 'submissions',
      data: {
        title: item.title,
        activityDate: today.toISOString(),
        location: 'Nanga Bulik, Kabupaten Lamandau',
        narrative: paragraph(
          `${item.title}. Kegiatan ini dihadiri oleh perangkat daerah dan masyarakat setempat.`,
        ),
        caption: `${item.title} #LamandauBangkit`,
        photos: (item.publish ? await makePhotos('berita', 200) : photos).map((p) => p.id),
      } as never,
      ...as('tim-pelaksana'),
      overrideAccess: false,
    } as never)
    for (const [action, role, note] of item.steps) {
      await payload.create({
        collection: 'reviews',
        data: { submission: submission.id, action, note } as never,
        ...as(role),
        overrideAccess: false,
      } as never)
    }
    if (item.publish) {
      // Shown on the public page (/berita) from the first start. Marked as uploaded
      // directly, the way a manual upload by the Admin Medsos ends.
      const now = new Date().toISOString()
      await payload.update({
        collection: 'submissions',
        id: submission.id,
        data: { status: 'published', publishedAt: now, statusChangedAt: now } as never,
        overrideAccess: true,
        context: { [WORKFLOW_CONTEXT]: true },
      })
    }
  }
  if (opts.fakeAccounts) {
    // The demo's accounts post to the local fake platform server.
    const base = opts.fakeAccounts
    const accounts = [
      {
        label: 'Facebook Pemkab Lamandau (demo)',
        platform: 'facebook',
        accountId: 'lamandau-page',
        accessToken: FAKE_TOKEN,
      },
      {
        label: 'Instagram @pemkablamandau (demo)',
        platform: 'instagram',
        accountId: 'lamandau-ig',
        accessToken: FAKE_TOKEN,
      },
      {
        label: 'X @pemkablamandau (demo)',
        platform: 'x',
        accountId: '@pemkablamandau',
        accessToken: FAKE_TOKEN,
      },
      {
        label: 'Portal berita Pemda (demo webhook)',
        platform: 'webhook',
        url: `${base}/webhook/portal`,
        secret: FAKE_WEBHOOK_SECRET,
      },
    ]
    for (const data of accounts) {
      await payload.create({
        collection: 'social-accounts',
        data: data as never,
        ...as('admin-medsos'),
        overrideAccess: false,
      } as never)
    }
  }
  const lines = DEMO_USERS.map(
    (u) => `  ${u.roles[0].padEnd(17)} ${u.email.padEnd(34)} ${DEMO_PASSWORD}`,
  )
  payload.logger.info(`Demo users created (role, email, password):\n${lines.join('\n')}`)
}
