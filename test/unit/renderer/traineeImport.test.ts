import { describe, expect, it } from 'vitest'
import {
  checkTraineeFile,
  columnSamples,
  fileFacts,
  importButtonLabel,
  importResultText,
  rowsOf,
  setColumnField,
  stripLine
} from '../../../renderer/src/features/traineeImport/traineeImportFormat'

const counts = (c: Partial<Record<'create' | 'merge' | 'unchanged' | 'invalid' | 'duplicate_in_file', number>>) => ({
  create: 0,
  merge: 0,
  unchanged: 0,
  invalid: 0,
  duplicate_in_file: 0,
  ...c
})

describe('trainee list import helpers', () => {
  it('accepts CSV and XLSX files only, with a French reason otherwise', () => {
    expect(checkTraineeFile({ name: 'positionnes.CSV', size: 2000 })).toBeNull()
    expect(checkTraineeFile({ name: 'liste.xlsx', size: 9000 })).toBeNull()
    expect(checkTraineeFile({ name: 'liste.xls', size: 9000 })).toMatch(/Excel 97-2003 \(\.xls\) : ouvrez-le .* en \.xlsx ou en \.csv/)
    expect(checkTraineeFile({ name: 'photo.png', size: 10 })).toBe('« photo.png » n’est pas une liste lisible : choisissez un fichier CSV (.csv) ou Excel (.xlsx).')
    expect(checkTraineeFile({ name: 'vide.csv', size: 0 })).toBe('Le fichier « vide.csv » est vide.')
    expect(checkTraineeFile({ name: 'gros.csv', size: 21 * 1024 * 1024 })).toMatch(/dépasse 20 Mo/)
  })

  it('counts what « Importer » writes and says what it did', () => {
    expect(importButtonLabel(counts({ create: 4, merge: 1, invalid: 3 }))).toBe('Importer 5 stagiaires')
    expect(importButtonLabel(counts({ merge: 1 }))).toBe('Importer 1 stagiaire')
    expect(importButtonLabel(counts({ unchanged: 2 }))).toBe('Rien à importer')
    expect(importResultText(counts({ create: 4, merge: 1, unchanged: 1, invalid: 3, duplicate_in_file: 1 }))).toBe(
      'Import terminé : 4 stagiaires créés, 1 fiche complétée (1 déjà à jour, 4 lignes ignorées).'
    )
    expect(importResultText(counts({ unchanged: 2 }))).toBe('Import terminé : aucune fiche à créer ni à compléter (2 déjà à jour).')
  })

  it('describes the file as read', () => {
    expect(fileFacts({ format: 'csv', encoding: 'windows-1252', delimiter: ';', sheet: null, headerLine: 3 })).toEqual([
      'CSV',
      'windows-1252 (Excel)',
      'séparateur point-virgule',
      'en-têtes ligne 3'
    ])
    expect(fileFacts({ format: 'xlsx', encoding: null, delimiter: null, sheet: 'Positionnés', headerLine: 1 })).toEqual(['Excel (.xlsx)', 'feuille « Positionnés »', 'en-têtes ligne 1'])
  })

  it('gives each field to one column at most: choosing it elsewhere moves it', () => {
    expect(setColumnField(['lastName', 'firstName', null], 2, 'notes')).toEqual({ mapping: ['lastName', 'firstName', 'notes'], movedFrom: null })
    expect(setColumnField(['lastName', 'firstName', 'notes'], 0, 'notes')).toEqual({ mapping: ['notes', 'firstName', null], movedFrom: 2 })
    expect(setColumnField(['lastName', 'firstName'], 1, null)).toEqual({ mapping: ['lastName', null], movedFrom: null })
  })

  it('shows distinct sample values and messages without their line prefix', () => {
    expect(columnSamples([['Lorient'], [''], ['Lorient'], ['Plœmeur'], ['Lanester']], 0)).toEqual(['Lorient', 'Plœmeur'])
    expect(columnSamples([['a', ''], ['b']], 1)).toEqual([])
    expect(stripLine('ligne 13 : La date de naissance 31/02/1991 n’existe pas.')).toBe('La date de naissance 31/02/1991 n’existe pas.')
    const rows = [
      { line: 4, action: 'create' as const, name: 'A', ftId: null, traineeId: null, messages: [] },
      { line: 7, action: 'invalid' as const, name: 'B', ftId: null, traineeId: null, messages: [] }
    ]
    expect(rowsOf(rows, 'invalid').map((r) => r.line)).toEqual([7])
    expect(rowsOf(rows, 'all')).toHaveLength(2)
  })
})
