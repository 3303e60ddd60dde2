import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import { dropRecordImmutabilitySql, recordImmutabilitySql } from '../src/register/immutable.js'

// Issue 13 (the record cannot be bent): users are deactivated instead of deleted (and no
// longer locked by failed logins: the limit is per client), files carry `recorded_at` and
// the name they were uploaded under, register rows snapshot names and jabatan at the act,
// one documentation entry per submission, and PostgreSQL refuses any UPDATE, DELETE or
// TRUNCATE of register and review rows (triggers, installed last).

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" ADD COLUMN "deactivated" boolean DEFAULT false;
  ALTER TABLE "media" ADD COLUMN "recorded_at" timestamp(3) with time zone;
  ALTER TABLE "media" ADD COLUMN "original_filename" varchar;
  ALTER TABLE "register" ADD COLUMN "actor_name" varchar;
  ALTER TABLE "register" ADD COLUMN "actor_jabatan" varchar;
  ALTER TABLE "register" ADD COLUMN "owner_name" varchar;
  ALTER TABLE "register" ADD COLUMN "owner_jabatan" varchar;
  CREATE INDEX "users_deactivated_idx" ON "users" USING btree ("deactivated");
  CREATE INDEX "media_recorded_at_idx" ON "media" USING btree ("recorded_at");
  CREATE UNIQUE INDEX "register_one_documentation_per_submission" ON "register" USING btree ("submission_id") WHERE "register"."kind" = 'documentation';
  ALTER TABLE "users" DROP COLUMN "login_attempts";
  ALTER TABLE "users" DROP COLUMN "lock_until";`)
  await db.execute(sql.raw(recordImmutabilitySql()))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(dropRecordImmutabilitySql()))
  await db.execute(sql`
   DROP INDEX "users_deactivated_idx";
  DROP INDEX "media_recorded_at_idx";
  DROP INDEX "register_one_documentation_per_submission";
  ALTER TABLE "users" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "users" ADD COLUMN "lock_until" timestamp(3) with time zone;
  ALTER TABLE "users" DROP COLUMN "deactivated";
  ALTER TABLE "media" DROP COLUMN "recorded_at";
  ALTER TABLE "media" DROP COLUMN "original_filename";
  ALTER TABLE "register" DROP COLUMN "actor_name";
  ALTER TABLE "register" DROP COLUMN "actor_jabatan";
  ALTER TABLE "register" DROP COLUMN "owner_name";
  ALTER TABLE "register" DROP COLUMN "owner_jabatan";`)
}
