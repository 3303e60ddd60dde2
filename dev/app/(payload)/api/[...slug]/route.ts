import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'
import { limitBody } from 'payload-plugin-sop-medsos'

// Every body is size-limited before Payload reads it (413; uploads get the upload limit).
export const GET = REST_GET(config)
export const POST = limitBody(REST_POST(config), config)
export const DELETE = limitBody(REST_DELETE(config), config)
export const PATCH = limitBody(REST_PATCH(config), config)
export const PUT = limitBody(REST_PUT(config), config)
export const OPTIONS = REST_OPTIONS(config)
