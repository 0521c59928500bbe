import { describe, expect, it } from 'vitest'
import type { TraineeImportPreview } from '@shared/api/areas/traineeImport'
import { afterPreviewRefused, previewRefusalMessage, shownPreview } from '../../../renderer/src/features/traineeImport/importPhase'

const preview = { headers: ['Nom'] } as unknown as TraineeImportPreview
const refusal = { code: 'invalid_input' as const, message: 'Aperçu refusé.', issues: [{ path: 'mapping.2', message: 'Deux colonnes pour le nom.' }] }

describe('trainee import phases', () => {
  it('a first refused preview refuses the file; a later one keeps the preview on screen', () => {
    expect(afterPreviewRefused({ step: 'reading' }, refusal)).toEqual({ step: 'failed', error: 'Aperçu refusé.', during: 'preview' })
    const kept = { step: 'preview' as const, preview }
    expect(afterPreviewRefused(kept, refusal)).toBe(kept)
  })

  it('says the column’s own issue rather than the summary', () => {
    expect(previewRefusalMessage(refusal)).toBe('Deux colonnes pour le nom.')
    expect(previewRefusalMessage({ code: 'internal', message: 'Erreur.' })).toBe('Erreur.')
  })

  it('shows the preview while previewing or applying, the result once done, nothing before', () => {
    expect(shownPreview({ step: 'reading' })).toBeNull()
    expect(shownPreview({ step: 'preview', preview })).toBe(preview)
    expect(shownPreview({ step: 'applying', preview })).toBe(preview)
    expect(shownPreview({ step: 'done', result: preview })).toBe(preview)
    expect(shownPreview({ step: 'failed', error: 'x', during: 'read' })).toBeNull()
  })
})
