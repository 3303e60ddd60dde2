import config from '@payload-config'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'
import { NewsItemPage, newsItemMetadata } from '../../../../public/NewsPages.js'

export const dynamic = 'force-dynamic'

type Args = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  return newsItemMetadata(await getPayload({ config }), (await params).slug)
}

export default async function Page({ params }: Args) {
  const page = await NewsItemPage({ payload: await getPayload({ config }), slug: (await params).slug })
  if (!page) notFound()
  return page
}
