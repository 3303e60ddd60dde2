import { NewsNotFound } from 'payload-plugin-sop-medsos/rsc'

export default function NotFound() {
  return <NewsNotFound />
}
