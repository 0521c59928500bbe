import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  cellText,
  decodeText,
  findHeaderRow,
  guessDelimiter,
  readCsv,
  readRow,
  readSourceTable,
  readTraineeFile,
  readXlsx,
  recogniseHeader,
  recogniseHeaders,
  sniffFormat
} from '../../electron/main/import/trainees'
import { civilityFromText, dateFromText, prescriberFromText } from '../../electron/main/import/trainees/values'
import type { ImportableField } from '@shared/api/areas/traineeImport'
import { encodeWindows1252, franceTravailCsvText, missionLocaleCsvText, prescriberWorkbook } from '../fixtures/trainees/prescriberLists'

const FIXTURES = join(__dirname, '../fixtures/trainees')
const TODAY = '2026-11-22'
const UNKNOWN = 'Format non reconnu : fichier CSV ou Excel (.xlsx) attendu.'

describe('French header recognition', () => {
  const cases: [string, ImportableField | null][] = [
    ['Nom', 'lastName'],
    ['NOM DE FAMILLE', 'lastName'],
    ["Nom d'usage", 'lastName'],
    ['Nom d’usage', 'lastName'],
    ['Nom de naissance', 'lastName'],
    ['Nom du stagiaire', 'lastName'],
    ['Prénom', 'firstName'],
    ['PRENOM', 'firstName'],
    ['Prénom(s)', 'firstName'],
    ['Date de naissance', 'birthDate'],
    ['Date naiss.', 'birthDate'],
    ['Né(e) le', 'birthDate'],
    ['Née le', 'birthDate'],
    ['Identifiant France Travail', 'ftId'],
    ['Identifiant Pôle emploi', 'ftId'],
    ['ID FT', 'ftId'],
    ['Id. PE', 'ftId'],
    ['N° identifiant', 'ftId'],
    ['Identifiant régional', 'ftId'],
    ['IDE', 'ftId'],
    ['N° DE', 'ftId'],
    ['Civilité', 'civility'],
    ['Sexe', 'civility'],
    ['Courriel', 'email'],
    ['Mail', 'email'],
    ['E-mail', 'email'],
    ['Adresse électronique', 'email'],
    ['Téléphone', 'phone'],
    ['Tél.', 'phone'],
    ['Tél. portable', 'phone'],
    ['Mobile', 'phone'],
    ['Adresse', 'addressLine1'],
    ['Adresse postale', 'addressLine1'],
    ['Code postal', 'postalCode'],
    ['CP', 'postalCode'],
    ['Ville', 'city'],
    ['Commune', 'city'],
    ['Prescripteur', 'prescriber'],
    ['Orienteur', 'prescriber'],
    ['Type de structure', 'prescriber'],
    ['Type de prescripteur', 'prescriber'],
    ['Agence', 'prescriberAgency'],
    ['Agence prescriptrice', 'prescriberAgency'],
    ['Structure prescriptrice', 'prescriberAgency'],
    ['Structure', 'prescriberAgency'],
    ['Organisme prescripteur', 'prescriberAgency'],
    ["Nom de l'agence", 'prescriberAgency'],
    ['Conseiller', 'adviserName'],
    ['Conseiller référent', 'adviserName'],
    ['Référent', 'adviserName'],
    ['Nom du conseiller', 'adviserName'],
    ['Mail conseiller', 'adviserEmail'],
    ['Mail du conseiller', 'adviserEmail'],
    ['E-mail conseiller', 'adviserEmail'],
    ['Courriel du conseiller', 'adviserEmail'],
    ['Adresse électronique du conseiller référent', 'adviserEmail'],
    ['Mél. référent', 'adviserEmail'],
    ['Commentaires', 'notes'],
    // Not trainee fields, or not safely.
    ['Commune de naissance', null],
    ['Lieu de naissance', null],
    ['Date de prescription', null],
    ['Date d’inscription', null],
    ['Tél. référent', null],
    ['Code agence', null],
    ['N° structure', null],
    ['Adresse agence', null],
    ['Mail agence', null],
    ['Organisme de formation', null],
    ['Nom Prénom', null],
    ['Nom de la formation', null],
    ['N°', null],
    ['ID', null],
    ['N° de dossier', null],
    ['Complément d’adresse', null],
    ['', null]
  ]
  it.each(cases)('« %s » → %s', (header, field) => {
    expect(recogniseHeader(header)?.field ?? null).toBe(field)
  })

  it('gives each field to one column: the most specific, then the leftmost', () => {
    const r = recogniseHeaders(['Nom de naissance', 'Prénom', "Nom d'usage", 'Tél.', 'Portable', 'N° identifiant', 'Identifiant FT'])
    expect(r.mapping).toEqual([null, 'firstName', 'lastName', null, 'phone', null, 'ftId'])
    expect(r.warnings).toEqual([
      "Plusieurs colonnes correspondent à « Nom » : la colonne « Nom d'usage » est utilisée, « Nom de naissance » est ignorée.",
      'Plusieurs colonnes correspondent à « Téléphone » : la colonne « Portable » est utilisée, « Tél. » est ignorée.',
      'Plusieurs colonnes correspondent à « Identifiant France Travail » : la colonne « Identifiant FT » est utilisée, « N° identifiant » est ignorée.'
    ])
  })

  it('tells the trainee’s e-mail from the adviser’s, and the agency from the kind of prescriber', () => {
    const r = recogniseHeaders(['Nom', 'Prénom', 'Courriel', 'Type de structure', 'Structure', 'Agence', 'Conseiller', 'Mail conseiller', 'Mail référent'])
    expect(r.mapping).toEqual(['lastName', 'firstName', 'email', 'prescriber', null, 'prescriberAgency', 'adviserName', 'adviserEmail', null])
    expect(r.warnings).toEqual([
      'Plusieurs colonnes correspondent à « Agence prescriptrice » : la colonne « Agence » est utilisée, « Structure » est ignorée.',
      'Plusieurs colonnes correspondent à « E-mail du conseiller » : la colonne « Mail conseiller » est utilisée, « Mail référent » est ignorée.'
    ])
  })

  it('finds the header below title lines', () => {
    const rows = [
      { line: 1, cells: ['Liste des positionnés – session 103725'] },
      { line: 2, cells: ['Édité le 18/11/2026', ''] },
      { line: 3, cells: [''] },
      { line: 4, cells: ['Nom', 'Prénom', 'Né(e) le'] },
      { line: 5, cells: ['Dupré', 'Marie', '05/03/1990'] }
    ]
    expect(findHeaderRow(rows)).toBe(3)
    expect(findHeaderRow([{ line: 1, cells: [''] }, { line: 2, cells: ['a', 'b'] }])).toBe(1)
    expect(findHeaderRow([])).toBe(-1)
  })
})

