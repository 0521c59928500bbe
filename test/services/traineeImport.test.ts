import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../electron/main/api/dispatch'
import { handlers } from '../../electron/main/api/handlers'
import type { ServiceContext } from '../../electron/main/services/context'
import {
  applyTraineeImport,
  previewTraineeImport,
  type MergeMode,
  type TraineeImportRequest
} from '../../electron/main/services/traineeImport/traineeImportService'
import { createTrainee, getTrainee, listTrainees } from '../../electron/main/services/trainees/traineeService'
import type { ImportableField, TraineeImportPreview } from '@shared/api/areas/traineeImport'
import { contract } from '@shared/api/contract'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { prescriberWorkbook, SEEDED } from '../fixtures/trainees/prescriberLists'

const FIXTURES = join(__dirname, '../fixtures/trainees')
const FRANCE_TRAVAIL = readFileSync(join(FIXTURES, 'france-travail-positionnes.csv'))
const MISSION_LOCALE = readFileSync(join(FIXTURES, 'mission-locale-vannes.csv'))

let t: TempDb
let ctx: ServiceContext
const seeded: Record<string, number> = {}

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db)
  for (const s of SEEDED) seeded[s.lastName] = createTrainee(ctx, contract['trainees:create'].input.parse(s)).id
})
afterEach(() => t.cleanup())

const count = (table: string, where = '1'): number => t.db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number
const snapshot = () => ({
  trainees: t.db.prepare('SELECT * FROM trainee ORDER BY id').all(),
  audit: count('audit_log')
})
const request = (bytes: Buffer, merge: MergeMode = 'fill_empty', mapping?: (ImportableField | null)[]): TraineeImportRequest => ({
  fileName: 'liste.csv',
  bytes,
  merge,
  mapping
})
const byLine = (p: TraineeImportPreview, line: number) => {
  const row = p.rows.find((r) => r.line === line)
  if (!row) throw new Error(`no outcome for line ${line}`)
  return row
}
const linesOf = (p: TraineeImportPreview, action: string) => p.rows.filter((r) => r.action === action).map((r) => r.line)

