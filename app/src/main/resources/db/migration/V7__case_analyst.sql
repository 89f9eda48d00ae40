-- The analyst responsible for a case: monitoring's alerts on its engagement reach them rather than
-- every analyst. Null while nobody has taken the case (the first analyst to act on it becomes its
-- analyst); a case that reopens an earlier one starts with the earlier one's analyst.
ALTER TABLE review_case ADD COLUMN analyst varchar(200);