describe('format and encoding', () => {
  it('recognises a workbook by its zip signature, refuses PDF, old Excel and binary files in French', async () => {
    expect(sniffFormat(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('xlsx')
    expect(sniffFormat(Buffer.from('Nom;Prénom\n', 'utf8'))).toBe('csv')
    expect(() => sniffFormat(Buffer.from('%PDF-1.4\n', 'latin1'))).toThrow(`${UNKNOWN} Ce fichier est un PDF.`)
    expect(() => sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toThrow(/^Format non reconnu.*\(\.xls\)/)
    expect(() => sniffFormat(Buffer.alloc(0))).toThrow('Le fichier est vide.')
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64')
    await expect(readSourceTable(png)).rejects.toThrow(UNKNOWN)
    await expect(readSourceTable(Buffer.from('PK\x03\x04 not really a zip', 'latin1'))).rejects.toThrow(/^Format non reconnu : fichier CSV ou Excel \(\.xlsx\) attendu\. Le fichier est une archive ZIP/)
  })

  it('decodes windows-1252 (é è ç œ ’ – €), which Node’s TextDecoder gets wrong', () => {
    const text = 'Cœur Œuvre l’été – 12 € ; François, Noël, Hélène, Bœuf'
    const bytes = encodeWindows1252(text)
    expect(bytes.includes(0x9c)).toBe(true) // œ is a byte of the 0x80–0x9F range
    expect(decodeText(bytes)).toEqual({ text, encoding: 'windows-1252' })
  })

  it('decodes UTF-8 with or without byte order mark, and UTF-16 with one', () => {
    const text = 'Nom;Prénom\nBœuf;Cédric\n'
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'UTF-8' })
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, encoding: 'UTF-8' })
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'UTF-16LE' })
    const be = Buffer.from(text, 'utf16le').swap16()
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text, encoding: 'UTF-16BE' })
  })

  it('reads the France Travail fixture file byte for byte as written', () => {
    const bytes = readFileSync(join(FIXTURES, 'france-travail-positionnes.csv'))
    expect(bytes.equals(encodeWindows1252(franceTravailCsvText()))).toBe(true)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const ml = readFileSync(join(FIXTURES, 'mission-locale-vannes.csv'))
    expect(ml.subarray(3).toString('utf8')).toBe(missionLocaleCsvText())
  })
})

