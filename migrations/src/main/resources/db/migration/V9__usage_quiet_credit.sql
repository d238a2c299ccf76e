-- How much usage a cycle can take with nothing to decide: while used_bytes stays below
-- quiet_used_below and the time is before quiet_until, no alert, gateway update, cap or grant is
-- due, so accounting adds the bytes in one set-based statement. The ledger sets both whenever it
-- writes the cycle; NULL sends every credit through the ledger.
ALTER TABLE usage_cycle
    ADD COLUMN quiet_used_below bigint,
    ADD COLUMN quiet_until      timestamptz;

-- Accounting rewrites a batch of neighbouring rows at once (sessions that started together share
-- pages). At fillfactor 80 most of a page's new versions did not fit on it, so half the updates
-- went to other pages and into every index; with half of each page free they stay HOT. Applies to
-- pages written from now on.
ALTER TABLE radius_session SET (fillfactor = 50);
ALTER TABLE usage_cycle SET (fillfactor = 50);
