import type { Migration } from '../migration'

// Invoices and credit notes (issue 14): Factur-X for Chorus Pro, gapless numbering, payments.
//
// invoice/invoice_line of 0010 were never written by the application, but their shape cannot hold
// a draft without a number, a credit note's link, the buyer's SIREN, payments or the immutability
// of an issued invoice, and SQLite cannot alter a CHECK: both tables are rebuilt. Rows a version
// 10–80 database might hold are carried over as they were (their numbers outside the new sequence).
//
// - A draft has no number; issuing takes the next number of the year from invoice_sequence in the
//   same write transaction (gapless: a rolled-back issue gives its number back).
// - Money in integer cents, quantities (hours) in integer hundredths: no float sums.
// - Once issued, an invoice and its lines never change (triggers, like the audit log's in 0060):
//   only the Chorus Pro deposit and the PDF link may be written; a credit note cancels it.
// - Payments are rows of their own (partial payments); « payée » is derived from their sum.
// - funder_code names the funder type (session_funder codes): the BPF's cadre C reads it.
const DATE = (col: string) => `CHECK (${col} IS NULL OR (length(${col}) = 10 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'))`
const IN = (col: string, values: readonly string[]) => `CHECK (${col} IS NULL OR ${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`

/** Columns an issued invoice keeps forever (everything but the deposit, the PDF link and updated_at). */
const FROZEN = [
  'id', 'kind', 'status', 'year', 'sequence', 'number', 'credited_invoice_id', 'session_id', 'enrolment_id', 'quote_id', 'funder_code',
  'buyer_name', 'buyer_siret', 'buyer_siren', 'buyer_address_line1', 'buyer_address_line2', 'buyer_postal_code', 'buyer_city',
  'buyer_country', 'buyer_service_code', 'buyer_engagement', 'contract_reference', 'issue_date', 'due_date', 'vat_mode',
  'vat_exemption_reason', 'total_ht_cents', 'total_vat_cents', 'total_ttc_cents', 'note', 'issued_at', 'issued_by',
  'consistency_override_reason', 'created_at', 'created_by'
]

