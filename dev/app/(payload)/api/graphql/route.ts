import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { limitBody } from 'payload-plugin-sop-medsos'

export const POST = limitBody(GRAPHQL_POST(config), config)
export const OPTIONS = REST_OPTIONS(config)
