/**
 * Reads the whole register straight from PostgreSQL (no Payload, no access rules) and
 * checks the hash chain: what `npm run register:verify` and an auditor's script run.
 */
import pg from 'pg'
import { verifyRegisterChain, type ChainVerdict } from '../workflow/register.js'

export async function verifyRegisterInDatabase(
  databaseUri: string,
  table = 'register',
): Promise<ChainVerdict> {
  const client = new pg.Client({ connectionString: databaseUri })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select number, kind, submission_id, at, actor_id, summary, content_hash, previous_hash, hash
         from ${client.escapeIdentifier(table)} order by chain_index`,
    )
    return verifyRegisterChain(
      rows.map((r) => ({
        number: r.number,
        kind: r.kind,
        submission: r.submission_id,
        at: new Date(r.at).toISOString(),
        actor: r.actor_id,
        summary: r.summary ?? '',
        contentHash: r.content_hash,
        previousHash: r.previous_hash,
        hash: r.hash,
      })),
    )
  } finally {
    await client.end()
  }
}
