/**
 * The plugin's messages in Indonesian, the agency's language and the reference: every
 * other language must have exactly these keys (src/translations/types.ts).
 * Payload interpolates {{var}}.
 */
export const id = {
  // @payloadcms/richtext-lexical ships no Indonesian: the narrative editor's own words.
  lexical: {
    general: {
      placeholder: "Mulai mengetik, atau tekan '/' untuk perintah...",
      slashMenuBasicGroupLabel: 'Dasar',
      slashMenuListGroupLabel: 'Daftar',
      toolbarItemsActive: 'Aktif',
    },
  },
  sopMedsos: {
    // A posting target's explanation, from its stored class and the platform's detail.
    publicationError_transient:
      'Platform sedang sibuk atau tidak dapat dihubungi; sudah dicoba beberapa kali. Coba lagi nanti dengan tombol "Coba lagi".',
    publicationError_reconnect:
      'Akses ke akun ini tidak berlaku lagi (token kedaluwarsa atau izin dicabut). Sambungkan ulang akun di "Akun Media Sosial", lalu coba lagi.',
    publicationError_content: 'Platform menolak konten ini: {{detail}}',
    publicationError_policy:
      'Platform menahan unggahan (batas harian atau kebijakan): {{detail}}. Periksa akun, lalu coba lagi nanti.',
    publicationError_integrity:
      'Tidak diunggah: berkas atau konten tidak lagi sama dengan versi yang disetujui (hash SHA-256 berbeda dari Lembar Persetujuan dan Register). {{detail}}. Periksa berkas di penyimpanan; konten yang berubah harus melalui persetujuan ulang.',
    publicationError_blocked:
      'Alamat tujuan ditolak sebelum dihubungi ({{detail}}): alamat internal, privat, loopback atau metadata tidak boleh dituju. Perbaiki URL akun, atau minta administrator menambahkannya ke publishing.allowPrivateHosts bila memang portal intranet.',
    publicationError_unknown:
      'Tidak diketahui apakah unggahan berhasil (jawaban platform hilang). Periksa akun; jika sudah tayang, isi tautannya dengan "Konfirmasi".',
    publicationError_manual:
      'Menunggu diunggah manual oleh Admin Medsos, lalu dikonfirmasi dengan tautannya.',
    forbiddenStatus:
      'Aksi "{{action}}" tidak dapat dilakukan pada pengajuan berstatus "{{status}}".',
    forbiddenRole: 'Aksi "{{action}}" hanya dapat dilakukan oleh peran {{role}}.',
    forbiddenOwner: 'Hanya Tim Pelaksana yang membuat pengajuan ini yang dapat menyerahkannya.',
    forbiddenOwnContent:
      'Pembuat pengajuan tidak boleh menilai atau menyetujui kontennya sendiri (pemisahan tugas).',
    forbiddenSeparation:
      'Anda sudah bertindak pada tahap {{stage}} untuk pengajuan ini; satu orang tidak boleh bertindak di dua tahap (pemisahan tugas).',
    forbiddenServerField:
      'Kolom "{{field}}" hanya diubah oleh alur kerja dan tidak dapat diisi langsung.',
    noteRequired: 'Aksi "{{action}}" wajib disertai tanggapan tertulis (catatan).',
    webhookUrl: 'URL webhook harus diawali http:// atau https://.',
    mediaInRecord:
      'Berkas ini bagian dari pengajuan yang sudah diserahkan (arsip SOP); tidak dapat diganti atau dihapus oleh siapa pun.',
    mediaFileFacts:
      'Kolom "{{field}}" ditentukan oleh berkas yang diunggah dan tidak dapat diubah langsung.',
    mediaNotOwn:
      'Hanya berkas yang Anda unggah sendiri yang dapat dilampirkan pada pengajuan (berkas {{ids}} diunggah orang lain).',
    mediaFileRequired:
      'Unggah berkasnya sendiri; berkas tidak diambil dari URL atau dari berkas lain di server.',
    noAccounts:
      'Belum ada akun media sosial yang aktif; tambahkan di "Akun Media Sosial" terlebih dahulu.',
    confirmNeedsTarget:
      'Konfirmasi memerlukan target unggahan (publication) dari pengajuan ini dan tautan unggahan (http/https).',
    confirmTargetDone:
      'Target unggahan ini sudah tayang atau masih diproses; yang dapat dikonfirmasi hanya target yang gagal, belum pasti, atau menunggu unggah manual.',
    nothingToRetry:
      'Tidak ada target gagal yang dapat dicoba lagi. Target "belum pasti" harus diperiksa dan dikonfirmasi, bukan dikirim ulang (agar tidak tayang dua kali).',
    unknownAction: 'Aksi "{{action}}" tidak dikenal.',
    submissionNotFound: 'Pengajuan tidak ditemukan.',
    rulesBroken: 'Pengajuan belum memenuhi ketentuan SOP: {{rules}}',
    editStatus:
      'Konten pengajuan berstatus "{{status}}" tidak dapat Anda ubah (statusnya mungkin baru saja berubah); muat ulang halaman.',
    editOwnContent:
      'Pembuat pengajuan tidak boleh mengoreksi kontennya sendiri sebagai Ketua PPID (pemisahan tugas).',
    editSeparation:
      'Anda sudah bertindak pada tahap {{stage}} untuk pengajuan ini; Anda tidak boleh mengoreksinya sebagai Ketua PPID (pemisahan tugas).',
    editConflict:
      'Pengajuan ini berubah saat Anda menyimpan; muat ulang lalu ulangi perubahan Anda.',
    textControl:
      'Teks berisi karakter kendali (misalnya ESC) yang tidak diizinkan; hanya tab dan baris baru yang boleh.',
    webhookUrlInternal:
      'URL webhook menuju alamat internal "{{host}}" ({{kind}}) yang tidak boleh dituju server; gunakan alamat publik, atau minta administrator menambahkannya ke publishing.allowPrivateHosts.',
    whereUnsupported:
      'Kolom "{{field}}" tidak dapat disaring dengan operator "{{operator}}" (atau nilainya tidak sesuai jenis kolom).',
    accountHasPublications:
      'Akun ini sudah dipakai untuk unggahan (arsip SOP) dan tidak dapat dihapus; nonaktifkan saja (hapus centang "Aktif").',
    submissionInRecord:
      'Pengajuan ini sudah tercatat dalam arsip SOP (tanggapan tertulis atau register) dan tidak dapat dihapus.',
    ruleMinPhotos: 'minimal {{min}} foto (saat ini {{actual}})',
    rulePhotosNotImages: 'lampiran foto harus berupa gambar yang sah (bukan gambar: {{ids}})',
    ruleNarrativeRequired: 'narasi berita wajib diisi',
    ruleCaptionRequired: 'caption wajib diisi',
    ruleCaptionTooLong: 'caption maksimal {{max}} karakter (saat ini {{actual}})',
    ruleTitleRequired: 'judul wajib diisi',
    captionTooLong: 'Caption maksimal {{max}} karakter (saat ini {{actual}}).',
    nipInvalid: 'NIP harus terdiri dari 18 angka.',
    notAnImage: 'Berkas "{{filename}}" bukan gambar yang dapat dibaca.',
    fileHasMarkup: 'Berkas "{{filename}}" berisi markah HTML atau skrip; unggah foto aslinya.',
    serviceUnavailable:
      'Layanan penyimpanan (berkas atau basis data) sedang tidak dapat dihubungi. Tidak ada yang tersimpan; coba lagi beberapa saat.',
    imageTooLarge: 'Gambar "{{filename}}" terlalu besar: {{pixels}} megapiksel (maksimal {{max}}).',
    bodyTooLarge: 'Permintaan terlalu besar (maksimal {{max}}).',
    bodyInvalid: 'Isi permintaan harus berupa objek JSON.',
    narrativeInvalid: 'Narasi berita bukan isi editor yang sah: {{problem}}.',
    textNul: 'Teks berisi karakter NUL yang tidak diizinkan.',
    textBidi:
      'Teks berisi karakter pengendali arah teks (U+202A–U+202E, U+2066–U+2069) yang tidak diizinkan.',
    paginationInvalid:
      'Parameter halaman tidak valid: page 1–1.000.000, limit paling banyak {{max}}.',
    rolesSelf: 'Anda tidak dapat mengubah peran Anda sendiri.',
    paginationAll:
      'Daftar tanpa batas (limit=0 atau pagination=false) tidak diizinkan: gunakan limit 1–{{max}} dan page.',
    queryNotPublic:
      'Kolom "{{path}}" tidak dapat dipakai untuk memfilter atau mengurutkan tanpa masuk: hanya kolom publik.',
    userInRecord:
      'Pengguna ini tercatat dalam register, tanggapan tertulis, pengajuan, media atau unggahan: tidak dapat dihapus, hanya dinonaktifkan.',
    userDeleteSelf: 'Anda tidak dapat menghapus akun Anda sendiri.',
    userDeactivated: 'Akun ini dinonaktifkan. Hubungi admin.',
    passwordTooShort: 'Kata sandi minimal {{min}} karakter.',
    passwordTooLong: 'Kata sandi paling banyak {{max}} karakter.',
    passwordCommon: 'Kata sandi ini terlalu umum dan mudah ditebak: pilih yang lain.',
    passwordLikeEmail: 'Kata sandi tidak boleh sama dengan email atau nama.',
    crossOriginRefused:
      'Permintaan dari situs lain ({{origin}}) ditolak: ubah data hanya dari aplikasi ini.',
    recordRowImmutable: 'Baris register dan tanggapan tertulis tidak dapat diubah atau dihapus.',
    loginRequired: 'Silakan masuk terlebih dahulu.',
    officeOnly: '{{what}} hanya untuk Tim Pertimbangan, PPID, Atasan PPID, Admin Medsos dan admin.',
    whatRegisterExport: 'Ekspor Register',
    whatReport: 'Laporan',
    periodInvalid:
      'Periode tidak valid: gunakan period=YYYY-MM, period=YYYY, atau from=YYYY-MM-DD&to=YYYY-MM-DD.',
    kindInvalid: 'kind harus documentation atau content.',
    exportFormatInvalid: 'format harus csv, xlsx atau pdf.',
    reportFormatInvalid: 'format harus json, svg atau pdf.',
    hashInvalid: 'hash harus 64 karakter heksadesimal (SHA-256)',
    notifyQueue:
      'Pengajuan "{{title}}" ({{number}}) menunggu tindakan Anda: {{status}}. Batas waktu: {{due}}.',
    notifyReturned:
      'Pengajuan "{{title}}" ({{number}}) dikembalikan kepada Anda. Tanggapan tertulis: {{note}}',
    notifyDeclined:
      'Pengajuan "{{title}}" ({{number}}) ditolak permanen. Tanggapan tertulis: {{note}}',
    notifyPublishFailed:
      'Unggahan "{{title}}" ({{number}}) gagal atau belum pasti: {{errors}}. Periksa, lalu coba lagi atau konfirmasi tautannya.',
    notifyOverdue:
      'Pengajuan "{{title}}" ({{number}}) melewati batas waktu tahap "{{status}}" ({{due}}).',
    notifyEscalation:
      'Pengajuan "{{title}}" ({{number}}) terlambat lebih dari satu hari pada tahap "{{status}}" ({{stage}}); batas waktu {{due}}.',
    emailSubjectQueue: 'Menunggu tindakan Anda: {{title}}',
    emailSubjectReturned: 'Dikembalikan: {{title}}',
    emailSubjectDeclined: 'Ditolak permanen: {{title}}',
    emailSubjectPublishFailed: 'Unggahan gagal: {{title}}',
    emailSubjectOverdue: 'Lewat batas waktu: {{title}}',
    emailSubjectEscalation: 'Terlambat lebih dari satu hari: {{title}}',
    emailOpen: 'Buka di panel admin: {{url}}',
    emailWhy:
      'Pesan ini dikirim otomatis oleh SOP Medsos {{agency}} karena peran Anda dalam alur kerja.',
    noNumber: 'belum bernomor',
    noNote: '(tanpa catatan)',
    uiMyQueue: 'Antrian saya',
    uiQueueEmpty: 'Tidak ada pengajuan yang menunggu tindakan Anda.',
    uiOfficeCounts: 'Pengajuan per status (seluruh kantor)',
    uiTitle: 'Judul',
    uiStatus: 'Status',
    uiWaited: 'Menunggu sejak',
    uiDeadline: 'Batas waktu',
    uiOverdue: 'Terlambat',
    uiOnTime: 'Tepat waktu',
    uiRegisterNumber: 'Nomor Register',
    uiActions: 'Tindakan',
    uiNoActions: 'Tidak ada tindakan untuk Anda pada status ini.',
    uiWaitingOn: 'Menunggu: {{roles}}',
    uiNote: 'Tanggapan tertulis',
    uiNoteRequired: 'Tanggapan tertulis (wajib)',
    uiSend: 'Kirim',
    uiCancel: 'Batal',
    uiSaveFirst: 'Simpan perubahan terlebih dahulu sebelum mengambil tindakan.',
    uiTimeline: 'Riwayat',
    uiCorrections: 'Koreksi Ketua PPID',
    uiField: 'Kolom',
    uiBefore: 'Sebelum',
    uiAfter: 'Sesudah',
    uiPublications: 'Unggahan ke media sosial',
    uiPostUrl: 'Tautan unggahan (https://…)',
    uiApprovalSheet: 'Lembar Persetujuan Publikasi (PDF)',
    uiWaitingForMe: 'Menunggu saya',
    uiAll: 'Semua',
    uiNotifications: 'Notifikasi',
    uiUnread: '{{count}} notifikasi belum dibaca',
    uiPhotoCount: '{{count}} foto (minimal {{min}})',
    uiCaptionLeft: 'Sisa {{left}} dari {{max}} karakter',
    uiCaptionOver: 'Kelebihan {{over}} karakter (maksimal {{max}})',
    uiDays: '{{count}} hari',
    uiHours: '{{count}} jam',
    uiMinutes: '{{count}} menit',
    uiLoading: 'Memuat…',
    uiFailed: 'Gagal: {{message}}',
    uiActionDone: 'Tindakan "{{action}}" tercatat.',
    uiRegisterTools: 'Cetak dan ekspor Register',
    uiPeriod: 'Periode (bulan)',
    uiReport: 'Laporan bulanan (PDF)',
    field_title: 'Judul kegiatan',
    field_activityDate: 'Tanggal kegiatan',
    field_location: 'Tempat',
    field_narrative: 'Narasi berita',
    field_caption: 'Caption',
    field_photos: 'Foto',
    field_videos: 'Video',
  },
}
