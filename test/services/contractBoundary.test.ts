import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../electron/main/api/dispatch'
import { handlers } from '../../electron/main/api/handlers'
import { fixedClock, tempDb, type TempDb } from '../helpers/tempDb'

// Issue #13, finding 7: inputs that must be refused at the boundary with a French message,
// nothing written.
let t: TempDb
let dispatch: Dispatch
beforeEach(async () => {
  t = await tempDb()
  dispatch = createDispatch({ db: t.db, clock: fixedClock(), host: { kind: 'browser', version: 'test', dbPath: t.path } }, handlers, () => undefined)
  await dispatch('clerks:select', { name: 'Claire Martin' })
})
afterEach(() => t.cleanup())

const refusal = async (op: string, input: unknown): Promise<string> => {
  const r = await dispatch(op, input)
  if (r.ok) throw new Error(`${op} accepted ${JSON.stringify(input)}`)
  expect(r.error.code).toBe('invalid_input')
  return r.error.message
}
const trainees = (): number => t.db.prepare('SELECT count(*) FROM trainee').pluck().get() as number

describe('the contract boundary', () => {
  it('refuses impossible dates in documents:generate and documents:check, and everywhere a date is typed', async () => {
    for (const period of ['2027-02-29', '2026-11-31']) {
      for (const op of ['documents:generate', 'documents:check']) {
        expect(await refusal(op, { kind: 'emargement', sessionId: 1, period })).toMatch(/période.*jour du calendrier/)
      }
    }
    expect(await refusal('audit:list', { from: '2026-02-30' })).toMatch(/^La date de début : date invalide ou inexistante/)
    expect(await refusal('quotes:markFiled', { ids: [1], date: '2027-02-29' })).toMatch(/date invalide ou inexistante/)
    // A real month and a real day still pass the boundary (then the service answers).
    const month = await dispatch('documents:check', { kind: 'emargement', sessionId: 1, period: '2026-11' })
    expect(!month.ok && month.error.code).not.toBe('invalid_input')
  })

  it('refuses NUL, control characters and lone surrogates in any text, labelled or not', async () => {
    expect(await refusal('trainees:create', { lastName: '\u0000\u0000', firstName: 'Marie' })).toMatch(/^Le nom contient un caractère invisible ou invalide/)
    expect(await refusal('trainees:create', { lastName: 'Dupont', firstName: 'Ma\uD800rie' })).toMatch(/caractère invisible ou invalide/)
    expect(await refusal('trainees:create', { lastName: 'Dupont', firstName: 'Marie', city: 'Lo\u001brient' })).toMatch(/caractère invisible ou invalide/)
    // A field without a label (a search box): the boundary's generic check.
    expect(await refusal('trainees:list', { search: 'du\u0000' })).toBe('Un texte saisi contient un caractère invisible ou invalide (souvent un copier-coller) : retapez-le.')
    expect(trainees()).toBe(0)
    expect(await dispatch('trainees:create', { lastName: 'Dupré', firstName: 'Zoé 👍' })).toMatchObject({ ok: true })
  })

  it('says « Le fichier est vide. » for an empty catalogue or trainee list', async () => {
    expect(await refusal('lheo:preview', { fileName: 'offre.xml', base64: '' })).toBe('Le fichier est vide.')
    expect(await refusal('traineeImport:preview', { fileName: 'liste.csv', base64: '' })).toBe('Le fichier est vide.')
  })

  it('never echoes an unknown operation name of any length', async () => {
    const r = await dispatch('x'.repeat(1_000_000), {})
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_operation' } })
    expect(JSON.stringify(r).length).toBeLessThan(200)
  })
})