describe('France Travail export (windows-1252, semicolons, quoted, title line)', () => {
  it('previews exactly what would happen and writes nothing', async () => {
    const before = snapshot()
    const p = await previewTraineeImport(t.db, ctx.clock, request(FRANCE_TRAVAIL))
    expect(snapshot()).toEqual(before)
    expect(p).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', sheet: null, headerLine: 3, applied: false })
    expect(p.counts).toEqual({ create: 4, merge: 1, unchanged: 1, invalid: 3, duplicate_in_file: 1 })
    expect(linesOf(p, 'create')).toEqual([4, 5, 12, 14])
    expect(linesOf(p, 'invalid')).toEqual([7, 8, 13])
    expect(p.rows.map((r) => r.line)).not.toContain(9) // the blank row is skipped silently
    // « Structure » holds agencies (France Travail Lorient…): the kind of prescriber is told from them.
    expect(p.mapping).toEqual([null, 'ftId', 'civility', 'lastName', 'firstName', 'birthDate', 'phone', 'email', 'addressLine1', 'postalCode', 'city', 'prescriberAgency', 'adviserName', null])
    expect(p.warnings).toEqual([
      "La ligne 1, avant la ligne d'en-tête (ligne 3), est ignorée.",
      'Colonnes ignorées : « N° », « Date de prescription ».'
    ])
    expect(p.sample).toHaveLength(10)
    expect(p.sample[1]).toContain('Bât. B; appt 12, résidence Les Ajoncs')

    expect(byLine(p, 7).messages).toEqual([expect.stringMatching(/^ligne 7 : L'identifiant France Travail ABC123 n'a pas la forme attendue/)])
    expect(byLine(p, 8).messages).toEqual(['ligne 8 : Le nom est obligatoire.'])
    expect(byLine(p, 13).messages).toEqual(["ligne 13 : La date de naissance 31/02/1991 n'existe pas."])
    expect(byLine(p, 10)).toMatchObject({ action: 'duplicate_in_file', ftId: '0676932W', messages: ['ligne 10 : même identifiant France Travail (0676932W) que la ligne 4 : ligne ignorée.'] })
    expect(byLine(p, 6)).toMatchObject({ action: 'merge', traineeId: seeded.Bernard, name: 'BERNARD Sophie' })
    expect(byLine(p, 6).messages).toEqual([
      'ligne 6 : E-mail : (vide) → sophie.bernard@example.fr.',
      'ligne 6 : Téléphone : (vide) → 07 11 22 33 44.',
      'ligne 6 : Code postal : (vide) → 56100.',
      'ligne 6 : Prescripteur : (vide) → France Travail.',
      'ligne 6 : Agence prescriptrice : (vide) → France Travail Lorient.',
      'ligne 6 : Conseiller : (vide) → M. Le Bihan.'
    ])
    expect(byLine(p, 11)).toMatchObject({ action: 'unchanged', traineeId: seeded['Le Gall'], messages: [] })
    expect(byLine(p, 12).messages).toEqual([
      `ligne 12 : doublon possible : MORVAN Gwenaëlle, né(e) le 23/01/1979, existe déjà (fiche n° ${seeded.Morvan}).`
    ])
  })

  it('applies: creates and merges exactly those rows, in the form’s style, audited', async () => {
    const auditBefore = count('audit_log')
    const p = await applyTraineeImport(ctx, request(FRANCE_TRAVAIL))
    expect(p.applied).toBe(true)
    expect(p.counts).toEqual({ create: 4, merge: 1, unchanged: 1, invalid: 3, duplicate_in_file: 1 })
    expect(count('trainee')).toBe(SEEDED.length + 4)
    const created = p.rows.filter((r) => r.action === 'create')
    expect(created.every((r) => typeof r.traineeId === 'number')).toBe(true)

    const lefevre = getTrainee(t.db, created[0]!.traineeId!)
    expect(lefevre).toMatchObject({
      civility: 'Mme',
      lastName: 'LEFÈVRE',
      firstName: 'Élodie',
      birthDate: '1990-03-05',
      ftId: '0676932W',
      phone: '06 12 34 56 78',
      addressLine1: "12, rue de l'Œuvre",
      postalCode: '56100',
      city: 'Lorient',
      prescriber: 'france_travail',
      prescriberAgency: 'France Travail Lorient',
      adviserName: 'M. Le Bihan'
    })
    const coeurdevey = getTrainee(t.db, created[1]!.traineeId!)
    expect(coeurdevey).toMatchObject({ civility: 'M', lastName: 'CŒURDEVEY', firstName: 'François', city: 'Plœmeur', addressLine1: 'Bât. B; appt 12, résidence Les Ajoncs' })
    expect(getTrainee(t.db, created[2]!.traineeId!)).toMatchObject({
      lastName: 'MORVAN',
      ftId: null,
      prescriber: 'mission_locale',
      prescriberAgency: 'Mission locale du Pays de Lorient',
      adviserName: 'Mme Cadiou'
    })
    expect(getTrainee(t.db, created[3]!.traineeId!)).toMatchObject({ lastName: "LE FLOC'H", phone: '06 45 67 89 01' })

    expect(getTrainee(t.db, seeded.Bernard!)).toMatchObject({
      lastName: 'BERNARD',
      phone: '07 11 22 33 44',
      email: 'sophie.bernard@example.fr',
      postalCode: '56100',
      city: 'Lorient',
      prescriber: 'france_travail',
      prescriberAgency: 'France Travail Lorient'
    })

    const audit = t.db.prepare('SELECT operation, entity_id, clerk_name, after_json FROM audit_log WHERE id > ? ORDER BY id').all(auditBefore) as { operation: string; entity_id: string | null; clerk_name: string; after_json: string }[]
    expect(audit.map((a) => a.operation)).toEqual(['trainees.create', 'trainees.create', 'trainees.update', 'trainees.create', 'trainees.create', 'traineeImport.apply'])
    expect(audit.every((a) => a.clerk_name === 'Claire Martin')).toBe(true)
    expect(audit[2]!.entity_id).toBe(String(seeded.Bernard))
    expect(JSON.parse(audit[5]!.after_json)).toEqual({ fileName: 'liste.csv', format: 'csv', merge: 'fill_empty', created: 4, merged: 1 })
  })

  it('applying the same file again changes nothing', async () => {
    await applyTraineeImport(ctx, request(FRANCE_TRAVAIL))
    const before = snapshot()
    const again = await applyTraineeImport(ctx, request(FRANCE_TRAVAIL))
    // The row without identifier is created again (nothing proves it is the same person), with a warning.
    expect(again.counts).toEqual({ create: 1, merge: 0, unchanged: 5, invalid: 3, duplicate_in_file: 1 })
    expect(byLine(again, 12).messages.join(' ')).toMatch(/doublon possible/)
    expect(count('trainee')).toBe((before.trainees as unknown[]).length + 1)
  })
})

