-- H2 only (issue 12). H2's SPATIAL INDEX is an MVStore R-tree map (MVRTreeMap) that is not safe under SIGKILL: when
-- the file holds the undo log of a transaction that was in flight while another one committed, reopening makes
-- TransactionStore.init roll it back by opening the R-tree map by id with the default (B-tree) data type, and the
-- store fails with "ValueDataType cannot be cast to SpatialDataType" on every later start. The R-tree also answered
-- bbox reads that raced with writes with "Row not found in primary index". Without it, `geom && box` is checked by
-- a scan of the table, which PostgreSQL (GiST, V1_2) does not need.
DROP INDEX IF EXISTS events_geom_idx;
DROP INDEX IF EXISTS zones_geom_idx;
