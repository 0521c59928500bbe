/**
 * Data read from an LHEO catalogue (the CARIF-OREF exchange format), one formation at a time.
 * Everything here is plain JSON-serialisable data: no Date objects, no class instances.
 *
 * Where the mapping from LHEO to a field is a choice, the choice is written next to the field.
 * Text fields are trimmed; the LHEO placeholders producers put in mandatory fields ("-", "--",
 * empty) become null.
 */

export type LheoVersion = '2.2' | '2.3'

/**
 * - `day`: a full date.
 * - `month`: `YYYYMM00`, day unknown.
 * - `year`: `YYYY0000`, month and day unknown.
 * - `unknown`: `00000000`, or an impossible date such as `20230231` (a warning says which).
 * - `open`: `99999999`, "not fixed yet / no end".
 */
export type DatePrecision = 'day' | 'month' | 'year' | 'unknown' | 'open'

/**
 * `iso` is `yyyy-mm-dd`. For a partial date it is the first day of the period when the date
 * starts something, the last day when it ends something (see `lheoDate(raw, bound)`).
 */
export type LheoDate = { iso: string | null; precision: DatePrecision; raw: string }

export type LheoOrg = {
  /** `numero` attribute (InterCarif number of the organisation), when given. */
  intercarifId: string | null
  /**
   * Responsible organisation: `raison-sociale`, or `nom-organisme` when the legal name is a
   * placeholder. Trainer organisation: `raison-sociale-formateur`.
   */
  name: string | null
  /** 14 characters as in the file (the schema enforces the length, not the Luhn key: a bad key gives a warning). */
  siret: string | null
  /** `numero-activite` (NDA, 11 characters). Placeholders such as 99999999999 become null. Trainer organisations have none in LHEO. */
  nda: string | null
  /** All `ligne` of the address, joined with ", ". */
  addressLine1: string | null
  postalCode: string | null
  city: string | null
  /** First `telfixe` number, else first `portable` number. */
  phone: string | null
  email: string | null
  /** First `web/urlweb`. */
  web: string | null
}

export type LheoPlace = {
  /** `coordonnees/nom`, else `adresse/denomination` (2.3), else the first `coordonnees/ligne`. */
  name: string | null
  /** First `adresse/ligne`. */
  addressLine1: string | null
  /** Other `adresse/ligne`, joined with ", ". */
  addressLine2: string | null
  postalCode: string | null
  city: string | null
  /** `code-INSEE-commune`. */
  inseeCode: string | null
  /** `region` (INSEE region code, 2 characters). */
  regionCode: string | null
  latitude: number | null
  longitude: number | null
}

/**
 * Content of an `extras` element, kept as data: `extras` / `extra` and anything inside `extra`
 * (the schema types it xs:anyType). `text` is the element's own text, trimmed, null when blank.
 */
export type ExtraNode = { name: string; attributes: Record<string, string>; text: string | null; children: ExtraNode[] }

/**
 * The `extras` of an element as JSON text, null when it has none: an array of nodes, each written
 * compactly as `[name, attributes, text, ...children]` (see `decodeExtras` for `ExtraNode`s).
 * Kept as text from the reader on: it is stored as such, and a string crosses threads and files
 * for the price of a copy where a tree of nodes costs a walk on each side. Compact because extras
 * are most of a catalogue's bytes (half the database after an import in the keyed form).
 */
export type ExtrasJson = string | null

/** One node of `ExtrasJson`. */
export type CompactExtraNode = [name: string, attributes: Record<string, string>, text: string | null, ...children: CompactExtraNode[]]

export type LheoFunder = {
  /** `code-financeur`, e.g. "2" (Conseil régional), "4" (Pôle emploi / France Travail), "16" (OPCO). */
  code: string
  /** Label from the LHEO table `dict-financeurs`; null (with a warning) when the code is not in it. */
  label: string | null
  /** `nb-places-financees`. */
  places: number | null
  extras: ExtrasJson
}

export type LheoSession = {
  /** `numero` attribute. */
  intercarifId: string | null
  /** `periode/debut`. */
  start: LheoDate
  /** `periode/fin`. */
  end: LheoDate
  /** `periode-inscription/periode/debut`, null when the session gives no registration period. */
  registrationStart: LheoDate | null
  registrationEnd: LheoDate | null
  /**
   * `adresse-inscription`: the only address a session carries in LHEO (where to register).
   * The training place itself is the action's `place`.
   */
  place: LheoPlace | null
  /** `etat-recrutement`: 1 ouvert, 2 fermé, 3 suspendu. */
  recruitmentState: 'open' | 'closed' | 'suspended' | null
  extras: ExtrasJson
  /** Line of the `<session>` start tag (of its end, for a tag spread over several lines). */
  line: number
}

