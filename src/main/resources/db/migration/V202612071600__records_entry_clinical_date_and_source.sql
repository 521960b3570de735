-- An entry's clinical date and, for an entry imported from elsewhere (the demo's Synthea history),
-- its source in place of an author. Before this, imported entries named the demo doctor as author
-- and showed the day of the import as their date.

ALTER TABLE record_entries ADD COLUMN clinical_date DATE;
ALTER TABLE record_entries ADD COLUMN imported_from VARCHAR(100);

-- Entries stored before: the day they were stored is the best date there is.
UPDATE record_entries SET clinical_date = CAST(created_at AS DATE);
ALTER TABLE record_entries ALTER COLUMN clinical_date SET NOT NULL;

-- An imported entry has no author; every entry has exactly one of the two.
ALTER TABLE record_entries ALTER COLUMN author_id DROP NOT NULL;
ALTER TABLE record_entries ADD CONSTRAINT record_entries_author_or_source
    CHECK ((author_id IS NULL) <> (imported_from IS NULL));

CREATE INDEX record_entries_author_idx ON record_entries (patient_address, author_id);
