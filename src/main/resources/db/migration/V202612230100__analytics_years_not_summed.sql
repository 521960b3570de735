-- The analytics read model is counted in a new shape: no whole-history totals (no chart shows them,
-- and without them each year is a cube of its own for suppression), prescriptions other than issued
-- not by medicine (no chart shows that), and a doctor's own figures not summed over doctors. It is
-- derived from the chain, so it is emptied here and the analytics feed counts it again from the first
-- block, in the background, after start.
DELETE FROM analytics_cell_patients;
DELETE FROM analytics_cells;
DELETE FROM analytics_facts;
DELETE FROM analytics_blocks;
UPDATE analytics_progress SET applied_height = 0 WHERE id = 1;
-- a doctor's page reads only their own scope's cells
CREATE INDEX analytics_cells_scope_idx ON analytics_cells (figure, scope);