export type LheoAction = {
  /** `numero` attribute. */
  intercarifId: string | null
  /**
   * Capacity: LHEO has no places element on the action; it gives `nb-places-financees` per
   * funder (`organisme-financeur`). This is their sum, null when no funder gives a number.
   * Per-funder numbers are in `funders[].places`.
   */
  places: number | null
  /** `nombre-heures-total`. */
  hoursTotal: number | null
  /** `nombre-heures-centre`. */
  hoursCentre: number | null
  /** `nombre-heures-entreprise`. */
  hoursCompany: number | null
  /** `rythme-formation`. */
  rhythm: string | null
  /** `modalites-entrees-sorties` (table dict-modalites-es): 0 dates fixes, 1 entrées/sorties permanentes. */
  entryMode: 'fixed' | 'permanent' | null
  /** `modalites-enseignement`, as its label in dict-modalites-enseignement (e.g. "formation entièrement présentielle"). */
  teachingModality: string | null
  /** `modalites-recrutement` ("modalités de recrutement et d'admission"), rich text cleaned. */
  admissionConditions: string | null
  /** `conditions-specifiques` ("conditions spécifiques et prérequis"), rich text cleaned. */
  prerequisites: string | null
  /** `prix-total-TTC` in euro cents. */
  priceTotalCents: number | null
  /** `prix-horaire-TTC` in euro cents. */
  priceHourlyCents: number | null
  /** `detail-conditions-prise-en-charge`, followed by `frais-restants` when present. */
  priceDetails: string | null
  funders: LheoFunder[]
  /** First `organisme-formateur` (a warning is given when there are several). */
  trainerOrg: LheoOrg | null
  /**
   * LHEO has no list of trainers: this is the people named in `contact-formateur`
   * ("Prénom NOM", comma-separated), null when none.
   */
  trainers: string | null
  /** First `lieu-de-formation`. */
  place: LheoPlace | null
  /** Every `lieu-de-formation` (the schema allows several). */
  trainingPlaces: LheoPlace[]
  /** `adresse-information`: where candidates get information and register. */
  registrationPlace: LheoPlace | null
  sessions: LheoSession[]
  extras: ExtrasJson
  line: number
}

export type LheoCertification = {
  kind: 'RNCP' | 'RS'
  /** Digits only: "RNCP320" and "320" both give "320". */
  code: string
  /**
   * Level 1–8 of the 2019 nomenclature, from `code-niveau-sortie`: codes 11–18 (LHEO 2.3) are
   * levels 1–8; the old codes 4–8 (niveaux V to I) are mapped to 3–7; codes 0–3 give null.
   */
  level: number | null
}

export type LheoFormation = {
  /** `formation@numero`, e.g. "07_10". */
  intercarifId: string | null
  /** `intitule-formation`. */
  title: string
  /** The `code-FORMACODE` tagged `principal`, else the first one. */
  formacode: string | null
  /** Its `ref` attribute (Formacode version), e.g. "V12". */
  formacodeVersion: string | null
  secondaryFormacodes: string[]
  nsfCodes: string[]
  romeCodes: string[]
  /** `objectif-general-formation` (table dict-AIS). */
  objectiveCode: number | null
  /** Rich text fields, cleaned to plain text (paragraphs separated by a blank line, "• " bullets). */
  objectives: string | null
  expectedResults: string | null
  content: string | null
  /** `certifiante`. */
  certifying: boolean | null
  /** First `certification` with an RNCP or RS code. */
  certification: LheoCertification | null
  /** `nombre-heures-total` of the first action that gives one (LHEO has no duration on the formation). */
  totalHours: number | null
  /** `code-niveau-entree` as its label in dict-niveaux; null for 0 (information non communiquée). */
  accessLevel: string | null
  /** The `code-niveau-entree` code itself. */
  accessLevelCode: string | null
  /** `organisme-formation-responsable`. */
  responsibleOrg: LheoOrg | null
  /** `url-formation/urlweb` (first). */
  url: string | null
  /** `datecrea` attribute (else the 2.3 `horodatage-creation`), as yyyy-mm-dd. */
  createdOn: string | null
  /** `datemaj` attribute (else the 2.3 `horodatage-modification`), as yyyy-mm-dd. */
  updatedOn: string | null
  actions: LheoAction[]
  extras: ExtrasJson
  /** Line of the `<formation>` start tag. */
  line: number
}

export type LheoWarning = { message: string; element: string | null; line: number | null }

export type ReadSummary = {
  version: LheoVersion
  namespace: string
  /** Encoding the bytes were decoded with: "UTF-8", "ISO-8859-1", "windows-1252", "UTF-16LE"… */
  encoding: string
  formations: number
  actions: number
  sessions: number
  /** The first `maxWarnings` warnings (default 1000); `warningCount` has the total. */
  warnings: LheoWarning[]
  warningCount: number
  bytesRead: number
}

export type ReadLheoOptions = {
  /**
   * Called once per `<formation>`, after its closing tag, in file order; a returned promise is
   * awaited before reading on. The reader keeps nothing once the callback has returned.
   *
   * A formation handed over is not final until `readLheo` resolves: a later schema error
   * rejects the whole file, so commit nothing before that (stage the formations, or write in a
   * transaction rolled back on rejection).
   */
  onFormation: (f: LheoFormation) => void | Promise<void>
  /** Bytes consumed so far, after each chunk. */
  onProgress?: (bytesRead: number) => void
  /** Every warning as it happens (the summary keeps only the first `maxWarnings`). */
  onWarning?: (w: LheoWarning) => void
  /** Cancel: the promise rejects with an LheoError, code 'ABORTED', message « Import annulé. ». */
  signal?: AbortSignal
  /** Warnings kept in the summary (default 1000). */
  maxWarnings?: number
  /** Folder holding lheo-2.2.xsd and lheo-2.3.xsd (default: found next to the app, see schema.ts). */
  schemaDir?: string
}
