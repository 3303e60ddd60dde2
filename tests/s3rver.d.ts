// @20minutes/s3rver (a maintained fork of s3rver) ships no types; the part the tests use.
declare module '@20minutes/s3rver' {
  export interface S3rverOptions {
    address?: string
    port?: number
    silent?: boolean
    directory: string
    resetOnClose?: boolean
    configureBuckets?: { name: string }[]
  }
  export default class S3rver {
    constructor(options: S3rverOptions)
    run(): Promise<{ address: string; port: number }>
    close(): Promise<void>
  }
}
