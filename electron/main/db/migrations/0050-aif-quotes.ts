import type { Migration } from '../migration'

// AIF quotes (issue 12) and the funding of sessions and enrolments.
//
// aif_quote of 0010 was never written by the application, but its CHECK on the status lacks the
// statuses of the workflow (accepté par le stagiaire, validé, remplacé) and SQLite cannot alter a
// CHECK: the table is rebuilt. Rows a version 10–40 database might hold are carried over
// (old 'accepted' meant France Travail's acceptance: 'validated'), and invoices keep their link.
//
// - Hours in integer hundredths (centre and company), money in integer cents: no float sums.
// - A new version of a filed quote is a new row pointing at the one it replaces (supersedes_id),
//   the old one kept with status 'superseded'.
// - One active quote per enrolment is a service rule (it gives a French message) and a partial
//   unique index (it holds even against a bug).
// - Lines the AIF never pays (registration, material, exam) are kept apart in aif_quote_line.
const DATE = (col: string) => `CHECK (${col} IS NULL OR (length(${col}) = 10 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'))`
const IN = (col: string, values: readonly string[]) => `CHECK (${col} IS NULL OR ${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`

const STATUSES = ['draft', 'sent', 'accepted', 'validated', 'refused', 'cancelled', 'superseded']
const FUNDERS = ['cpf', 'region', 'opco', 'employer', 'person']

