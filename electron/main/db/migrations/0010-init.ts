import type { Migration } from '../migration'

// The whole domain model of domain.md §2–§3, designed up front so later work fills it rather
// than reshapes it. Conventions: civil dates as ISO text `yyyy-mm-dd` (no time zone can shift a
// deadline), instants as ISO-8601 UTC text, money as integer cents, hours as REAL, booleans as
// 0/1 integers, free JSON only for data we keep but do not query (LHEO extras).
const DATE = (col: string) => `CHECK (${col} IS NULL OR (length(${col}) = 10 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'))`
const MONTH = (col: string) => `CHECK (length(${col}) = 7 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]')`
const BOOL = (col: string) => `CHECK (${col} IN (0, 1))`
const IN = (col: string, values: readonly string[]) =>
  `CHECK (${col} IS NULL OR ${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`

const ENROLMENT_STATUSES = ['positionne', 'retenu', 'non_retenu', 'en_attente', 'a_valider', 'inscrit', 'entre', 'sorti', 'abandon', 'annule']
const FUNDINGS = ['region', 'aif', 'cpf', 'agefiph', 'opco', 'self', 'other']

const sql = `
CREATE TABLE app_setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE clerk (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  active     INTEGER NOT NULL DEFAULT 1 ${BOOL('active')},
  created_at TEXT NOT NULL
) STRICT;

-- The user's own organisation: exactly one row.
CREATE TABLE organisation (
  id                   INTEGER PRIMARY KEY CHECK (id = 1),
  raison_sociale       TEXT,
  siret                TEXT CHECK (siret IS NULL OR length(siret) = 14),
  nda                  TEXT CHECK (nda IS NULL OR length(nda) = 11),
  legal_form           TEXT,
  address_line1        TEXT,
  address_line2        TEXT,
  postal_code          TEXT,
  city                 TEXT,
  phone                TEXT,
  email                TEXT,
  website              TEXT,
  region_code          TEXT,
  qualiopi_number      TEXT,
  qualiopi_valid_until TEXT ${DATE('qualiopi_valid_until')},
  signatory_name       TEXT,
  signatory_title      TEXT,
  logo                 BLOB,
  logo_mime            TEXT ${IN('logo_mime', ['image/png', 'image/jpeg'])},
  updated_at           TEXT
) STRICT;

-- Other organisations met in the catalogue: organisme-formation-responsable, organisme-formateur,
-- funders and prescriber agencies.
CREATE TABLE partner_org (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL ${IN('kind', ['responsible', 'trainer', 'funder', 'prescriber', 'employer', 'other'])},
  name              TEXT NOT NULL,
  siret             TEXT,
  intercarif_org_id TEXT,
  nda               TEXT,
  address_line1     TEXT,
  postal_code       TEXT,
  city              TEXT,
  phone             TEXT,
  email             TEXT,
  extras_json       TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX partner_org_intercarif ON partner_org (kind, intercarif_org_id) WHERE intercarif_org_id IS NOT NULL;
CREATE INDEX partner_org_name ON partner_org (kind, name);

CREATE TABLE place (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL,
  address_line1       TEXT,
  address_line2       TEXT,
  postal_code         TEXT,
  city                TEXT,
  insee_code          TEXT,
  region_code         TEXT,
  latitude            REAL,
  longitude           REAL,
  accessible          INTEGER ${BOOL('accessible')},
  created_at          TEXT NOT NULL
) STRICT;
CREATE INDEX place_name ON place (name, city);

CREATE TABLE training (
  id                        INTEGER PRIMARY KEY,
  intercarif_formation_id   TEXT UNIQUE,
  title                     TEXT NOT NULL,
  formacode                 TEXT CHECK (formacode IS NULL OR (length(formacode) = 5 AND formacode GLOB '[0-9][0-9][0-9][0-9][0-9]')),
  formacode_version         TEXT,
  secondary_formacodes      TEXT,
  nsf_code                  TEXT,
  rome_codes                TEXT,
  objective_code            INTEGER CHECK (objective_code IS NULL OR objective_code BETWEEN 0 AND 9),
  objectives                TEXT,
  expected_results          TEXT,
  content                   TEXT,
  certifying                INTEGER ${BOOL('certifying')},
  certification_kind        TEXT ${IN('certification_kind', ['RNCP', 'RS'])},
  certification_code        TEXT,
  certification_level       INTEGER CHECK (certification_level IS NULL OR certification_level BETWEEN 1 AND 8),
  total_hours               REAL CHECK (total_hours IS NULL OR total_hours >= 0),
  access_level              TEXT,
  responsible_org_id        INTEGER REFERENCES partner_org (id) ON DELETE SET NULL,
  source                    TEXT NOT NULL DEFAULT 'local' ${IN('source', ['local', 'lheo'])},
  lheo_version              TEXT,
  lheo_extras_json          TEXT,
  lheo_imported_at          TEXT,
  missing_from_source_at    TEXT,
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL
) STRICT;

-- LHEO "action": the conditions under which a training is delivered (places, hours, rhythm,
-- prices, funders). Sessions hang under it; locally created sessions may have none.
CREATE TABLE training_action (
  id                      INTEGER PRIMARY KEY,
  training_id             INTEGER NOT NULL REFERENCES training (id) ON DELETE CASCADE,
  intercarif_action_id    TEXT UNIQUE,
  trainer_org_id          INTEGER REFERENCES partner_org (id) ON DELETE SET NULL,
  places                  INTEGER CHECK (places IS NULL OR places >= 0),
  hours_total             REAL,
  hours_centre            REAL,
  hours_company           REAL,
  rhythm                  TEXT,
  entry_mode              TEXT ${IN('entry_mode', ['fixed', 'permanent'])},
  teaching_modality       TEXT,
  admission_conditions    TEXT,
  prerequisites           TEXT,
  price_total_cents       INTEGER,
  price_hourly_cents      INTEGER,
  price_details           TEXT,
  funders_json            TEXT,
  trainers                TEXT,
  place_id                INTEGER REFERENCES place (id) ON DELETE SET NULL,
  registration_place_id   INTEGER REFERENCES place (id) ON DELETE SET NULL,
  lheo_extras_json        TEXT,
  missing_from_source_at  TEXT,
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL
) STRICT;
CREATE INDEX training_action_training ON training_action (training_id);

CREATE TABLE session (
  id                      INTEGER PRIMARY KEY,
  training_id             INTEGER NOT NULL REFERENCES training (id) ON DELETE RESTRICT,
  action_id               INTEGER REFERENCES training_action (id) ON DELETE RESTRICT,
  intercarif_session_id   TEXT,
  label                   TEXT,
  -- LHEO allows partial dates (YYYYMM00, YYYY0000), unknown (00000000) and open ends (99999999):
  -- the date is stored normalised (first/last day of the period, or NULL) with its precision.
  start_date              TEXT ${DATE('start_date')},
  end_date                TEXT ${DATE('end_date')},
  start_precision         TEXT NOT NULL DEFAULT 'day' ${IN('start_precision', ['day', 'month', 'year', 'unknown', 'open'])},
  end_precision           TEXT NOT NULL DEFAULT 'day' ${IN('end_precision', ['day', 'month', 'year', 'unknown', 'open'])},
  registration_start_date TEXT ${DATE('registration_start_date')},
  registration_end_date   TEXT ${DATE('registration_end_date')},
  place_id                INTEGER REFERENCES place (id) ON DELETE SET NULL,
  capacity                INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  entry_mode              TEXT NOT NULL DEFAULT 'fixed' ${IN('entry_mode', ['fixed', 'permanent'])},
  hours_centre            REAL CHECK (hours_centre IS NULL OR hours_centre >= 0),
  hours_company           REAL CHECK (hours_company IS NULL OR hours_company >= 0),
  -- Planned hours per weekday (Monday..Sunday), the default planning of every trainee.
  weekly_hours_json       TEXT,
  recruitment_state       TEXT NOT NULL DEFAULT 'open' ${IN('recruitment_state', ['open', 'closed', 'suspended'])},
  trainer_name            TEXT,
  referent_name           TEXT,
  source                  TEXT NOT NULL DEFAULT 'local' ${IN('source', ['local', 'lheo'])},
  lheo_extras_json        TEXT,
  missing_from_source_at  TEXT,
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL,
  CHECK (end_date >= start_date)
) STRICT;
CREATE UNIQUE INDEX session_intercarif ON session (action_id, intercarif_session_id) WHERE intercarif_session_id IS NOT NULL;
CREATE INDEX session_training ON session (training_id);
CREATE INDEX session_start ON session (start_date);
CREATE INDEX session_end ON session (end_date);

CREATE TABLE session_funder (
  session_id   INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
  funder_code  TEXT NOT NULL,
  label        TEXT,
  PRIMARY KEY (session_id, funder_code)
) STRICT, WITHOUT ROWID;

-- Closures of the whole session (holidays, company periods): no attendance expected.
CREATE TABLE session_break (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
  start_date  TEXT NOT NULL ${DATE('start_date')},
  end_date    TEXT NOT NULL ${DATE('end_date')},
  label       TEXT,
  CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX session_break_session ON session_break (session_id);

CREATE TABLE recruitment_event (
  id             INTEGER PRIMARY KEY,
  session_id     INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL ${IN('kind', ['info_session', 'appointment', 'application_window'])},
  date           TEXT NOT NULL ${DATE('date')},
  end_date       TEXT ${DATE('end_date')},
  start_time     TEXT CHECK (start_time IS NULL OR start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  end_time       TEXT CHECK (end_time IS NULL OR end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  place_id       INTEGER REFERENCES place (id) ON DELETE SET NULL,
  place_text     TEXT,
  capacity       INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  comment        TEXT,
  series_id      TEXT,
  cancelled_at   TEXT,
  cancel_reason  TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX recruitment_event_session ON recruitment_event (session_id, date);
CREATE INDEX recruitment_event_date ON recruitment_event (date);

CREATE TABLE trainee (
  id              INTEGER PRIMARY KEY,
  -- France Travail "identifiant régional", normalised upper case.
  ft_id           TEXT UNIQUE,
  civility        TEXT ${IN('civility', ['M', 'Mme'])},
  last_name       TEXT NOT NULL,
  first_name      TEXT NOT NULL,
  birth_name      TEXT,
  birth_date      TEXT ${DATE('birth_date')},
  email           TEXT,
  phone           TEXT,
  address_line1   TEXT,
  address_line2   TEXT,
  postal_code     TEXT,
  city            TEXT,
  prescriber      TEXT ${IN('prescriber', ['france_travail', 'mission_locale', 'cap_emploi', 'self', 'other'])},
  prescriber_agency TEXT,
  adviser_name    TEXT,
  adviser_email   TEXT,
  cpf_balance_cents INTEGER,
  notes           TEXT,
  -- Accent- and case-folded "last first ft_id email city postal code", for search.
  search_text     TEXT NOT NULL DEFAULT '',
  anonymised_at   TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX trainee_name ON trainee (last_name COLLATE NOCASE, first_name COLLATE NOCASE);

-- A trainee booked on a recruitment event (positionnement).
CREATE TABLE registration (
  id              INTEGER PRIMARY KEY,
  event_id        INTEGER NOT NULL REFERENCES recruitment_event (id) ON DELETE RESTRICT,
  trainee_id      INTEGER NOT NULL REFERENCES trainee (id) ON DELETE RESTRICT,
  presence        TEXT NOT NULL DEFAULT 'unknown' ${IN('presence', ['unknown', 'present', 'absent'])},
  result          TEXT ${IN('result', ['retenu', 'non_retenu', 'en_attente'])},
  -- What an exchange with France Travail carries: ICR retenu, ICA absent, ICN non retenu.
  result_code     TEXT ${IN('result_code', ['ICR', 'ICA', 'ICN'])},
  result_at       TEXT,
  comment         TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (event_id, trainee_id)
) STRICT;
CREATE INDEX registration_trainee ON registration (trainee_id);

CREATE TABLE registration_transfer (
  id               INTEGER PRIMARY KEY,
  registration_id  INTEGER NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
  from_event_id    INTEGER NOT NULL REFERENCES recruitment_event (id) ON DELETE RESTRICT,
  to_event_id      INTEGER NOT NULL REFERENCES recruitment_event (id) ON DELETE RESTRICT,
  transferred_at   TEXT NOT NULL,
  transferred_by   TEXT NOT NULL,
  comment          TEXT
) STRICT;
CREATE INDEX registration_transfer_registration ON registration_transfer (registration_id);

CREATE TABLE enrolment (
  id                   INTEGER PRIMARY KEY,
  session_id           INTEGER NOT NULL REFERENCES session (id) ON DELETE RESTRICT,
  trainee_id           INTEGER NOT NULL REFERENCES trainee (id) ON DELETE RESTRICT,
  registration_id      INTEGER REFERENCES registration (id) ON DELETE SET NULL,
  status               TEXT NOT NULL ${IN('status', ENROLMENT_STATUSES)},
  status_since         TEXT NOT NULL ${DATE('status_since')},
  funding              TEXT ${IN('funding', FUNDINGS)},
  funding_reference    TEXT,
  -- Plan dates sent with an AIS: they must lie within the session's dates.
  planned_start_date   TEXT ${DATE('planned_start_date')},
  planned_end_date     TEXT ${DATE('planned_end_date')},
  planned_hours        REAL CHECK (planned_hours IS NULL OR planned_hours >= 0),
  weekly_hours_json    TEXT,
  entry_date           TEXT ${DATE('entry_date')},
  exit_date            TEXT ${DATE('exit_date')},
  exit_reason          TEXT,
  dropout_reason       TEXT,
  cancel_reason        TEXT,
  validated_by         TEXT ${IN('validated_by', ['france_travail', 'mission_locale', 'cap_emploi'])},
  validated_on         TEXT ${DATE('validated_on')},
  ais_status_code      TEXT ${IN('ais_status_code', ['ICR', 'ICA', 'ICN'])},
  -- Next undeclared KAIROS event (denormalised so the dashboard never scans the history).
  kairos_pending_since TEXT ${DATE('kairos_pending_since')},
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  UNIQUE (session_id, trainee_id),
  CHECK (planned_end_date IS NULL OR planned_start_date IS NULL OR planned_end_date >= planned_start_date),
  CHECK (exit_date IS NULL OR entry_date IS NULL OR exit_date >= entry_date)
) STRICT;
CREATE INDEX enrolment_trainee ON enrolment (trainee_id);
CREATE INDEX enrolment_status ON enrolment (status, session_id);
CREATE INDEX enrolment_session_status ON enrolment (session_id, status);
CREATE INDEX enrolment_kairos_pending ON enrolment (kairos_pending_since) WHERE kairos_pending_since IS NOT NULL;

-- Every change of an enrolment, and for entry, interruption and exit when it was declared in KAIROS.
CREATE TABLE enrolment_event (
  id                   INTEGER PRIMARY KEY,
  enrolment_id         INTEGER NOT NULL REFERENCES enrolment (id) ON DELETE CASCADE,
  kind                 TEXT NOT NULL ${IN('kind', ['status', 'entry', 'interruption', 'resumption', 'exit', 'dropout', 'cancellation', 'correction'])},
  from_status          TEXT ${IN('from_status', ENROLMENT_STATUSES)},
  to_status            TEXT ${IN('to_status', ENROLMENT_STATUSES)},
  effective_date       TEXT NOT NULL ${DATE('effective_date')},
  reason_code          TEXT,
  reason_label         TEXT,
  comment              TEXT,
  recorded_at          TEXT NOT NULL,
  recorded_by          TEXT NOT NULL,
  requires_declaration INTEGER NOT NULL DEFAULT 0 ${BOOL('requires_declaration')},
  kairos_declared_on   TEXT ${DATE('kairos_declared_on')},
  kairos_declared_by   TEXT
) STRICT;
CREATE INDEX enrolment_event_enrolment ON enrolment_event (enrolment_id, effective_date);
CREATE INDEX enrolment_event_undeclared ON enrolment_event (effective_date) WHERE requires_declaration = 1 AND kairos_declared_on IS NULL;

CREATE TABLE interruption (
  id                INTEGER PRIMARY KEY,
  enrolment_id      INTEGER NOT NULL REFERENCES enrolment (id) ON DELETE CASCADE,
  start_date        TEXT NOT NULL ${DATE('start_date')},
  end_date          TEXT ${DATE('end_date')},
  reason            TEXT NOT NULL,
  comment           TEXT,
  event_id          INTEGER REFERENCES enrolment_event (id) ON DELETE SET NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX interruption_enrolment ON interruption (enrolment_id, start_date);

CREATE TABLE absence_code (
  code       TEXT PRIMARY KEY,
  label      TEXT NOT NULL,
  justified  INTEGER NOT NULL ${BOOL('justified')},
  sort_order INTEGER NOT NULL
) STRICT;

-- One trainee, one day: hours attended and/or an absence code. Legal evidence.
CREATE TABLE attendance_day (
  enrolment_id  INTEGER NOT NULL REFERENCES enrolment (id) ON DELETE CASCADE,
  date          TEXT NOT NULL ${DATE('date')},
  hours         REAL CHECK (hours IS NULL OR (hours >= 0 AND hours <= 24)),
  absence_code  TEXT REFERENCES absence_code (code),
  absence_hours REAL CHECK (absence_hours IS NULL OR (absence_hours >= 0 AND absence_hours <= 24)),
  forced        INTEGER NOT NULL DEFAULT 0 ${BOOL('forced')},
  comment       TEXT,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  PRIMARY KEY (enrolment_id, date),
  CHECK (hours IS NOT NULL OR absence_code IS NOT NULL)
) STRICT, WITHOUT ROWID;
CREATE INDEX attendance_day_date ON attendance_day (date, enrolment_id);

CREATE TABLE attendance_month (
  enrolment_id       INTEGER NOT NULL REFERENCES enrolment (id) ON DELETE CASCADE,
  month              TEXT NOT NULL ${MONTH('month')},
  planned_hours      REAL,
  attested_at        TEXT,
  attested_by        TEXT,
  kairos_declared_on TEXT ${DATE('kairos_declared_on')},
  kairos_declared_by TEXT,
  PRIMARY KEY (enrolment_id, month)
) STRICT, WITHOUT ROWID;
CREATE INDEX attendance_month_month ON attendance_month (month, enrolment_id);

CREATE TABLE exit_report (
  id                     INTEGER PRIMARY KEY,
  enrolment_id           INTEGER NOT NULL UNIQUE REFERENCES enrolment (id) ON DELETE CASCADE,
  exit_date              TEXT ${DATE('exit_date')},
  exit_reason            TEXT,
  hours_computed         REAL,
  hours_completed        REAL,
  hours_override_reason  TEXT,
  certification_result   TEXT ${IN('certification_result', ['totale', 'partielle', 'non_obtenue', 'non_presentee'])},
  skills_acquired        TEXT,
  next_step              TEXT,
  comments               TEXT,
  completed_at           TEXT,
  created_at             TEXT NOT NULL,
  created_by             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  updated_by             TEXT NOT NULL
) STRICT;

CREATE TABLE aif_quote (
  id                      INTEGER PRIMARY KEY,
  number                  TEXT NOT NULL UNIQUE,
  trainee_id              INTEGER NOT NULL REFERENCES trainee (id) ON DELETE RESTRICT,
  session_id              INTEGER NOT NULL REFERENCES session (id) ON DELETE RESTRICT,
  enrolment_id            INTEGER REFERENCES enrolment (id) ON DELETE SET NULL,
  status                  TEXT NOT NULL DEFAULT 'draft' ${IN('status', ['draft', 'sent', 'accepted', 'refused', 'cancelled'])},
  start_date              TEXT NOT NULL ${DATE('start_date')},
  end_date                TEXT NOT NULL ${DATE('end_date')},
  hours                   REAL NOT NULL CHECK (hours >= 0),
  total_cents             INTEGER NOT NULL CHECK (total_cents >= 0),
  cpf_cents               INTEGER NOT NULL DEFAULT 0,
  own_contribution_cents  INTEGER NOT NULL DEFAULT 0,
  remaining_cost_cents    INTEGER NOT NULL DEFAULT 0,
  kairos_reference        TEXT,
  sent_on                 TEXT ${DATE('sent_on')},
  answered_on             TEXT ${DATE('answered_on')},
  comment                 TEXT,
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL,
  CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX aif_quote_status ON aif_quote (status, sent_on);
CREATE INDEX aif_quote_trainee ON aif_quote (trainee_id);
CREATE INDEX aif_quote_session ON aif_quote (session_id);

CREATE TABLE aif_quote_funder (
  quote_id      INTEGER NOT NULL REFERENCES aif_quote (id) ON DELETE CASCADE,
  funder        TEXT NOT NULL,
  amount_cents  INTEGER NOT NULL CHECK (amount_cents >= 0),
  PRIMARY KEY (quote_id, funder)
) STRICT, WITHOUT ROWID;

CREATE TABLE invoice (
  id                    INTEGER PRIMARY KEY,
  number                TEXT NOT NULL UNIQUE,
  kind                  TEXT NOT NULL DEFAULT 'invoice' ${IN('kind', ['invoice', 'credit_note'])},
  session_id            INTEGER REFERENCES session (id) ON DELETE RESTRICT,
  quote_id              INTEGER REFERENCES aif_quote (id) ON DELETE SET NULL,
  buyer_name            TEXT NOT NULL,
  buyer_siret           TEXT,
  buyer_service_code    TEXT,
  buyer_engagement      TEXT,
  buyer_address         TEXT,
  issue_date            TEXT NOT NULL ${DATE('issue_date')},
  due_date              TEXT ${DATE('due_date')},
  total_ht_cents        INTEGER NOT NULL,
  total_vat_cents       INTEGER NOT NULL DEFAULT 0,
  total_ttc_cents       INTEGER NOT NULL,
  vat_exemption_reason  TEXT,
  status                TEXT NOT NULL DEFAULT 'draft' ${IN('status', ['draft', 'issued', 'deposited', 'paid', 'cancelled'])},
  chorus_deposited_on   TEXT ${DATE('chorus_deposited_on')},
  chorus_reference      TEXT,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL
) STRICT;

CREATE TABLE invoice_line (
  id                INTEGER PRIMARY KEY,
  invoice_id        INTEGER NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
  position          INTEGER NOT NULL,
  enrolment_id      INTEGER REFERENCES enrolment (id) ON DELETE SET NULL,
  label             TEXT NOT NULL,
  quantity          REAL NOT NULL,
  unit              TEXT NOT NULL DEFAULT 'HUR',
  unit_price_cents  INTEGER NOT NULL,
  vat_rate          REAL NOT NULL DEFAULT 0,
  amount_cents      INTEGER NOT NULL
) STRICT;
CREATE INDEX invoice_line_invoice ON invoice_line (invoice_id, position);

CREATE TABLE generated_document (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL,
  trainee_id      INTEGER REFERENCES trainee (id) ON DELETE SET NULL,
  session_id      INTEGER REFERENCES session (id) ON DELETE SET NULL,
  enrolment_id    INTEGER REFERENCES enrolment (id) ON DELETE SET NULL,
  period          TEXT,
  file_name       TEXT NOT NULL,
  path            TEXT NOT NULL,
  sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
  size_bytes      INTEGER NOT NULL,
  generated_at    TEXT NOT NULL,
  generated_by    TEXT NOT NULL,
  supersedes_id   INTEGER REFERENCES generated_document (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX generated_document_trainee ON generated_document (trainee_id, generated_at);
CREATE INDEX generated_document_session ON generated_document (session_id, generated_at);
CREATE INDEX generated_document_at ON generated_document (generated_at);

-- One row per catalogue import (LHEO file), for the administrator's history.
CREATE TABLE catalogue_import (
  id             INTEGER PRIMARY KEY,
  file_name      TEXT NOT NULL,
  sha256         TEXT NOT NULL,
  lheo_version   TEXT NOT NULL,
  imported_at    TEXT NOT NULL,
  imported_by    TEXT NOT NULL,
  summary_json   TEXT NOT NULL,
  warnings_json  TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  clerk_id     INTEGER REFERENCES clerk (id) ON DELETE SET NULL,
  clerk_name   TEXT NOT NULL,
  operation    TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_id    TEXT,
  before_json  TEXT,
  after_json   TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at ON audit_log (at);

INSERT INTO absence_code (code, label, justified, sort_order) VALUES
  ('AJ',  'Absence justifiée', 1, 1),
  ('ANJ', 'Absence non justifiée', 0, 2),
  ('MAL', 'Maladie, arrêt de travail', 1, 3),
  ('AT',  'Accident du travail', 1, 4),
  ('RDV', 'Rendez-vous France Travail / employeur', 1, 5),
  ('FAM', 'Événement familial', 1, 6),
  ('ENT', 'Période en entreprise / stage', 1, 7);

INSERT INTO organisation (id) VALUES (1);
`

export const migration0010: Migration = {
  version: 10,
  name: 'init',
  up: (db) => db.exec(sql)
}