describe('CSV', () => {
  it('guesses the delimiter from the rows, not from a title line', () => {
    expect(guessDelimiter('Liste, édition du 18/11/2026\nNom;Prénom;Ville\nDupré;Marie;Lorient\nMartin;Paul;Vannes\n')).toBe(';')
    expect(guessDelimiter('Nom,Prénom,Notes\nDupré,Marie,"a; b"\nMartin,Paul,c\n')).toBe(',')
    expect(guessDelimiter('Nom\tPrénom\tVille\nDupré\tMarie\tLorient, centre\n')).toBe('\t')
  })

  it('honours a "sep=" first line and keeps line numbers', () => {
    const t = readCsv(Buffer.from('sep=,\r\nNom,Prénom\r\nDupré,Marie\r\n', 'utf8'))
    expect(t.delimiter).toBe(',')
    expect(t.rows.slice(0, 2)).toEqual([
      { line: 2, cells: ['Nom', 'Prénom'] },
      { line: 3, cells: ['Dupré', 'Marie'] }
    ])
  })

  it('keeps quoted delimiters, doubled quotes and line breaks inside fields', () => {
    const t = readCsv(Buffer.from('"Nom";"Adresse"\r\n"Dupré";"Bât. B; ""Les Ajoncs""\r\nappt 12"\r\n"Martin";""\r\n', 'utf8'))
    expect(t.rows.map((r) => r.cells)).toEqual([['Nom', 'Adresse'], ['Dupré', 'Bât. B; "Les Ajoncs"\r\nappt 12'], ['Martin', ''], ['']])
    expect(t.rows[2]?.line).toBe(3) // row numbers as a spreadsheet shows them
  })

  it('warns about an unterminated quote', () => {
    const t = readCsv(Buffer.from('Nom;Prénom\n"Dupré;Marie\nMartin;Paul\n', 'utf8'))
    expect(t.warnings).toEqual(['Guillemet non refermé vers la ligne 2 : la suite du fichier a pu être lue comme un seul champ. Vérifiez le fichier.'])
  })
})

