import type { Migration } from '../migration'

// Session timetables and document authenticity (issue 11):
// - session_schedule: per session and weekday, the times of the morning and of the afternoon that
//   the sign-in sheet prints (a weekday without a row, or a half-day with NULL times, does not sit);
//   a session without any row gets a timetable derived from its weekly rhythm (shared/domain/schedule);
// - session_subject: an optional module or subject per dated half-day, printed on the sheet;
// - generated_document.verification_code: the short code printed (and QR-encoded) on each document,
//   unique; documents generated before this version have none (they are found by their SHA-256).
const TIME = (c: string) => `CHECK (${c} IS NULL OR ${c} GLOB '[0-2][0-9]:[0-5][0-9]')`
const sql = `
CREATE TABLE session_schedule (
  session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
  weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  am_start    TEXT ${TIME('am_start')},
  am_end      TEXT ${TIME('am_end')},
  pm_start    TEXT ${TIME('pm_start')},
  pm_end      TEXT ${TIME('pm_end')},
  CHECK ((am_start IS NULL) = (am_end IS NULL) AND (am_end IS NULL OR am_end > am_start)),
  CHECK ((pm_start IS NULL) = (pm_end IS NULL) AND (pm_end IS NULL OR pm_end > pm_start)),
  PRIMARY KEY (session_id, weekday)
) STRICT, WITHOUT ROWID;

CREATE TABLE session_subject (
  session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
  date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  half        TEXT NOT NULL CHECK (half IN ('am', 'pm')),
  subject     TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  PRIMARY KEY (session_id, date, half)
) STRICT, WITHOUT ROWID;

ALTER TABLE generated_document ADD COLUMN verification_code TEXT CHECK (verification_code IS NULL OR length(verification_code) = 10);
CREATE UNIQUE INDEX generated_document_code ON generated_document (verification_code) WHERE verification_code IS NOT NULL;
CREATE INDEX generated_document_sha ON generated_document (sha256);
`

export const migration0040: Migration = {
  version: 40,
  name: 'schedule-authenticity',
  up: (db) => db.exec(sql)
}
