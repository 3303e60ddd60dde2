import config from '@payload-config'
import { newsHomeRedirect } from 'payload-plugin-sop-medsos/rsc'

export const dynamic = 'force-dynamic'

/** The site's front page is the news list. */
export default function Home() {
  return newsHomeRedirect(config)
}
