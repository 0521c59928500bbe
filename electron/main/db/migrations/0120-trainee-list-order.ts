import type { Migration } from '../migration'

// The registry's grid reads the trainees page by page in its order (folded text, then id) and
// counts them (issue 15, first load on 20,000 trainees). Without an index the first page still
// sorted the whole table and computed every row's enrolment count (~250 ms); with this one the
// page walks the index and stops at its limit, and the count reads the index alone. Partial:
// anonymised people are never listed, so they are not indexed.
const sql = `
CREATE INDEX trainee_list_order ON trainee (search_text) WHERE anonymised_at IS NULL;
`

export const migration0120: Migration = {
  version: 120,
  name: 'trainee-list-order',
  up: (db) => db.exec(sql)
}
