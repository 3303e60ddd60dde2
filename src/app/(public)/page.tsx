import config from '@payload-config'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'
import { newsSettings } from '../../news/query.js'

export const dynamic = 'force-dynamic'

/** The site's front page is the news list. */
export default async function Home() {
  redirect(newsSettings(await getPayload({ config })).path)
}
