import type { Migration } from '../migration'

// Enrolment workflow and dashboard (issue 4):
// - indexes so that every query of the dashboard and of the enrolments grid is an index search,
//   never a scan of enrolment, enrolment_event, attendance_day or attendance_month;
// - the link from an interruption to the event that recorded its end (resumption), so that
//   deleting or correcting an interruption finds exactly its events;
// - kairos_pending_since recomputed from the events: from now on every write maintains it.
const sql = `
-- Monthly attendance: who was in training during a month = status 'entre', or left during or after
-- it. Covering (entry date, session): the dashboard reads no enrolment row to find them.
CREATE INDEX enrolment_status_exit ON enrolment (status, exit_date, entry_date, session_id);

-- Candidates still waiting for a result after a recruitment meeting (a small part of all bookings).
CREATE INDEX registration_awaiting_result ON registration (event_id) WHERE result IS NULL AND presence <> 'absent';

ALTER TABLE interruption ADD COLUMN resumption_event_id INTEGER REFERENCES enrolment_event (id) ON DELETE SET NULL;

-- Existing closed interruptions: their end is the first resumption recorded after their start
-- (interruptions of one enrolment never overlap).
UPDATE interruption SET resumption_event_id = (
  SELECT ev.id FROM enrolment_event ev
  WHERE ev.enrolment_id = interruption.enrolment_id AND ev.kind = 'resumption' AND ev.effective_date > interruption.start_date
  ORDER BY ev.effective_date, ev.id LIMIT 1)
WHERE end_date IS NOT NULL;

UPDATE enrolment SET kairos_pending_since = (
  SELECT min(ev.effective_date) FROM enrolment_event ev
  WHERE ev.enrolment_id = enrolment.id AND ev.requires_declaration = 1 AND ev.kairos_declared_on IS NULL);
`

export const migration0020: Migration = {
  version: 20,
  name: 'enrolment-workflow',
  up: (db) => db.exec(sql)
}