const sql = `
CREATE TABLE invoice_v90 (
  id                          INTEGER PRIMARY KEY,
  kind                        TEXT NOT NULL DEFAULT 'invoice' ${IN('kind', ['invoice', 'credit_note'])},
  status                      TEXT NOT NULL DEFAULT 'draft' ${IN('status', ['draft', 'issued'])},
  year                        INTEGER,
  sequence                    INTEGER CHECK (sequence IS NULL OR sequence >= 1),
  number                      TEXT UNIQUE,
  credited_invoice_id         INTEGER REFERENCES invoice_v90 (id) ON DELETE RESTRICT,
  session_id                  INTEGER REFERENCES session (id) ON DELETE RESTRICT,
  enrolment_id                INTEGER REFERENCES enrolment (id) ON DELETE RESTRICT,
  quote_id                    INTEGER REFERENCES aif_quote (id) ON DELETE SET NULL,
  funder_code                 TEXT,
  buyer_name                  TEXT NOT NULL,
  buyer_siret                 TEXT CHECK (buyer_siret IS NULL OR length(buyer_siret) = 14),
  buyer_siren                 TEXT CHECK (buyer_siren IS NULL OR length(buyer_siren) = 9),
  buyer_address_line1         TEXT,
  buyer_address_line2         TEXT,
  buyer_postal_code           TEXT,
  buyer_city                  TEXT,
  buyer_country               TEXT NOT NULL DEFAULT 'FR',
  buyer_service_code          TEXT,
  buyer_engagement            TEXT,
  contract_reference          TEXT,
  issue_date                  TEXT NOT NULL ${DATE('issue_date')},
  due_date                    TEXT ${DATE('due_date')},
  vat_mode                    TEXT NOT NULL DEFAULT 'exempt' ${IN('vat_mode', ['exempt', 'standard'])},
  vat_exemption_reason        TEXT,
  total_ht_cents              INTEGER NOT NULL DEFAULT 0 CHECK (total_ht_cents >= 0),
  total_vat_cents             INTEGER NOT NULL DEFAULT 0 CHECK (total_vat_cents >= 0),
  total_ttc_cents             INTEGER NOT NULL DEFAULT 0 CHECK (total_ttc_cents >= 0),
  note                        TEXT,
  issued_at                   TEXT,
  issued_by                   TEXT,
  consistency_override_reason TEXT,
  chorus_deposited_on         TEXT ${DATE('chorus_deposited_on')},
  chorus_number               TEXT,
  document_id                 INTEGER REFERENCES generated_document (id) ON DELETE SET NULL,
  created_at                  TEXT NOT NULL,
  created_by                  TEXT NOT NULL,
  updated_at                  TEXT NOT NULL,
  CHECK (status = 'draft' OR number IS NOT NULL),
  CHECK ((kind = 'credit_note') = (credited_invoice_id IS NOT NULL)),
  CHECK (chorus_deposited_on IS NULL OR status = 'issued'),
  UNIQUE (year, sequence)
) STRICT;

INSERT INTO invoice_v90 (id, kind, status, number, session_id, quote_id, buyer_name, buyer_siret, buyer_service_code, buyer_engagement,
  buyer_address_line1, issue_date, due_date, vat_mode, vat_exemption_reason, total_ht_cents, total_vat_cents, total_ttc_cents,
  chorus_deposited_on, chorus_number, created_at, created_by, updated_at)
SELECT id, 'invoice', CASE status WHEN 'draft' THEN 'draft' ELSE 'issued' END, number, session_id, quote_id, buyer_name,
  CASE WHEN length(buyer_siret) = 14 THEN buyer_siret END, buyer_service_code, buyer_engagement, buyer_address, issue_date, due_date,
  CASE WHEN total_vat_cents > 0 THEN 'standard' ELSE 'exempt' END, vat_exemption_reason, total_ht_cents, total_vat_cents, total_ttc_cents,
  CASE WHEN status = 'draft' THEN NULL ELSE chorus_deposited_on END, chorus_reference, created_at, 'migration', updated_at
FROM invoice WHERE kind = 'invoice';

CREATE TABLE invoice_line_v90 (
  id                   INTEGER PRIMARY KEY,
  invoice_id           INTEGER NOT NULL REFERENCES invoice_v90 (id) ON DELETE CASCADE,
  position             INTEGER NOT NULL CHECK (position >= 1),
  enrolment_id         INTEGER REFERENCES enrolment (id) ON DELETE SET NULL,
  trainee_name         TEXT,
  label                TEXT NOT NULL,
  pricing              TEXT NOT NULL DEFAULT 'hourly' ${IN('pricing', ['hourly', 'flat'])},
  quantity_hundredths  INTEGER NOT NULL CHECK (quantity_hundredths > 0),
  unit                 TEXT NOT NULL DEFAULT 'HUR' ${IN('unit', ['HUR', 'C62'])},
  unit_price_cents     INTEGER NOT NULL CHECK (unit_price_cents >= 0),
  vat_rate_percent     INTEGER NOT NULL DEFAULT 0 CHECK (vat_rate_percent IN (0, 20)),
  net_cents            INTEGER NOT NULL CHECK (net_cents >= 0),
  UNIQUE (invoice_id, position)
) STRICT;

INSERT INTO invoice_line_v90 (id, invoice_id, position, enrolment_id, label, pricing, quantity_hundredths, unit, unit_price_cents, vat_rate_percent, net_cents)
SELECT l.id, l.invoice_id, l.position, l.enrolment_id, l.label, CASE l.unit WHEN 'HUR' THEN 'hourly' ELSE 'flat' END,
  max(1, CAST(round(l.quantity * 100) AS INTEGER)), CASE l.unit WHEN 'HUR' THEN 'HUR' ELSE 'C62' END, max(0, l.unit_price_cents),
  CASE WHEN l.vat_rate > 0 THEN 20 ELSE 0 END, max(0, l.amount_cents)
FROM invoice_line l WHERE l.invoice_id IN (SELECT id FROM invoice_v90) AND l.position >= 1;

DROP TABLE invoice_line;
DROP TABLE invoice;
ALTER TABLE invoice_v90 RENAME TO invoice;
ALTER TABLE invoice_line_v90 RENAME TO invoice_line;

CREATE INDEX invoice_line_invoice ON invoice_line (invoice_id, position);
CREATE INDEX invoice_line_enrolment ON invoice_line (enrolment_id) WHERE enrolment_id IS NOT NULL;
CREATE INDEX invoice_status ON invoice (status, issue_date);
CREATE INDEX invoice_session ON invoice (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX invoice_enrolment ON invoice (enrolment_id) WHERE enrolment_id IS NOT NULL;
CREATE INDEX invoice_credited ON invoice (credited_invoice_id) WHERE credited_invoice_id IS NOT NULL;

-- The last number given per civil year: issuing reads and bumps it in its own write transaction.
CREATE TABLE invoice_sequence (
  year         INTEGER PRIMARY KEY,
  last_number  INTEGER NOT NULL CHECK (last_number >= 0)
) STRICT;

CREATE TABLE invoice_payment (
  id            INTEGER PRIMARY KEY,
  invoice_id    INTEGER NOT NULL REFERENCES invoice (id) ON DELETE RESTRICT,
  paid_on       TEXT NOT NULL ${DATE('paid_on')},
  amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),
  method        TEXT ${IN('method', ['transfer', 'cheque', 'card', 'other'])},
  reference     TEXT,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL
) STRICT;
CREATE INDEX invoice_payment_invoice ON invoice_payment (invoice_id, paid_on);

-- Issued invoices are never edited or deleted (a credit note cancels them).
CREATE TRIGGER invoice_issued_no_update BEFORE UPDATE ON invoice
WHEN OLD.status = 'issued' AND (${FROZEN.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')})
BEGIN SELECT RAISE(ABORT, 'Une facture émise ne se modifie pas : établissez un avoir.'); END;

CREATE TRIGGER invoice_issued_no_delete BEFORE DELETE ON invoice
WHEN OLD.status = 'issued'
BEGIN SELECT RAISE(ABORT, 'Une facture émise ne se supprime pas : établissez un avoir.'); END;

CREATE TRIGGER invoice_issued_number BEFORE UPDATE OF status ON invoice
WHEN NEW.status = 'issued' AND OLD.status = 'draft' AND (NEW.year IS NULL OR NEW.sequence IS NULL
  OR NEW.number IS NOT printf('%04d-%05d', NEW.year, NEW.sequence)
  OR NEW.sequence IS NOT (SELECT last_number FROM invoice_sequence WHERE year = NEW.year))
BEGIN SELECT RAISE(ABORT, 'Une facture s’émet avec le numéro suivant de son année.'); END;

CREATE TRIGGER invoice_line_frozen_insert BEFORE INSERT ON invoice_line
WHEN (SELECT status FROM invoice WHERE id = NEW.invoice_id) = 'issued'
BEGIN SELECT RAISE(ABORT, 'Une facture émise ne se modifie pas : établissez un avoir.'); END;

CREATE TRIGGER invoice_line_frozen_update BEFORE UPDATE ON invoice_line
WHEN (SELECT status FROM invoice WHERE id = OLD.invoice_id) = 'issued' OR (SELECT status FROM invoice WHERE id = NEW.invoice_id) = 'issued'
BEGIN SELECT RAISE(ABORT, 'Une facture émise ne se modifie pas : établissez un avoir.'); END;

CREATE TRIGGER invoice_line_frozen_delete BEFORE DELETE ON invoice_line
WHEN (SELECT status FROM invoice WHERE id = OLD.invoice_id) = 'issued'
BEGIN SELECT RAISE(ABORT, 'Une facture émise ne se modifie pas : établissez un avoir.'); END;

CREATE TRIGGER invoice_payment_issued BEFORE INSERT ON invoice_payment
WHEN (SELECT status FROM invoice WHERE id = NEW.invoice_id) IS NOT 'issued'
BEGIN SELECT RAISE(ABORT, 'Un paiement ne s’enregistre que sur une facture émise.'); END;

-- Paramètres: training is usually VAT-exempt (art. 261-4-4° a du CGI); payment terms in days.
ALTER TABLE organisation ADD COLUMN vat_exempt INTEGER NOT NULL DEFAULT 1 CHECK (vat_exempt IN (0, 1));
ALTER TABLE organisation ADD COLUMN payment_terms_days INTEGER NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 60);
ALTER TABLE organisation ADD COLUMN iban TEXT;
`

export const migration0090: Migration = {
  version: 90,
  name: 'invoices',
  up: (db) => db.exec(sql)
}
