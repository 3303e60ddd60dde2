import config from '@payload-config'
import type { Metadata } from 'next'
import { getPayload } from 'payload'
import { NewsListPage, newsListMetadata, pageParam } from '../../../public/NewsPages.js'

export const dynamic = 'force-dynamic'

type Args = { searchParams: Promise<{ [key: string]: string | string[] | undefined }> }

export async function generateMetadata(): Promise<Metadata> {
  return newsListMetadata(await getPayload({ config }))
}

export default async function Page({ searchParams }: Args) {
  const payload = await getPayload({ config })
  return NewsListPage({ payload, page: pageParam((await searchParams).halaman) })
}
