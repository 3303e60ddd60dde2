import config from '@payload-config'
import { NewsListRoute, newsListRouteMetadata } from 'payload-plugin-sop-medsos/rsc'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export const generateMetadata = () => newsListRouteMetadata(config)

export default function Page({ searchParams }: Props) {
  return <NewsListRoute config={config} searchParams={searchParams} />
}