describe('merge options', () => {
  const changedPhone = () =>
    Buffer.from(
      'Identifiant FT;Nom;Prénom;Téléphone;Ville\n0698765K;Le Gall;Yann;07 00 00 00 01;\n0712345A;Bernard;Sophie;07 11 22 33 44;Vannes\n',
      'utf8'
    )

  it('fill_empty (default) fills only empty fields and says what it keeps', async () => {
    const p = await previewTraineeImport(t.db, ctx.clock, request(changedPhone()))
    expect(byLine(p, 2)).toMatchObject({ action: 'unchanged', messages: ['ligne 2 : « Téléphone » différent dans le fichier (07 00 00 00 01) : valeur de la fiche conservée (06 98 76 54 32).'] })
    expect(byLine(p, 3)).toMatchObject({ action: 'merge' })
    expect(byLine(p, 3).messages).toEqual([
      'ligne 3 : Téléphone : (vide) → 07 11 22 33 44.',
      'ligne 3 : « Ville » différent dans le fichier (Vannes) : valeur de la fiche conservée (Lorient).'
    ])
  })

  it('overwrite replaces differing values but never blanks a field the file leaves empty', async () => {
    const p = await applyTraineeImport(ctx, request(changedPhone(), 'overwrite'))
    expect(p.counts).toMatchObject({ merge: 2, unchanged: 0 })
    expect(byLine(p, 2).messages).toEqual(['ligne 2 : Téléphone : 06 98 76 54 32 → 07 00 00 00 01.'])
    expect(getTrainee(t.db, seeded['Le Gall']!)).toMatchObject({ phone: '07 00 00 00 01', city: 'Lorient', email: 'yann.legall@example.fr' })
    expect(getTrainee(t.db, seeded.Bernard!)).toMatchObject({ phone: '07 11 22 33 44', city: 'Vannes' })
  })

  it('apply compares with the database as it is then, not as it was at preview time', async () => {
    const file = Buffer.from('Identifiant FT;Nom;Prénom;Ville\n0745678F;Nicolas;Hélène;Vannes\n', 'utf8')
    expect((await previewTraineeImport(t.db, ctx.clock, request(file))).counts.create).toBe(1)
    const meanwhile = createTrainee(ctx, contract['trainees:create'].input.parse({ lastName: 'Nicolas', firstName: 'Hélène', ftId: '0745678F' }))
    const p = await applyTraineeImport(ctx, request(file))
    expect(p.counts).toMatchObject({ create: 0, merge: 1 })
    expect(getTrainee(t.db, meanwhile.id).city).toBe('Vannes')
  })

  it('skip leaves known people untouched', async () => {
    const before = snapshot()
    const p = await applyTraineeImport(ctx, request(changedPhone(), 'skip'))
    expect(p.counts).toEqual({ create: 0, merge: 0, unchanged: 2, invalid: 0, duplicate_in_file: 0 })
    expect(byLine(p, 2).messages).toEqual([`ligne 2 : personne déjà enregistrée (fiche n° ${seeded['Le Gall']}) : fiche laissée telle quelle.`])
    expect(snapshot()).toEqual(before)
  })

  it('warns when the file names someone else under a known identifier', async () => {
    const file = Buffer.from('Identifiant FT;Nom;Prénom\n0712345A;Martin;Sophie\n', 'utf8')
    const fill = await previewTraineeImport(t.db, ctx.clock, request(file))
    expect(byLine(fill, 2).messages).toEqual([
      `ligne 2 : Le fichier indique MARTIN Sophie pour l'identifiant 0712345A, la fiche n° ${seeded.Bernard} est au nom de BERNARD Sophie : vérifiez qu'il s'agit de la même personne.`
    ])
    const overwrite = await previewTraineeImport(t.db, ctx.clock, request(file, 'overwrite'))
    expect(byLine(overwrite, 2).messages).toContain('ligne 2 : Nom : BERNARD → MARTIN.')
  })
})

