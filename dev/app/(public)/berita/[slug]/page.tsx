import config from '@payload-config'
import { NewsItemRoute, newsItemRouteMetadata } from 'payload-plugin-sop-medsos/rsc'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export const generateMetadata = ({ params }: Props) => newsItemRouteMetadata(config, params)

export default function Page({ params }: Props) {
  return <NewsItemRoute config={config} params={params} />
}
