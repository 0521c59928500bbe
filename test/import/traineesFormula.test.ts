import { describe, expect, it } from 'vitest'
import type { ImportableField } from '@shared/api/areas/traineeImport'
import { readRow } from '../../electron/main/import/trainees/rows'

describe('a prescriber list with formula-looking values', () => {
  it('imports them as text and warns, naming the column', () => {
    const mapping: (ImportableField | null)[] = ['lastName', 'firstName', 'city']
    const r = readRow({ line: 3, cells: ['=1+1', '@sum(1+1)', 'Vannes'] }, mapping, '2026-12-02')
    expect(r.kind).toBe('valid')
    if (r.kind !== 'valid') return
    expect(r.warnings).toEqual([
      '« =1+1 » (Nom) ressemble à une formule de tableur : importé comme du texte, vérifiez la ligne.',
      '« @sum(1+1) » (Prénom) ressemble à une formule de tableur : importé comme du texte, vérifiez la ligne.'
    ])
    const plain = readRow({ line: 4, cells: ['Lefèvre', 'Jean-Marc', 'Vannes'] }, mapping, '2026-12-02')
    expect(plain.kind === 'valid' && plain.warnings).toEqual([])
  })
})
