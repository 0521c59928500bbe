import type { Db } from '../../db/open'

/** Every row that belongs to a set of people, by table: what anonymisation rewrites and export reads. */
export type PersonIds = {
  trainees: number[]
  enrolments: number[]
  registrations: number[]
  interruptions: number[]
  events: number[]
  quotes: number[]
  exitReports: number[]
  documents: { id: number; path: string }[]
}

const ids = (db: Db, sql: string, json: string): number[] => db.prepare<[string], { id: number }>(sql).all(json).map((r) => r.id)

export function personIds(db: Db, traineeIds: readonly number[]): PersonIds {
  const people = JSON.stringify(traineeIds)
  const enrolments = ids(db, 'SELECT e.id FROM json_each(?) j JOIN enrolment e ON e.trainee_id = j.value ORDER BY e.id', people)
  const en = JSON.stringify(enrolments)
  return {
    trainees: [...traineeIds],
    enrolments,
    registrations: ids(db, 'SELECT r.id FROM json_each(?) j JOIN registration r ON r.trainee_id = j.value ORDER BY r.id', people),
    interruptions: ids(db, 'SELECT i.id FROM json_each(?) j JOIN interruption i ON i.enrolment_id = j.value ORDER BY i.id', en),
    events: ids(db, 'SELECT ev.id FROM json_each(?) j JOIN enrolment_event ev ON ev.enrolment_id = j.value ORDER BY ev.id', en),
    quotes: ids(db, 'SELECT q.id FROM json_each(?) j JOIN aif_quote q ON q.trainee_id = j.value ORDER BY q.id', people),
    exitReports: ids(db, 'SELECT x.id FROM json_each(?) j JOIN exit_report x ON x.enrolment_id = j.value ORDER BY x.id', en),
    documents: db
      .prepare<[string, string], { id: number; path: string }>(
        `SELECT id, path FROM generated_document
         WHERE trainee_id IN (SELECT value FROM json_each(?)) OR enrolment_id IN (SELECT value FROM json_each(?)) ORDER BY id`
      )
      .all(people, en)
  }
}
