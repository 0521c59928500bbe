import { describe, expect, it } from 'vitest'
import { ENROLMENT_STATUS_CODES, ENROLMENT_STATUSES, type EnrolmentStatus } from '@shared/domain/enrolment'
import {
  CANCELLATION_REASONS,
  DROPOUT_REASONS,
  EXIT_REASONS,
  REASONS,
  SESSION_END_TOLERANCE_DAYS,
  TERMINAL_STATUSES,
  TRANSITIONS,
  allowedTransitions,
  checkTransition,
  findTransition,
  holdsPlace,
  isEnrolmentStatus,
  isTerminal,
  reasonLabel,
  statusLabel,
  type TransitionInput
} from '@shared/domain/enrolmentStateMachine'

/** The expected workflow, written independently of the module's table. */
const EXPECTED: Record<EnrolmentStatus, Partial<Record<EnrolmentStatus, { kind: string; reason: string | null; date: boolean; kairos: boolean }>>> = {
  positionne: {
    retenu: { kind: 'status', reason: null, date: false, kairos: false },
    non_retenu: { kind: 'status', reason: null, date: false, kairos: false },
    en_attente: { kind: 'status', reason: null, date: false, kairos: false },
    annule: { kind: 'cancellation', reason: 'cancellation', date: true, kairos: false }
  },
  en_attente: {
    retenu: { kind: 'status', reason: null, date: false, kairos: false },
    non_retenu: { kind: 'status', reason: null, date: false, kairos: false },
    annule: { kind: 'cancellation', reason: 'cancellation', date: true, kairos: false }
  },
  non_retenu: {
    retenu: { kind: 'status', reason: null, date: false, kairos: false }
  },
  retenu: {
    non_retenu: { kind: 'status', reason: null, date: false, kairos: false },
    a_valider: { kind: 'status', reason: null, date: false, kairos: false },
    inscrit: { kind: 'status', reason: null, date: false, kairos: false },
    annule: { kind: 'cancellation', reason: 'cancellation', date: true, kairos: false }
  },
  a_valider: {
    inscrit: { kind: 'status', reason: null, date: false, kairos: false },
    annule: { kind: 'cancellation', reason: 'cancellation', date: true, kairos: false }
  },
  inscrit: {
    entre: { kind: 'entry', reason: null, date: true, kairos: true },
    annule: { kind: 'cancellation', reason: 'cancellation', date: true, kairos: false }
  },
  entre: {
    sorti: { kind: 'exit', reason: 'exit', date: true, kairos: true },
    abandon: { kind: 'dropout', reason: 'dropout', date: true, kairos: true }
  },
  sorti: {},
  abandon: {},
  annule: {}
}

const TODAY = '2026-03-10'
const SESSION = { startDate: '2026-03-02', endDate: '2026-06-30' }
const REASON_FOR: Record<string, string> = { cancellation: 'desistement', dropout: 'demenagement', exit: 'fin_prevue' }

function validInput(from: EnrolmentStatus, to: EnrolmentStatus): TransitionInput {
  const t = EXPECTED[from][to]
  return {
    from,
    to,
    effectiveDate: '2026-03-09',
    reasonCode: t?.reason ? (REASON_FOR[t.reason] ?? null) : null,
    today: TODAY,
    session: SESSION,
    entryDate: '2026-03-02'
  }
}

function fail(input: TransitionInput): string {
  const r = checkTransition(input)
  if (r.ok) throw new Error(`expected a refusal for ${input.from} → ${input.to}`)
  return r.message
}

