import { describe, expect, it } from 'vitest'
import { changeSummary, entityLabel, operationLabel } from '../../../renderer/src/features/history/historyFormat'

describe('« Historique » words', () => {
  it('names objects and operations in French', () => {
    expect(entityLabel('enrolment')).toBe('Inscription')
    expect(entityLabel('something_new')).toBe('something_new')
    expect(operationLabel('trainees.update')).toBe('Stagiaires : modification')
    expect(operationLabel('clerks.select')).toBe('Agents : choix de l’agent')
    expect(operationLabel('demo')).toBe('Démonstration')
    expect(operationLabel('privacy.anonymise')).toBe('Données personnelles : anonymisation')
    expect(operationLabel('newarea.newverb')).toBe('newarea : newverb')
  })

  it('summarises what changed, and says when values were anonymised', () => {
    expect(changeSummary({ before: '{"city":"Lyon","zip":"69001"}', after: '{"city":"Vannes","zip":"69001"}', redacted: false })).toBe('city : Lyon → Vannes')
    expect(changeSummary({ before: null, after: '{"id":3,"lastName":"Durand","email":null}', redacted: false })).toBe('lastName : Durand')
    expect(changeSummary({ before: '{"a":1}', after: null, redacted: false })).toBe('supprimé : {"a":1}')
    expect(changeSummary({ before: '{"a":1}', after: '{"a":1}', redacted: false })).toBe('aucun changement')
    expect(changeSummary({ before: null, after: null, redacted: true })).toBe('Valeurs effacées (anonymisation)')
    expect(changeSummary({ before: null, after: JSON.stringify('x'.repeat(500)), redacted: false }, 20)).toHaveLength(20)
  })
})