describe('cell values', () => {
  it('maps French spellings of civility and prescriber', () => {
    for (const s of ['M', 'M.', 'Mr', 'Monsieur', 'H', 'homme']) expect(civilityFromText(s)).toEqual({ ok: true, value: 'M' })
    for (const s of ['Mme', 'Mme.', 'Madame', 'F', 'Femme', 'Mlle']) expect(civilityFromText(s)).toEqual({ ok: true, value: 'Mme' })
    expect(civilityFromText('X').ok).toBe(false)
    expect(prescriberFromText('Agence France Travail Lorient')).toEqual({ code: 'france_travail', recognised: true })
    expect(prescriberFromText('Pôle emploi')).toEqual({ code: 'france_travail', recognised: true })
    expect(prescriberFromText('ML du Pays de Vannes')).toEqual({ code: 'mission_locale', recognised: true })
    expect(prescriberFromText('Mission Locale')).toEqual({ code: 'mission_locale', recognised: true })
    expect(prescriberFromText('CAP EMPLOI 56')).toEqual({ code: 'cap_emploi', recognised: true })
    expect(prescriberFromText('Candidature spontanée')).toEqual({ code: 'self', recognised: true })
    expect(prescriberFromText('cap_emploi')).toEqual({ code: 'cap_emploi', recognised: true })
    expect(prescriberFromText('PLIE du pays de Lorient')).toEqual({ code: 'other', recognised: false })
  })

  it('reads French, ISO, time-stamped and serial dates', () => {
    expect(dateFromText('05/03/1990')).toEqual({ ok: true, value: '1990-03-05' })
    expect(dateFromText('5/3/1990')).toEqual({ ok: true, value: '1990-03-05' })
    expect(dateFromText('05.03.1990')).toEqual({ ok: true, value: '1990-03-05' })
    expect(dateFromText('1990-03-05')).toEqual({ ok: true, value: '1990-03-05' })
    expect(dateFromText('05/03/1990 00:00:00')).toEqual({ ok: true, value: '1990-03-05' })
    expect(dateFromText('1990-03-05T00:00:00.000Z')).toEqual({ ok: true, value: '1990-03-05' })
    expect(dateFromText('32937')).toEqual({ ok: true, value: '1990-03-05' })
    expect(dateFromText('31/02/1991')).toEqual({ ok: false, message: "La date de naissance 31/02/1991 n'existe pas." })
    expect(dateFromText('mars 1990')).toEqual({ ok: false, message: 'Date de naissance « mars 1990 » : date attendue au format jj/mm/aaaa.' })
  })

  it('validates a row with the trainee form’s rules and explains in French', () => {
    const mapping: (ImportableField | null)[] = ['lastName', 'firstName', 'birthDate', 'ftId', 'email', 'phone', 'postalCode', 'prescriber']
    const ok = readRow({ line: 4, cells: ['dupré', 'marie', '05/03/1990', '0676932w', 'Marie@Exemple.FR', '612345678', '1000', 'Association Solidarité'] }, mapping, TODAY)
    expect(ok).toMatchObject({
      kind: 'valid',
      name: 'DUPRÉ Marie',
      data: { lastName: 'dupré', birthDate: '1990-03-05', ftId: '0676932W', email: 'Marie@exemple.fr', phone: '06 12 34 56 78', postalCode: '01000', prescriber: 'other' },
      warnings: ['Prescripteur « Association Solidarité » non reconnu : enregistré comme « Autre ».']
    })
    expect(ok.kind === 'valid' && ok.provided).toEqual(['lastName', 'firstName', 'birthDate', 'ftId', 'email', 'phone', 'postalCode', 'prescriber'])
    const bad = readRow({ line: 7, cells: ['', 'Marie', '12/05/85', '0676932', 'marie@', '12', '561', ''] }, mapping, TODAY)
    expect(bad).toMatchObject({ kind: 'invalid', line: 7, name: 'Marie' })
    expect(bad.kind === 'invalid' && bad.messages).toEqual([
      'Le nom est obligatoire.',
      "La date de naissance doit être antérieure à aujourd'hui.",
      expect.stringMatching(/^L'identifiant France Travail 0676932 semble tronqué/),
      expect.stringMatching(/^Adresse e-mail invalide : « marie@ »/),
      expect.stringMatching(/^Numéro de téléphone invalide : « 12 »/),
      'Le code postal doit comporter 5 chiffres.'
    ])
    expect(readRow({ line: 9, cells: ['', '', '', '', '', '', '', ''] }, mapping, TODAY)).toEqual({ kind: 'blank', line: 9 })
  })

  it('reads the agency, the kind of prescriber it implies, and the adviser’s e-mail', () => {
    const mapping: (ImportableField | null)[] = ['lastName', 'firstName', 'prescriberAgency', 'adviserName', 'adviserEmail']
    const row = (line: number, agency: string, mail = '') => readRow({ line, cells: ['Morvan', 'Gwenaëlle', agency, 'Mme Cadiou', mail] }, mapping, TODAY)
    expect(row(2, ' Mission locale du Pays de Lorient ', 'mailto:C.Cadiou@ML-Lorient.example')).toMatchObject({
      kind: 'valid',
      data: { prescriber: 'mission_locale', prescriberAgency: 'Mission locale du Pays de Lorient', adviserName: 'Mme Cadiou', adviserEmail: 'C.Cadiou@ml-lorient.example' },
      provided: ['lastName', 'firstName', 'prescriber', 'prescriberAgency', 'adviserName', 'adviserEmail'],
      warnings: []
    })
    // The kind alone is no agency; an agency whose kind cannot be told leaves the prescriber empty, silently.
    expect(row(3, 'Pôle emploi')).toMatchObject({ kind: 'valid', data: { prescriber: 'france_travail', prescriberAgency: null } })
    expect(row(4, 'Mission locale')).toMatchObject({ kind: 'valid', data: { prescriber: 'mission_locale', prescriberAgency: null } })
    expect(row(5, 'PLIE du Pays de Lorient')).toMatchObject({ kind: 'valid', data: { prescriber: null, prescriberAgency: 'PLIE du Pays de Lorient' }, warnings: [] })
    // A prescriber column, when it has a value, says the kind itself.
    const both: (ImportableField | null)[] = ['lastName', 'firstName', 'prescriber', 'prescriberAgency']
    expect(readRow({ line: 6, cells: ['Morvan', 'Gwenaëlle', 'Cap emploi', 'Cap emploi 56 Lorient'] }, both, TODAY)).toMatchObject({
      kind: 'valid',
      data: { prescriber: 'cap_emploi', prescriberAgency: 'Cap emploi 56 Lorient' }
    })
    expect(readRow({ line: 7, cells: ['Morvan', 'Gwenaëlle', '', 'France Travail Lanester'] }, both, TODAY)).toMatchObject({
      kind: 'valid',
      data: { prescriber: 'france_travail', prescriberAgency: 'France Travail Lanester' }
    })

    const bad = row(8, 'x'.repeat(121), 'c.cadiou@ml-lorient')
    expect(bad).toMatchObject({ kind: 'invalid', line: 8, name: 'MORVAN Gwenaëlle' })
    expect(bad.kind === 'invalid' && bad.messages).toEqual([
      'L’agence prescriptrice : 120 caractères au maximum.',
      'Adresse e-mail du conseiller invalide : « c.cadiou@ml-lorient ». Exemple : prenom.nom@exemple.fr'
    ])
  })
})

describe('XLSX', () => {
  it('turns exceljs values into the text the clerk sees', () => {
    expect(cellText({ richText: [{ text: 'LE ' }, { text: 'BRIS' }] })).toBe('LE BRIS')
    expect(cellText({ text: { richText: [{ text: 'a@b.fr' }] }, hyperlink: 'mailto:a@b.fr' })).toBe('a@b.fr')
    expect(cellText({ formula: 'A1', result: 'VANNES' })).toBe('VANNES')
    expect(cellText({ sharedFormula: 'A1', result: 56100 })).toBe('56100')
    expect(cellText({ error: '#N/A' })).toBe('')
    expect(cellText(41412817672)).toBe('41412817672')
    expect(cellText(new Date(Date.UTC(1990, 2, 5)))).toBe('05/03/1990')
    expect(cellText(new Date(Date.UTC(1990, 2, 5, 23, 59, 59, 999)))).toBe('06/03/1990')
    expect(cellText(true)).toBe('VRAI')
    expect(cellText(null)).toBe('')
  })

  it('reads the first sheet that holds something, with dates as civil dates', async () => {
    const t = await readXlsx(await prescriberWorkbook())
    expect(t.sheet).toBe('Positionnés')
    expect(t.rows.map((r) => r.line)).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10])
    expect(t.rows[1]?.cells.slice(0, 7)).toEqual(['Mme', 'LE BRIS', 'Maëlle', '05/03/1990', '0767890H', 'maelle.lebris@example.fr', '612345678'])
    expect(t.rows[2]?.cells.slice(0, 4)).toEqual(['M', 'Bœuf', 'Cédric', '05/03/1990'])
  })

  it('says which sheets are left aside', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Liste').addRow(['Nom', 'Prénom'])
    wb.addWorksheet('Stats').addRow(['Total', 12])
    const t = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()))
    expect(t.warnings).toEqual(['Seule la feuille « Liste » est lue ; la feuille « Stats » est ignorée.'])
    const empty = new ExcelJS.Workbook()
    empty.addWorksheet('Feuil1')
    await expect(readXlsx(Buffer.from(await empty.xlsx.writeBuffer()))).rejects.toThrow('Le classeur ne contient aucune donnée : toutes ses feuilles sont vides.')
  })
})

