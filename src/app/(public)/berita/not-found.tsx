export default function NotFound() {
  return (
    <main style={{ maxWidth: '40rem', margin: '3rem auto', padding: '0 1rem', fontFamily: 'system-ui, sans-serif' }}>
      <h1>Berita tidak ditemukan</h1>
      <p>Berita yang Anda cari tidak ada atau belum diterbitkan.</p>
      <p>
        <a href="/berita">← Semua berita</a>
      </p>
    </main>
  )
}
