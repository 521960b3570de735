-- A notification that asks someone to act names what it is about (a subject: its kind and id), so
-- the event that settles that subject marks it handled for every recipient, with how it was settled.
ALTER TABLE notifications ADD COLUMN subject_kind VARCHAR(40);
ALTER TABLE notifications ADD COLUMN subject_id VARCHAR(100);
ALTER TABLE notifications ADD COLUMN settled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notifications ADD COLUMN outcome VARCHAR(300);
CREATE INDEX notifications_subject_idx ON notifications (subject_kind, subject_id, settled_at);

-- Registrations announced before subjects existed: tied to their applicant where the name and role
-- in the text name exactly one account ...
UPDATE notifications n
   SET subject_kind = 'REGISTRATION',
       subject_id = (SELECT CAST(MIN(u.id) AS VARCHAR(100)) FROM users u
                      WHERE n.body = u.full_name || ' registered as ' || LOWER(u.role) || ' and is waiting for approval.')
 WHERE n.subject_kind IS NULL
   AND n.title = 'New registration to review'
   AND (SELECT COUNT(*) FROM users u
         WHERE n.body = u.full_name || ' registered as ' || LOWER(u.role) || ' and is waiting for approval.') = 1;

-- ... and settled at once if an admin has decided since (a disabled account was approved first).
UPDATE notifications n
   SET settled_at = (SELECT u.decided_at FROM users u WHERE CAST(u.id AS VARCHAR(100)) = n.subject_id),
       outcome = (SELECT CASE u.status
                             WHEN 'REJECTED' THEN 'Rejected by ' || COALESCE(a.full_name, u.decided_by, 'an administrator')
                             WHEN 'ACTIVE' THEN 'Approved by ' || COALESCE(a.full_name, u.decided_by, 'an administrator')
                             ELSE 'Approved (the account has since been disabled)' END
                    FROM users u LEFT JOIN users a ON a.username = u.decided_by
                   WHERE CAST(u.id AS VARCHAR(100)) = n.subject_id)
 WHERE n.subject_kind = 'REGISTRATION'
   AND n.settled_at IS NULL
   AND EXISTS (SELECT 1 FROM users u WHERE CAST(u.id AS VARCHAR(100)) = n.subject_id AND u.status <> 'PENDING'
                                       AND u.decided_at IS NOT NULL);

UPDATE notifications SET read_at = settled_at WHERE settled_at IS NOT NULL AND read_at IS NULL;

-- Access requests announced before subjects existed: tied to the patient and the doctor the title
-- names, where exactly one doctor has that name, so the patient's next answer to that doctor settles
-- them. (Whether an old one was answered already is on the ledger, which a migration cannot read.)
UPDATE notifications n
   SET subject_kind = 'ACCESS_REQUEST',
       subject_id = CAST(n.recipient_id AS VARCHAR(40)) || '/'
                    || (SELECT CAST(MIN(d.id) AS VARCHAR(40)) FROM users d WHERE d.role = 'DOCTOR' AND d.full_name = SUBSTRING(n.title, 21))
 WHERE n.subject_kind IS NULL
   AND n.title LIKE 'Access request from %'
   AND (SELECT COUNT(*) FROM users d WHERE d.role = 'DOCTOR' AND d.full_name = SUBSTRING(n.title, 21)) = 1;
