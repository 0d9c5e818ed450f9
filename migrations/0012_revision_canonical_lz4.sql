-- A frozen revision's canonical text (1.3 MB at the reference engagement, 12 MB at stress) is written once,
-- in the freeze's transaction. pglz, the default, spent ~45 ms (reference) / ~360 ms (stress) compressing it;
-- lz4 compresses it as small (130 KB for 1.3 MB) in less than half the time. PGlite is built without lz4
-- and keeps pglz: the column's compression is a storage setting, the text read back is the same.
DO $$
BEGIN
  ALTER TABLE "revisions" ALTER COLUMN "canonical" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END $$;
