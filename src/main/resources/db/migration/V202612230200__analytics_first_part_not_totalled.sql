-- A figure's first key part (the condition, the state, the outcome) is no longer totalled (no chart
-- shows that total, and a total nobody sees would still have to be protected as if it were shown), and
-- appointments are counted: the read model is emptied again and counted from the first block by the
-- analytics feed, in the background, after start.
DELETE FROM analytics_cell_patients;
DELETE FROM analytics_cells;
DELETE FROM analytics_facts;
DELETE FROM analytics_blocks;
UPDATE analytics_progress SET applied_height = 0 WHERE id = 1;