describe('Mission locale list (UTF-8 with BOM, commas)', () => {
  it('previews and applies', async () => {
    const p = await previewTraineeImport(t.db, ctx.clock, request(MISSION_LOCALE))
    expect(p).toMatchObject({ encoding: 'UTF-8', delimiter: ',', headerLine: 1, warnings: [] })
    expect(p.headers[0]).toBe('Nom de famille') // the byte order mark is not part of the first header
    expect(p.mapping).toEqual(['lastName', 'firstName', 'birthDate', 'civility', 'ftId', 'email', 'phone', 'addressLine1', 'postalCode', 'city', 'prescriber', 'adviserName', 'notes'])
    expect(p.counts).toEqual({ create: 3, merge: 1, unchanged: 0, invalid: 3, duplicate_in_file: 0 })
    expect(byLine(p, 7).messages).toEqual(["ligne 7 : La date de naissance 15/13/1990 n'existe pas."])
    expect(byLine(p, 8).messages).toEqual(['ligne 8 : Avec une naissance le 12/05/2015, la personne aurait 11 ans : il faut avoir au moins 15 ans.'])
    expect(byLine(p, 9).messages).toEqual(['ligne 9 : Civilité « X » non reconnue : M, Mme, Monsieur, Madame, H ou F attendu.'])
    expect(byLine(p, 5).messages).toEqual(['ligne 5 : Notes : (vide) → Déjà suivie en 2025 « Prépa avenir ».'])

    const applied = await applyTraineeImport(ctx, request(MISSION_LOCALE))
    const ids = applied.rows.filter((r) => r.action === 'create').map((r) => r.traineeId!)
    expect(ids.map((id) => getTrainee(t.db, id))).toMatchObject([
      { civility: 'Mme', lastName: 'NICOLAS', firstName: 'Hélène', birthDate: '1998-07-14', phone: '06 11 22 33 44', prescriber: 'mission_locale', notes: 'Projet : aide-soignante, permis B en cours' },
      { civility: 'M', lastName: 'CHÂTEAU', firstName: 'Benoît', birthDate: '2000-02-02', ftId: null, prescriber: 'mission_locale', notes: "Mobilité réduite ; a besoin d'un accès PMR" },
      { civility: 'Mme', lastName: 'GARÇON', firstName: 'Zoé', birthDate: '2003-09-01', prescriber: 'cap_emploi', city: 'Séné' }
    ])
    expect(getTrainee(t.db, seeded.Bernard!).notes).toBe('Déjà suivie en 2025 « Prépa avenir »')
  })
})