const sql = `
CREATE TEMP TABLE invoice_quote_link AS SELECT id, quote_id FROM invoice WHERE quote_id IS NOT NULL;

CREATE TABLE aif_quote_v50 (
  id                        INTEGER PRIMARY KEY,
  number                    TEXT NOT NULL UNIQUE,
  year                      INTEGER NOT NULL,
  sequence                  INTEGER NOT NULL,
  version                   INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  supersedes_id             INTEGER REFERENCES aif_quote_v50 (id) ON DELETE SET NULL,
  trainee_id                INTEGER NOT NULL REFERENCES trainee (id) ON DELETE RESTRICT,
  session_id                INTEGER NOT NULL REFERENCES session (id) ON DELETE RESTRICT,
  enrolment_id              INTEGER REFERENCES enrolment (id) ON DELETE SET NULL,
  status                    TEXT NOT NULL DEFAULT 'draft' ${IN('status', STATUSES)},
  start_date                TEXT NOT NULL ${DATE('start_date')},
  end_date                  TEXT NOT NULL ${DATE('end_date')},
  hours_centre_hundredths   INTEGER NOT NULL DEFAULT 0 CHECK (hours_centre_hundredths >= 0),
  hours_company_hundredths  INTEGER NOT NULL DEFAULT 0 CHECK (hours_company_hundredths >= 0),
  weekly_rhythm             TEXT,
  pricing_mode              TEXT NOT NULL DEFAULT 'hourly' ${IN('pricing_mode', ['hourly', 'flat'])},
  hourly_cents              INTEGER CHECK (hourly_cents IS NULL OR hourly_cents >= 0),
  total_cents               INTEGER NOT NULL CHECK (total_cents >= 0),
  france_travail_cents      INTEGER CHECK (france_travail_cents IS NULL OR france_travail_cents >= 0),
  remaining_cost_reason     TEXT,
  cpf_balance_cents         INTEGER CHECK (cpf_balance_cents IS NULL OR cpf_balance_cents >= 0),
  kairos_reference          TEXT,
  sent_on                   TEXT ${DATE('sent_on')},
  accepted_on               TEXT ${DATE('accepted_on')},
  answered_on               TEXT ${DATE('answered_on')},
  decision_reason           TEXT,
  comment                   TEXT,
  created_at                TEXT NOT NULL,
  created_by                TEXT NOT NULL,
  updated_at                TEXT NOT NULL,
  CHECK (end_date >= start_date),
  UNIQUE (year, sequence, version)
) STRICT;

INSERT INTO aif_quote_v50 (id, number, year, sequence, version, trainee_id, session_id, enrolment_id, status, start_date, end_date,
  hours_centre_hundredths, pricing_mode, hourly_cents, total_cents, france_travail_cents, kairos_reference, sent_on, answered_on,
  comment, created_at, created_by, updated_at)
SELECT id, number, CAST(substr(created_at, 1, 4) AS INTEGER), id, 1, trainee_id, session_id, enrolment_id,
  CASE status WHEN 'accepted' THEN 'validated' ELSE status END, start_date, end_date,
  CAST(round(hours * 100) AS INTEGER), 'flat', NULL, total_cents,
  max(0, total_cents - cpf_cents - own_contribution_cents - remaining_cost_cents), kairos_reference, sent_on, answered_on,
  comment, created_at, 'migration', updated_at
FROM aif_quote;

CREATE TABLE aif_quote_funder_v50 (
  quote_id      INTEGER NOT NULL REFERENCES aif_quote_v50 (id) ON DELETE CASCADE,
  funder        TEXT NOT NULL ${IN('funder', FUNDERS)},
  amount_cents  INTEGER NOT NULL CHECK (amount_cents >= 0),
  PRIMARY KEY (quote_id, funder)
) STRICT, WITHOUT ROWID;

INSERT INTO aif_quote_funder_v50 (quote_id, funder, amount_cents)
SELECT quote_id, funder, amount_cents FROM aif_quote_funder WHERE funder IN (${FUNDERS.map((f) => `'${f}'`).join(', ')});
INSERT OR IGNORE INTO aif_quote_funder_v50 (quote_id, funder, amount_cents)
SELECT id, 'cpf', cpf_cents FROM aif_quote WHERE cpf_cents > 0;
INSERT OR IGNORE INTO aif_quote_funder_v50 (quote_id, funder, amount_cents)
SELECT id, 'person', own_contribution_cents FROM aif_quote WHERE own_contribution_cents > 0;

DROP TABLE aif_quote_funder;
DROP TABLE aif_quote;
ALTER TABLE aif_quote_v50 RENAME TO aif_quote;
ALTER TABLE aif_quote_funder_v50 RENAME TO aif_quote_funder;

UPDATE invoice SET quote_id = (SELECT l.quote_id FROM invoice_quote_link l WHERE l.id = invoice.id)
WHERE id IN (SELECT id FROM invoice_quote_link);
DROP TABLE invoice_quote_link;

CREATE INDEX aif_quote_status ON aif_quote (status, sent_on);
CREATE INDEX aif_quote_trainee ON aif_quote (trainee_id);
CREATE INDEX aif_quote_session ON aif_quote (session_id, status);
CREATE UNIQUE INDEX aif_quote_one_active ON aif_quote (enrolment_id)
  WHERE enrolment_id IS NOT NULL AND status IN ('draft', 'sent', 'accepted', 'validated');

CREATE TABLE aif_quote_line (
  id            INTEGER PRIMARY KEY,
  quote_id      INTEGER NOT NULL REFERENCES aif_quote (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  kind          TEXT NOT NULL ${IN('kind', ['registration', 'material', 'exam', 'other'])},
  label         TEXT,
  amount_cents  INTEGER NOT NULL CHECK (amount_cents >= 0)
) STRICT;
CREATE INDEX aif_quote_line_quote ON aif_quote_line (quote_id, position);

-- Funding of a session (région, France Travail collective purchase, AIF, CPF, OPCO, employer, the
-- person): the teaching cost per hour or per place and the contract or market reference.
ALTER TABLE session_funder ADD COLUMN teaching_cost_cents INTEGER CHECK (teaching_cost_cents IS NULL OR teaching_cost_cents >= 0);
ALTER TABLE session_funder ADD COLUMN cost_unit TEXT ${IN('cost_unit', ['hour', 'place'])};
ALTER TABLE session_funder ADD COLUMN reference TEXT;
`

export const migration0050: Migration = {
  version: 50,
  name: 'aif-quotes',
  up: (db) => db.exec(sql)
}
