import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Issue 14: `media.sop_file` marks the SOP's files (uploaded by the field team or the Ketua PPID, or
 * attached to a submission), so an app's own media read rule never shows them before
 * their news is published. Files stored before it are marked the same way here.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" ADD COLUMN "sop_file" boolean DEFAULT false;
  CREATE INDEX "media_sop_file_idx" ON "media" USING btree ("sop_file");`)
  await db.execute(sql`
   UPDATE "media" SET "sop_file" = true
   WHERE "id" IN (SELECT "media_id" FROM "submissions_rels" WHERE "media_id" IS NOT NULL)
      OR "uploaded_by_id" IN (SELECT "parent_id" FROM "users_roles" WHERE "value" IN ('tim-pelaksana', 'ketua-ppid'));`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "media_sop_file_idx";
  ALTER TABLE "media" DROP COLUMN "sop_file";`)
}