describe('Excel workbook', () => {
  it('reads the first non-empty sheet with its dates, rich text, links and numbers', async () => {
    const bytes = await prescriberWorkbook()
    const before = snapshot()
    const p = await previewTraineeImport(t.db, ctx.clock, { ...request(bytes), fileName: 'liste.xlsx' })
    expect(snapshot()).toEqual(before)
    expect(p).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, sheet: 'Positionnés', headerLine: 1 })
    expect(p.counts).toEqual({ create: 4, merge: 1, unchanged: 0, invalid: 2, duplicate_in_file: 1 })
    expect(linesOf(p, 'create')).toEqual([2, 3, 9, 10])
    expect(byLine(p, 6).messages).toEqual([expect.stringMatching(/^ligne 6 : L'identifiant France Travail 676932 semble tronqué/)])
    expect(byLine(p, 7).messages).toEqual(['ligne 7 : Le nom est obligatoire.'])
    expect(byLine(p, 8)).toMatchObject({ action: 'duplicate_in_file', messages: ['ligne 8 : même identifiant France Travail (0778901J) que la ligne 3 : ligne ignorée.'] })
    expect(byLine(p, 5).messages).toEqual(['ligne 5 : E-mail : (vide) → sophie.b@example.fr.', 'ligne 5 : Code postal : (vide) → 56100.', 'ligne 5 : Prescripteur : (vide) → France Travail.'])

    const applied = await applyTraineeImport(ctx, { ...request(bytes), fileName: 'liste.xlsx' })
    const ids = applied.rows.filter((r) => r.action === 'create').map((r) => r.traineeId!)
    expect(ids.map((id) => getTrainee(t.db, id))).toMatchObject([
      { civility: 'Mme', lastName: 'LE BRIS', firstName: 'Maëlle', birthDate: '1990-03-05', email: 'maelle.lebris@example.fr', phone: '06 12 34 56 78', postalCode: '56100', adviserEmail: 'a.leroux@francetravail.example' },
      { civility: 'M', lastName: 'BŒUF', firstName: 'Cédric', birthDate: '1990-03-05', city: 'Plœmeur', prescriber: 'france_travail', adviserName: 'Mme Le Roux', adviserEmail: 'a.leroux@francetravail.example' },
      { civility: 'Mme', lastName: 'MÉNARD', firstName: 'Chloé', birthDate: '1998-07-24', city: 'VANNES', prescriber: 'mission_locale' },
      { civility: 'M', lastName: 'GUÉGUEN', firstName: 'Noël', birthDate: '2001-01-01', ftId: '0790123L', prescriber: 'self' }
    ])
  })
})

describe('prescriber’s agency and adviser’s e-mail', () => {
  const file = () =>
    Buffer.from(
      [
        'Identifiant FT;Nom;Prénom;Agence prescriptrice;Conseiller;Courriel du conseiller',
        '0698765K;Le Gall;Yann;France Travail Lanester;M. Le Bihan;m.lebihan@francetravail.example',
        '0712345A;Bernard;Sophie;France Travail Lorient;Mme Guégan;mme.guegan@francetravail',
        ';Morvan;Gwenaëlle;Mission locale du Pays de Lorient;Mme Cadiou;c.cadiou@ml-lorient.example'
      ].join('\r\n'),
      'utf8'
    )

  it('fills them in, keeps the record’s agency unless told to overwrite, refuses a wrong adviser’s e-mail', async () => {
    const p = await previewTraineeImport(t.db, ctx.clock, request(file()))
    expect(p.mapping).toEqual(['ftId', 'lastName', 'firstName', 'prescriberAgency', 'adviserName', 'adviserEmail'])
    expect(byLine(p, 2)).toMatchObject({ action: 'merge', traineeId: seeded['Le Gall'] })
    expect(byLine(p, 2).messages).toEqual([
      'ligne 2 : « Agence prescriptrice » différent dans le fichier (France Travail Lanester) : valeur de la fiche conservée (France Travail Lorient).',
      'ligne 2 : E-mail du conseiller : (vide) → m.lebihan@francetravail.example.'
    ])
    expect(byLine(p, 3)).toMatchObject({
      action: 'invalid',
      messages: ['ligne 3 : Adresse e-mail du conseiller invalide : « mme.guegan@francetravail ». Exemple : prenom.nom@exemple.fr']
    })

    const applied = await applyTraineeImport(ctx, request(file()))
    expect(applied.counts).toEqual({ create: 1, merge: 1, unchanged: 0, invalid: 1, duplicate_in_file: 0 })
    expect(getTrainee(t.db, seeded['Le Gall']!)).toMatchObject({ prescriberAgency: 'France Travail Lorient', adviserEmail: 'm.lebihan@francetravail.example' })
    expect(getTrainee(t.db, seeded.Bernard!)).toMatchObject({ prescriber: null, prescriberAgency: null, adviserName: null, adviserEmail: null })
    expect(getTrainee(t.db, byLine(applied, 4).traineeId!)).toMatchObject({
      lastName: 'MORVAN',
      prescriber: 'mission_locale',
      prescriberAgency: 'Mission locale du Pays de Lorient',
      adviserName: 'Mme Cadiou',
      adviserEmail: 'c.cadiou@ml-lorient.example'
    })

    const overwrite = await applyTraineeImport(ctx, request(file(), 'overwrite'))
    expect(byLine(overwrite, 2).messages).toEqual(['ligne 2 : Agence prescriptrice : France Travail Lorient → France Travail Lanester.'])
    expect(getTrainee(t.db, seeded['Le Gall']!).prescriberAgency).toBe('France Travail Lanester')
  })
})

describe('mapping chosen by the clerk', () => {
  const file = () => Buffer.from('Col1;Col2;Col3\nDupré;Marie;0676932W\n', 'utf8')

  it('imports with the columns the clerk set', async () => {
    const auto = await previewTraineeImport(t.db, ctx.clock, request(file()))
    expect(auto.mapping).toEqual([null, null, null])
    expect(auto.warnings).toEqual([
      'Colonnes ignorées : « Col1 », « Col2 », « Col3 ».',
      'Aucune colonne « Nom » : indiquez quelle colonne la contient, sans quoi aucune ligne ne peut être importée.',
      'Aucune colonne « Prénom » : indiquez quelle colonne la contient, sans quoi aucune ligne ne peut être importée.'
    ])
    await expect(applyTraineeImport(ctx, request(file()))).rejects.toThrow(/Aucune colonne « Nom » ni « Prénom »/)
    const p = await applyTraineeImport(ctx, request(file(), 'fill_empty', ['lastName', 'firstName', 'ftId']))
    expect(p.counts.create).toBe(1)
    expect(listTrainees(t.db, 'dupre')).toMatchObject([{ lastName: 'DUPRÉ', firstName: 'Marie', ftId: '0676932W' }])
  })

  it('refuses a mapping that does not fit the file', async () => {
    await expect(previewTraineeImport(t.db, ctx.clock, request(file(), 'fill_empty', ['lastName', 'firstName']))).rejects.toThrow(
      'Le choix des colonnes ne correspond pas au fichier : 3 colonnes dans le fichier, 2 choisies. Rechargez le fichier.'
    )
    await expect(previewTraineeImport(t.db, ctx.clock, request(file(), 'fill_empty', ['lastName', 'lastName', null]))).rejects.toThrow(
      '« Nom » est choisi pour deux colonnes (« Col1 » et « Col2 ») : une seule colonne par information.'
    )
  })
})

describe('through the API', () => {
  const backend = () => ({ db: t.db, clock: fixedClock(), host: { kind: 'browser' as const, version: '0.0.0-test', dbPath: t.path } })

  it('previews from base64 and refuses a file that is neither CSV nor XLSX, in French', async () => {
    const dispatch = createDispatch(backend(), handlers, () => undefined)
    await dispatch('clerks:select', { name: 'Claire Martin' })
    const ok = await dispatch('traineeImport:preview', { fileName: 'ft.csv', base64: FRANCE_TRAVAIL.toString('base64') })
    expect(ok).toMatchObject({ ok: true, value: { counts: { create: 4, merge: 1 } } })

    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1')
    const r1 = await dispatch('traineeImport:preview', { fileName: 'liste.pdf', base64: pdf.toString('base64') })
    expect(r1).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!r1.ok && r1.error.message).toMatch(/^Format non reconnu : fichier CSV ou Excel \(\.xlsx\) attendu/)

    let seed = 12345
    const random = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16 & 0xff))
    const r2 = await dispatch('traineeImport:apply', { fileName: 'liste.csv', base64: random.toString('base64') })
    expect(r2).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Format non reconnu : fichier CSV ou Excel (.xlsx) attendu.' } })
    expect(count('trainee')).toBe(SEEDED.length)
  })
})

