-- Dispensings are counted by the pharmacy that dispensed them: the read model is emptied and counted
-- again from the first block by the analytics feed, in the background, after start.
DELETE FROM analytics_expiries;
DELETE FROM analytics_token_moves;
DELETE FROM analytics_token_days;
DELETE FROM analytics_cell_patients;
DELETE FROM analytics_cells;
DELETE FROM analytics_facts;
DELETE FROM analytics_blocks;
UPDATE analytics_progress SET applied_height = 0 WHERE id = 1;
