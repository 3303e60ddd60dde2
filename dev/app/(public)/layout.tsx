import type React from 'react'

export const metadata = { title: 'Berita' }

/** Root layout of the public pages (a separate root from the admin's). */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="id">
      <body>{children}</body>
    </html>
  )
}
