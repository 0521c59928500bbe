import type { Migration } from '../migration'

// Document content (issue 11):
// - training.action_nature: the nature of the action on the certificat de réalisation (official
//   list, art. L6313-1); NULL reads as « action de formation », the usual case;
// - enrolment.employer_name: the employer of a trainee who is an employee (CPF, OPCO, transition),
//   printed on the certificat de réalisation; NULL for a job seeker;
// - generated_document.forced_missing: when the clerk generated a document although mandatory data
//   was missing (« générer quand même »), what was missing, in French, kept in the register.
const sql = `
ALTER TABLE training ADD COLUMN action_nature TEXT CHECK (action_nature IS NULL OR action_nature IN ('formation', 'bilan', 'vae', 'apprentissage'));
ALTER TABLE enrolment ADD COLUMN employer_name TEXT;
ALTER TABLE generated_document ADD COLUMN forced_missing TEXT;
`

export const migration0030: Migration = {
  version: 30,
  name: 'document-content',
  up: (db) => db.exec(sql)
}