describe('a large list', () => {
  it('imports 5,000 rows in one apply call, in one transaction', async () => {
    const lines = ['Identifiant FT;Nom;Prénom;Date de naissance;Courriel;Code postal;Commune']
    for (let i = 0; i < 5000; i++) {
      const id = `${String(1000000 + i).padStart(7, '0')}${'ABCDEFGHJK'[i % 10]}`
      lines.push(`${id};Lefèvre-${i};Élodie;${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/19${70 + (i % 30)};p${i}@example.fr;56100;Lorient`)
    }
    const bytes = Buffer.from(lines.join('\r\n'), 'utf8')
    const preview = await previewTraineeImport(t.db, ctx.clock, request(bytes))
    expect(preview.counts.create).toBe(5000)
    const p = await applyTraineeImport(ctx, request(bytes))
    expect(p.counts.create).toBe(5000)
    expect(count('trainee')).toBe(SEEDED.length + 5000)
    expect(count('audit_log', "operation = 'trainees.create'")).toBe(SEEDED.length + 5000)
  })

  it('writes all or nothing: an unexpected failure on one row rolls the whole import back', async () => {
    // A trigger stands for any failure the services do not expect (disk full, bug…).
    t.db.exec("CREATE TEMP TRIGGER boom BEFORE INSERT ON trainee WHEN NEW.last_name = 'BOOM' BEGIN SELECT RAISE(ABORT, 'boom'); END")
    const file = Buffer.from('Nom;Prénom\nAlpha;Anne\nBeta;Bruno\nBoom;Claire\nGamma;Denis\n', 'utf8')
    const before = snapshot()
    await expect(applyTraineeImport(ctx, request(file))).rejects.toThrow('boom')
    expect(snapshot()).toEqual(before)
  })
})
