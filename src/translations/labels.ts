/** Labels shown in the admin, Indonesian and English. */
export const statusLabels = {
  draft: { id: 'Draf', en: 'Draft' },
  submitted: { id: 'Diserahkan', en: 'Submitted' },
  accepted: { id: 'Diterima', en: 'Accepted' },
  verified: { id: 'Diverifikasi', en: 'Verified' },
  approved: { id: 'Disetujui', en: 'Approved' },
  publishing: { id: 'Sedang diunggah', en: 'Publishing' },
  published: { id: 'Diunggah', en: 'Published' },
  returned: { id: 'Dikembalikan', en: 'Returned' },
  declined: { id: 'Ditolak permanen', en: 'Declined' },
  publish_failed: { id: 'Gagal diunggah', en: 'Publishing failed' },
} as const

export const actionLabels = {
  submit: { id: 'Serahkan', en: 'Submit' },
  accept: { id: 'Terima', en: 'Accept' },
  reject: { id: 'Tolak', en: 'Reject' },
  verify: { id: 'Verifikasi', en: 'Verify' },
  return: { id: 'Kembalikan', en: 'Return' },
  approve: { id: 'Setujui', en: 'Approve' },
  decline: { id: 'Tolak permanen', en: 'Decline' },
  publish: { id: 'Unggah', en: 'Publish' },
  retry: { id: 'Coba lagi', en: 'Retry' },
  confirm: { id: 'Konfirmasi tautan', en: 'Confirm link' },
} as const

export const roleLabels = {
  'tim-pelaksana': { id: 'Tim Pelaksana', en: 'Tim Pelaksana (field team)' },
  'tim-pertimbangan': {
    id: 'Tim Pertimbangan Pelayanan Informasi',
    en: 'Tim Pertimbangan (review team)',
  },
  'ketua-ppid': { id: 'Ketua PPID Pelaksana', en: 'Ketua PPID (PPID head)' },
  'atasan-ppid': { id: 'Atasan PPID Pelaksana', en: "Atasan PPID (PPID head's superior)" },
  'admin-medsos': { id: 'Admin Medsos', en: 'Admin Medsos (social media admin)' },
  admin: { id: 'Administrator sistem', en: 'System administrator' },
} as const

/** A posting target's status (collection `publications`). */
export const publicationStatusLabels = {
  queued: { id: 'Antre', en: 'Queued' },
  prepared: { id: 'Disiapkan', en: 'Prepared' },
  armed: { id: 'Sedang dikirim', en: 'Sending' },
  published: { id: 'Tayang', en: 'Published' },
  failed: { id: 'Gagal', en: 'Failed' },
  unconfirmed: { id: 'Belum pasti', en: 'Unconfirmed' },
} as const

export const notificationKindLabels = {
  queue: { id: 'Menunggu tindakan', en: 'Waiting for action' },
  returned: { id: 'Dikembalikan', en: 'Returned' },
  declined: { id: 'Ditolak permanen', en: 'Declined' },
  publishFailed: { id: 'Unggahan gagal', en: 'Posting failed' },
  overdue: { id: 'Lewat batas waktu', en: 'Overdue' },
  escalation: { id: 'Terlambat > 1 hari', en: 'Late > 1 day' },
} as const
