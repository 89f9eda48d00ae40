-- Watched batches (issue 14): monitoring screens a watched batch's rows again when a list version is
-- imported, as it does a watched screening. A candidate a row no longer matches is closed (kept, with
-- the date), and an alert names the row of the batch it is about.
-- Numbered 14.41, after the batch tables (14.40).

ALTER TABLE desk_batch_candidate ADD COLUMN closed_on date;   -- when a watched batch's re-screening no longer found it

ALTER TABLE alert ADD COLUMN screening_row integer;           -- the row of a watched batch (desk_batch_row.row_no) an alert is about
