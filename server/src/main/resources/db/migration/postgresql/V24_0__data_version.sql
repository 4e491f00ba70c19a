-- The store's data version (issue 13): moved after every committed write by whichever server made
-- it, read by every server to tag its answers (ETag), so servers sharing this database agree.
-- H2 is opened by one process only and keeps the count in that process.
CREATE SEQUENCE data_version;