describe('whole file', () => {
  it('keeps é è ç œ from windows-1252 and from XLSX', async () => {
    const csv = await readTraineeFile(readFileSync(join(FIXTURES, 'france-travail-positionnes.csv')), { today: TODAY })
    const names = csv.readings.map((r) => r.name)
    expect(names).toEqual(expect.arrayContaining(['LEFÈVRE Élodie', 'CŒURDEVEY François', 'MORVAN Gwenaëlle', 'KERJEAN Maëlys']))
    const line5 = csv.readings.find((r) => r.line === 5)
    expect(line5?.kind === 'valid' && line5.data).toMatchObject({ city: 'Plœmeur', adviserName: 'Mme Guégan', addressLine1: 'Bât. B; appt 12, résidence Les Ajoncs' })
    // Its « Structure » column names the agency, which tells the kind of prescriber too.
    expect(csv.mapping[11]).toBe('prescriberAgency')
    expect(line5?.kind === 'valid' && line5.data).toMatchObject({ prescriber: 'france_travail', prescriberAgency: 'France Travail Lorient' })
    const line12 = csv.readings.find((r) => r.line === 12)
    expect(line12?.kind === 'valid' && line12.data).toMatchObject({ prescriber: 'mission_locale', prescriberAgency: 'Mission locale du Pays de Lorient', adviserName: 'Mme Cadiou' })
    const xlsx = await readTraineeFile(await prescriberWorkbook(), { today: TODAY })
    expect(xlsx.readings.map((r) => r.name)).toEqual(['LE BRIS Maëlle', 'BŒUF Cédric', 'BERNARD Sophie', 'TANGUY Loïc', 'Julie', 'BOEUF Cédric', 'MÉNARD Chloé', 'GUÉGUEN Noël'])
    // « Prescripteur » holds the kind, « Mail conseiller » the adviser's address (text, then a mailto link).
    expect(xlsx.mapping.slice(10)).toEqual(['prescriber', 'adviserName', 'adviserEmail'])
    expect(xlsx.readings.slice(0, 2).map((r) => r.kind === 'valid' && [r.data.prescriber, r.data.prescriberAgency, r.data.adviserName, r.data.adviserEmail])).toEqual([
      ['france_travail', null, 'Mme Le Roux', 'a.leroux@francetravail.example'],
      ['france_travail', null, 'Mme Le Roux', 'a.leroux@francetravail.example']
    ])
  })
})
