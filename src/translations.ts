/**
 * The plugin's messages, Indonesian first. Read with req.t('sopMedsos:key', vars).
 * Payload interpolates {{var}}.
 */
export const translations = {
  id: {
    sopMedsos: {
      forbiddenStatus: 'Aksi "{{action}}" tidak dapat dilakukan pada pengajuan berstatus "{{status}}".',
      forbiddenRole: 'Aksi "{{action}}" hanya dapat dilakukan oleh peran {{role}}.',
      forbiddenOwner: 'Hanya Tim Pelaksana yang membuat pengajuan ini yang dapat menyerahkannya.',
      forbiddenOwnContent: 'Pembuat pengajuan tidak boleh menilai atau menyetujui kontennya sendiri (pemisahan tugas).',
      forbiddenSeparation: 'Anda sudah bertindak pada tahap {{stage}} untuk pengajuan ini; satu orang tidak boleh bertindak di dua tahap (pemisahan tugas).',
      forbiddenServerField: 'Kolom "{{field}}" hanya diubah oleh alur kerja dan tidak dapat diisi langsung.',
      noteRequired: 'Aksi "{{action}}" wajib disertai tanggapan tertulis (catatan).',
      webhookUrl: 'URL webhook harus diawali http:// atau https://.',
      mediaInRecord: 'Berkas ini bagian dari pengajuan yang sudah diserahkan (arsip SOP); tidak dapat diganti atau dihapus oleh siapa pun.',
      noAccounts: 'Belum ada akun media sosial yang aktif; tambahkan di "Akun Media Sosial" terlebih dahulu.',
      confirmNeedsTarget: 'Konfirmasi memerlukan target unggahan (publication) dari pengajuan ini dan tautan unggahan (http/https).',
      confirmTargetDone: 'Target unggahan ini sudah tayang atau masih diproses; yang dapat dikonfirmasi hanya target yang gagal, belum pasti, atau menunggu unggah manual.',
      nothingToRetry: 'Tidak ada target gagal yang dapat dicoba lagi. Target "belum pasti" harus diperiksa dan dikonfirmasi, bukan dikirim ulang (agar tidak tayang dua kali).',
      unknownAction: 'Aksi "{{action}}" tidak dikenal.',
      submissionNotFound: 'Pengajuan tidak ditemukan.',
      rulesBroken: 'Pengajuan belum memenuhi ketentuan SOP: {{rules}}',
      ruleMinPhotos: 'minimal {{min}} foto (saat ini {{actual}})',
      rulePhotosNotImages: 'lampiran foto harus berupa gambar yang sah (bukan gambar: {{ids}})',
      ruleNarrativeRequired: 'narasi berita wajib diisi',
      ruleCaptionRequired: 'caption wajib diisi',
      ruleCaptionTooLong: 'caption maksimal {{max}} karakter (saat ini {{actual}})',
      ruleTitleRequired: 'judul wajib diisi',
      captionTooLong: 'Caption maksimal {{max}} karakter (saat ini {{actual}}).',
      nipInvalid: 'NIP harus terdiri dari 18 angka.',
      notAnImage: 'Berkas "{{filename}}" bukan gambar yang dapat dibaca.',
      rolesSelf: 'Anda tidak dapat mengubah peran Anda sendiri.',
    },
  },
  en: {
    sopMedsos: {
      forbiddenStatus: 'The action "{{action}}" is not allowed on a submission with status "{{status}}".',
      forbiddenRole: 'The action "{{action}}" may only be taken by the role {{role}}.',
      forbiddenOwner: 'Only the Tim Pelaksana member who created this submission may submit it.',
      forbiddenOwnContent: 'The creator of a submission may not review or approve their own content (separation of duties).',
      forbiddenSeparation: 'You already acted at the {{stage}} stage of this submission; one person may not act at two stages (separation of duties).',
      forbiddenServerField: 'The field "{{field}}" is changed only by the workflow and cannot be set directly.',
      noteRequired: 'The action "{{action}}" requires a written response (note).',
      webhookUrl: 'The webhook URL must start with http:// or https://.',
      mediaInRecord: 'This file belongs to a submission that was handed in (part of the SOP record); nobody can replace or delete it.',
      noAccounts: 'No social media account is enabled; add one under "Social accounts" first.',
      confirmNeedsTarget: 'Confirm needs a posting target (publication) of this submission and the post URL (http/https).',
      confirmTargetDone: 'This target is already published or still running; only failed, unconfirmed or manual targets can be confirmed.',
      nothingToRetry: 'There is no failed target to retry. Unconfirmed targets must be checked and confirmed, not sent again (so nothing is posted twice).',
      unknownAction: 'Unknown action "{{action}}".',
      submissionNotFound: 'Submission not found.',
      rulesBroken: 'The submission does not meet the SOP rules: {{rules}}',
      ruleMinPhotos: 'at least {{min}} photos (now {{actual}})',
      rulePhotosNotImages: 'photo attachments must be valid images (not images: {{ids}})',
      ruleNarrativeRequired: 'a news narrative is required',
      ruleCaptionRequired: 'a caption is required',
      ruleCaptionTooLong: 'caption at most {{max}} characters (now {{actual}})',
      ruleTitleRequired: 'a title is required',
      captionTooLong: 'Caption at most {{max}} characters (now {{actual}}).',
      nipInvalid: 'NIP must be exactly 18 digits.',
      notAnImage: 'The file "{{filename}}" is not a readable image.',
      rolesSelf: 'You cannot change your own roles.',
    },
  },
}

export type SopMessageKey = keyof (typeof translations)['en']['sopMedsos']

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
  'tim-pertimbangan': { id: 'Tim Pertimbangan Pelayanan Informasi', en: 'Tim Pertimbangan (review team)' },
  'ketua-ppid': { id: 'Ketua PPID Pelaksana', en: 'Ketua PPID (PPID head)' },
  'atasan-ppid': { id: 'Atasan PPID Pelaksana', en: "Atasan PPID (PPID head's superior)" },
  'admin-medsos': { id: 'Admin Medsos', en: 'Admin Medsos (social media admin)' },
  admin: { id: 'Administrator sistem', en: 'System administrator' },
} as const
