import { describe, expect, it } from 'vitest'
import { matchesShortcut, parseShortcut } from '../../../renderer/src/hooks/shortcuts'
import { attendanceWindow, attendanceWindowText } from '../../../renderer/src/features/dashboard/deadlines'
import { navShortcut, SCREENS, screenForPath } from '../../../renderer/src/app/screens'

const key = (over: Partial<KeyboardEvent>) => ({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over })

describe('shortcuts', () => {
  it('matches Ctrl+N with Ctrl or ⌘, not with extra modifiers', () => {
    const s = parseShortcut('Ctrl+N')
    expect(matchesShortcut(key({ key: 'n', code: 'KeyN', ctrlKey: true }), s)).toBe(true)
    expect(matchesShortcut(key({ key: 'n', code: 'KeyN', metaKey: true }), s)).toBe(true)
    expect(matchesShortcut(key({ key: 'N', code: 'KeyN', ctrlKey: true, shiftKey: true }), s)).toBe(false)
    expect(matchesShortcut(key({ key: 'n', code: 'KeyN' }), s)).toBe(false)
  })

  it('reads digits by physical key (AZERTY gives & for Alt+1)', () => {
    expect(matchesShortcut(key({ key: '&', code: 'Digit1', altKey: true }), parseShortcut('Alt+1'))).toBe(true)
  })
})

describe('attendance window', () => {
  it('opens on the 25th', () => {
    expect(attendanceWindow('2026-11-24').open).toBe(false)
    expect(attendanceWindow('2026-11-25').open).toBe(true)
    expect(attendanceWindowText('2026-11-10')).toBe('Prochaine ouverture de la saisie le 25/11/2026.')
    expect(attendanceWindowText('2026-02-26')).toBe('Saisie du mois ouverte depuis le 25/02/2026 (jusqu’au 28/02/2026).')
  })
})

describe('screens', () => {
  it('lists every screen of the spec with a French title', () => {
    expect(SCREENS.map((s) => s.title)).toEqual([
      'Tableau de bord',
      'Formations & sessions',
      'Recrutement',
      'Inscriptions',
      'Assiduité mensuelle',
      'Stagiaires',
      'Devis & factures',
      'Documents',
      'Paramètres',
      'Historique des modifications',
      'Bilan pédagogique et financier'
    ])
    expect(SCREENS.map((_s, i) => navShortcut(i))).toEqual(['Alt+1', 'Alt+2', 'Alt+3', 'Alt+4', 'Alt+5', 'Alt+6', 'Alt+7', 'Alt+8', 'Alt+9', 'Alt+0', null])
    expect(screenForPath('/stagiaires')?.id).toBe('trainees')
    expect(screenForPath('/')?.id).toBe('dashboard')
    expect(screenForPath('/nope')).toBeUndefined()
  })
})
