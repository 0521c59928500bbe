import type { Migration } from '../migration'

// The hours printed on a generated document (issue 14, consistency check before invoicing): the
// certificat de réalisation's hours are kept in the register so they can be compared with the
// sign-in sheets and the invoice without reading the PDF back. NULL for documents that print no
// hours, and for those generated before this version (the check asks to regenerate them).
const sql = `
ALTER TABLE generated_document ADD COLUMN hours REAL CHECK (hours IS NULL OR hours >= 0);
`

export const migration0100: Migration = {
  version: 100,
  name: 'document-hours',
  up: (db) => db.exec(sql)
}
