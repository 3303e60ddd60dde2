import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Issue 14: a posting target stores its error as a code and the platform's detail
 * (error_class, error_code, error_detail), no longer as Indonesian and English text; the
 * explanation is put into words in the reader's language when read. Rows failed before
 * this keep their class and code, so their explanation is still given, without the
 * platform's detail.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "publications" ADD COLUMN "error_detail" varchar;
  ALTER TABLE "publications" DROP COLUMN "error_message";
  ALTER TABLE "publications" DROP COLUMN "error_message_en";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "publications" ADD COLUMN "error_message" varchar;
  ALTER TABLE "publications" ADD COLUMN "error_message_en" varchar;
  ALTER TABLE "publications" DROP COLUMN "error_detail";`)
}