describe('transition table', () => {
  it('has no duplicate pair', () => {
    const keys = TRANSITIONS.map((t) => `${t.from}>${t.to}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('matches the expected workflow for every status × status pair', () => {
    let allowed = 0
    for (const from of ENROLMENT_STATUS_CODES) {
      for (const to of ENROLMENT_STATUS_CODES) {
        const expected = EXPECTED[from][to]
        const t = findTransition(from, to)
        if (!expected) {
          expect(t, `${from} → ${to} must be refused`).toBeNull()
          expect(checkTransition(validInput(from, to)).ok, `${from} → ${to}`).toBe(false)
          continue
        }
        allowed += 1
        expect(t, `${from} → ${to} must be allowed`).not.toBeNull()
        expect(t?.kind).toBe(expected.kind)
        expect(t?.requires.reason).toBe(expected.reason)
        expect(t?.requires.effectiveDate).toBe(expected.date)
        expect(t?.declaredInKairos).toBe(expected.kairos)
        const r = checkTransition(validInput(from, to))
        expect(r, `${from} → ${to}`).toEqual({ ok: true, transition: t })
      }
    }
    expect(allowed).toBe(TRANSITIONS.length)
  })

  it('refuses every illegal pair with the reason and the possible targets', () => {
    for (const from of ENROLMENT_STATUS_CODES) {
      const targets = Object.keys(EXPECTED[from]) as EnrolmentStatus[]
      for (const to of ENROLMENT_STATUS_CODES) {
        if (EXPECTED[from][to]) continue
        const message = fail(validInput(from, to))
        if (from === to) {
          expect(message).toBe(`Le statut est déjà « ${ENROLMENT_STATUSES[from]} ».`)
          continue
        }
        expect(message.startsWith(`Impossible de passer de « ${ENROLMENT_STATUSES[from]} » à « ${ENROLMENT_STATUSES[to]} » : `)).toBe(true)
        if (targets.length === 0) {
          expect(message).toContain(`Aucun changement n’est possible depuis « ${ENROLMENT_STATUSES[from]} ».`)
          expect(message).toContain('statut définitif')
        } else {
          const list = ENROLMENT_STATUS_CODES.filter((s) => targets.includes(s)).map((s) => ENROLMENT_STATUSES[s])
          expect(message.endsWith(`Depuis « ${ENROLMENT_STATUSES[from]} », vous pouvez : ${list.join(', ')}.`)).toBe(true)
        }
      }
    }
  })

  it('explains the example of the brief', () => {
    expect(fail(validInput('inscrit', 'sorti'))).toBe(
      'Impossible de passer de « Inscrit » à « Sorti » : la personne n’est pas entrée en formation. Depuis « Inscrit », vous pouvez : Entré, Inscription annulée.'
    )
  })

  it('gives specific reasons', () => {
    expect(fail(validInput('entre', 'annule'))).toContain('une inscription ne s’annule qu’avant l’entrée ; déclarez une sortie ou un abandon')
    expect(fail(validInput('a_valider', 'retenu'))).toContain('« Refus du prescripteur »')
    expect(fail(validInput('positionne', 'entre'))).toContain('l’inscription doit d’abord être validée')
    expect(fail(validInput('positionne', 'inscrit'))).toContain('la candidature doit d’abord être retenue')
    expect(fail(validInput('non_retenu', 'annule'))).toContain('il n’y a pas d’inscription à annuler')
    expect(fail(validInput('inscrit', 'a_valider'))).toContain('la validation du prescripteur a déjà été donnée')
    expect(fail(validInput('positionne', 'a_valider'))).toContain('seule une candidature retenue')
    expect(fail(validInput('retenu', 'positionne'))).toContain('première étape')
    expect(fail(validInput('retenu', 'en_attente'))).toContain('juste après le positionnement')
    expect(fail(validInput('entre', 'inscrit'))).toContain('déjà entrée en formation')
    expect(fail(validInput('sorti', 'entre'))).toBe(
      'Impossible de passer de « Sorti » à « Entré » : « Sorti » est un statut définitif ; pour corriger une erreur, annulez le dernier événement. Aucun changement n’est possible depuis « Sorti ».'
    )
  })

  it('lists allowed transitions in the order of the statuses', () => {
    expect(allowedTransitions('positionne').map((t) => t.to)).toEqual(['retenu', 'non_retenu', 'en_attente', 'annule'])
    expect(allowedTransitions('retenu').map((t) => t.to)).toEqual(['non_retenu', 'a_valider', 'inscrit', 'annule'])
    expect(allowedTransitions('entre').map((t) => t.to)).toEqual(['sorti', 'abandon'])
    for (const s of TERMINAL_STATUSES) expect(allowedTransitions(s)).toEqual([])
  })
})

describe('statuses', () => {
  it('labels every status', () => {
    expect(statusLabel('annule')).toBe('Inscription annulée')
    expect(statusLabel('a_valider')).toBe('À valider')
    for (const s of ENROLMENT_STATUS_CODES) expect(statusLabel(s)).toBe(ENROLMENT_STATUSES[s])
  })

  it('knows terminal statuses: exactly those without a way out', () => {
    for (const s of ENROLMENT_STATUS_CODES) expect(isTerminal(s), s).toBe(allowedTransitions(s).length === 0)
    expect([...TERMINAL_STATUSES].sort()).toEqual(['abandon', 'annule', 'sorti'])
  })

  it('counts retenu, à valider, inscrit and entré in the capacity', () => {
    const holding = ENROLMENT_STATUS_CODES.filter(holdsPlace)
    expect(holding).toEqual(['retenu', 'a_valider', 'inscrit', 'entre'])
  })

  it('recognises status codes', () => {
    expect(isEnrolmentStatus('entre')).toBe(true)
    expect(isEnrolmentStatus('Entré')).toBe(false)
    expect(isEnrolmentStatus('toString')).toBe(false)
  })

  it('every status is reachable from positionne', () => {
    const seen = new Set<EnrolmentStatus>(['positionne'])
    const queue: EnrolmentStatus[] = ['positionne']
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const t of allowedTransitions(s)) {
        if (!seen.has(t.to)) {
          seen.add(t.to)
          queue.push(t.to)
        }
      }
    }
    expect([...seen].sort()).toEqual([...ENROLMENT_STATUS_CODES].sort())
  })
})

describe('reasons', () => {
  it('has codes and French labels for each list', () => {
    expect(CANCELLATION_REASONS.refus_prescripteur).toBe('Refus du prescripteur')
    expect(CANCELLATION_REASONS.reprise_emploi).toBe('Reprise d’emploi en entreprise')
    expect(DROPOUT_REASONS.exclusion).toBe('Exclusion')
    expect(DROPOUT_REASONS.reprise_emploi_durable).toContain('6 mois')
    expect(EXIT_REASONS.fin_anticipee_objectif).toBe('Fin de formation anticipée – objectif atteint')
    for (const list of Object.values(REASONS)) {
      expect(Object.keys(list)).toContain('autre')
      for (const [code, label] of Object.entries(list)) {
        expect(code).toMatch(/^[a-z_]+$/)
        expect(label.length).toBeGreaterThan(3)
      }
    }
  })

  it('reasonLabel reads the right list only', () => {
    expect(reasonLabel('dropout', 'demenagement')).toBe('Déménagement')
    expect(reasonLabel('exit', 'demenagement')).toBeNull()
    expect(reasonLabel('cancellation', 'constructor')).toBeNull()
  })

  it('requires a reason for cancellation, dropout and exit', () => {
    expect(fail({ ...validInput('inscrit', 'annule'), reasonCode: null })).toBe('Le motif d’annulation est obligatoire.')
    expect(fail({ ...validInput('entre', 'abandon'), reasonCode: '  ' })).toBe('Le motif d’abandon est obligatoire.')
    expect(fail({ ...validInput('entre', 'sorti'), reasonCode: undefined })).toBe('Le motif de sortie est obligatoire.')
  })

  it('refuses a reason from another list, and says which are possible', () => {
    const m = fail({ ...validInput('entre', 'sorti'), reasonCode: 'demenagement' })
    expect(m).toContain('Le motif de sortie « demenagement » n’existe pas.')
    expect(m).toContain('Fin de formation prévue')
    expect(fail({ ...validInput('inscrit', 'annule'), reasonCode: 'exclusion' })).toContain('n’existe pas')
    expect(fail({ ...validInput('entre', 'abandon'), reasonCode: 'refus_prescripteur' })).toContain('n’existe pas')
  })

  it('accepts every reason of the right list', () => {
    for (const code of Object.keys(CANCELLATION_REASONS)) expect(checkTransition({ ...validInput('a_valider', 'annule'), reasonCode: code }).ok).toBe(true)
    for (const code of Object.keys(DROPOUT_REASONS)) expect(checkTransition({ ...validInput('entre', 'abandon'), reasonCode: code }).ok).toBe(true)
    for (const code of Object.keys(EXIT_REASONS)) expect(checkTransition({ ...validInput('entre', 'sorti'), reasonCode: code }).ok).toBe(true)
  })

  it('ignores a reason on a transition that takes none', () => {
    expect(checkTransition({ ...validInput('positionne', 'non_retenu'), reasonCode: 'anything' }).ok).toBe(true)
  })
})

describe('effective dates', () => {
  it('requires a date for entry, exit, dropout and cancellation', () => {
    expect(fail({ ...validInput('inscrit', 'entre'), effectiveDate: null })).toBe('La date d’entrée est obligatoire.')
    expect(fail({ ...validInput('entre', 'sorti'), effectiveDate: undefined })).toBe('La date de sortie est obligatoire.')
    expect(fail({ ...validInput('entre', 'abandon'), effectiveDate: '' })).toBe('La date d’abandon est obligatoire.')
    expect(fail({ ...validInput('positionne', 'annule'), effectiveDate: ' ' })).toBe('La date d’annulation est obligatoire.')
  })

  it('does not require a date for a plain status change, but checks one when given', () => {
    expect(checkTransition({ ...validInput('positionne', 'retenu'), effectiveDate: null }).ok).toBe(true)
    expect(fail({ ...validInput('positionne', 'retenu'), effectiveDate: '2026-03-11' })).toContain('La date d’effet (11/03/2026) est postérieure à aujourd’hui (10/03/2026)')
    expect(fail({ ...validInput('positionne', 'retenu'), effectiveDate: '2026-02-30' })).toBe('La date d’effet (2026-02-30) est invalide.')
  })

  it('refuses any date in the future: events are recorded once they happened', () => {
    for (const [from, to] of [
      ['inscrit', 'entre'],
      ['entre', 'sorti'],
      ['entre', 'abandon'],
      ['inscrit', 'annule']
    ] as const) {
      expect(checkTransition({ ...validInput(from, to), effectiveDate: TODAY }).ok).toBe(true)
      expect(fail({ ...validInput(from, to), effectiveDate: '2026-03-11' })).toContain('est postérieure à aujourd’hui')
    }
  })

  it('refuses a malformed date', () => {
    expect(fail({ ...validInput('inscrit', 'entre'), effectiveDate: '10/03/2026' })).toBe('La date d’entrée (10/03/2026) est invalide.')
  })

  it('entry: not before the session start, not after its end', () => {
    const base = validInput('inscrit', 'entre')
    expect(checkTransition({ ...base, effectiveDate: '2026-03-02' }).ok).toBe(true)
    expect(fail({ ...base, effectiveDate: '2026-03-01' })).toBe('La date d’entrée (01/03/2026) est antérieure au début de la session (02/03/2026).')
    const ended = { ...base, today: '2026-08-01', session: { startDate: '2026-03-02', endDate: '2026-06-30' } }
    expect(checkTransition({ ...ended, effectiveDate: '2026-06-30' }).ok).toBe(true)
    expect(fail({ ...ended, effectiveDate: '2026-07-01' })).toBe('La date d’entrée (01/07/2026) est postérieure à la fin de la session (30/06/2026).')
    // Late entries in a session with rolling admissions are normal.
    expect(checkTransition({ ...base, effectiveDate: '2026-03-09' }).ok).toBe(true)
  })

  it('entry: unknown session dates are not checked', () => {
    const r = checkTransition({ ...validInput('inscrit', 'entre'), effectiveDate: '2020-01-01', session: { startDate: null, endDate: null } })
    expect(r.ok).toBe(true)
  })

  it('exit and dropout: not before the entry, not after the session end', () => {
    for (const to of ['sorti', 'abandon'] as const) {
      const base = { ...validInput('entre', to), today: '2026-09-01', entryDate: '2026-03-05' }
      expect(checkTransition({ ...base, effectiveDate: '2026-03-05' }).ok).toBe(true)
      expect(fail({ ...base, effectiveDate: '2026-03-04' })).toContain('est antérieure à la date d’entrée (05/03/2026).')
      expect(checkTransition({ ...base, effectiveDate: '2026-06-30' }).ok).toBe(true)
      const late = fail({ ...base, effectiveDate: '2026-07-01' })
      expect(late).toContain('est postérieure à la fin de la session (30/06/2026)')
      expect(late).toContain('CARIF-OREF')
      // Without an entry date, only the session end is checked.
      expect(checkTransition({ ...base, entryDate: null, effectiveDate: '2026-03-01' }).ok).toBe(true)
    }
    expect(SESSION_END_TOLERANCE_DAYS).toBe(0)
  })

  it('cancellation: allowed after the session start (no-show), only before entry', () => {
    const r = checkTransition({ ...validInput('inscrit', 'annule'), effectiveDate: '2026-03-05', reasonCode: 'non_presentation' })
    expect(r.ok).toBe(true)
    expect(fail(validInput('entre', 'annule'))).toContain('ne s’annule qu’avant l’entrée')
  })

  it('a prescriber refusal is a cancellation with its reason', () => {
    const r = checkTransition({ ...validInput('a_valider', 'annule'), reasonCode: 'refus_prescripteur' })
    expect(r.ok && r.transition.kind).toBe('cancellation')
  })

  it('handles 29 February', () => {
    const leap = { ...validInput('inscrit', 'entre'), today: '2028-03-01', session: { startDate: '2028-02-28', endDate: '2028-06-30' } }
    expect(checkTransition({ ...leap, effectiveDate: '2028-02-29' }).ok).toBe(true)
    expect(fail({ ...leap, effectiveDate: '2027-02-29' })).toBe('La date d’entrée (2027-02-29) est invalide.')
  })

  it('throws on malformed arguments coming from code', () => {
    expect(() => checkTransition({ ...validInput('inscrit', 'entre'), today: '10/03/2026' })).toThrow(RangeError)
    expect(() => checkTransition({ ...validInput('inscrit', 'entre'), session: { startDate: '2026-13-01', endDate: null } })).toThrow(RangeError)
    expect(() => checkTransition({ ...validInput('entre', 'sorti'), entryDate: 'hier' })).toThrow(RangeError)
  })

  it('checks the transition before the date', () => {
    expect(fail({ ...validInput('inscrit', 'sorti'), effectiveDate: null })).toContain('Impossible de passer')
  })
})
