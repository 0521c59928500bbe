import { describe, expect, it } from 'vitest'
import { contract, OPS, type Input, type Op } from '../../../shared/api/contract'
import { handlers } from '../../../electron/main/api/handlers'

// One valid input per operation: the mapped type makes a new operation without an example a
// compile error, so every input schema of the contract is exercised here.
const VALID: { [O in Op]: Input<O> } = {
  'app:state': {},
  'app:overview': {},
  'clerks:select': { name: 'Claire Martin' },
  'demo:generate': { trainees: 50 },
  'organisation:get': {},
  'organisation:update': { raisonSociale: 'Atelier Formation', siret: '732 829 320 00074', nda: '53560912356' },
  'organisation:setLogo': { mime: 'image/png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==' },
  'organisation:removeLogo': {},
  'trainees:list': { search: 'dupré' },
  'trainees:get': { id: 1 },
  'trainees:create': { lastName: 'Lefèvre', firstName: 'Élodie', ftId: '0676932w' },
  'trainees:update': { id: 1, changes: { city: 'Lorient' } },
  'trainees:delete': { id: 1 }
}

describe('the API contract', () => {
  it('has a handler for every operation and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...OPS].sort())
  })

  it.each(OPS)('%s accepts its documented input', (op) => {
    const r = contract[op].input.safeParse(VALID[op])
    expect(r.success, JSON.stringify(!r.success && r.error.issues)).toBe(true)
  })

  it.each(OPS)('%s refuses a non-object and unknown fields', (op) => {
    expect(contract[op].input.safeParse('DROP TABLE trainee').success).toBe(false)
    expect(contract[op].input.safeParse(42).success).toBe(false)
    expect(contract[op].input.safeParse({ ...(VALID[op] as object), injected: true }).success).toBe(false)
  })

  it('normalises identifiers at the boundary', () => {
    const org = contract['organisation:update'].input.parse(VALID['organisation:update'])
    expect(org.siret).toBe('73282932000074')
    const trainee = contract['trainees:create'].input.parse({ lastName: ' Lefèvre ', firstName: 'Élodie', ftId: ' 0676932w ', email: '' })
    expect(trainee.ftId).toBe('0676932W')
    expect(trainee.lastName).toBe('Lefèvre')
    expect(trainee.email).toBeNull()
  })

  it('explains refusals in French', () => {
    const siret = contract['organisation:update'].input.safeParse({ raisonSociale: 'X', siret: '73282932000075' })
    expect(siret.success).toBe(false)
    expect(siret.error?.issues[0]?.message).toMatch(/SIRET/)
    const ftId = contract['trainees:create'].input.safeParse({ lastName: 'A', firstName: 'B', ftId: 'ABC' })
    expect(ftId.error?.issues[0]?.path).toEqual(['ftId'])
    expect(ftId.error?.issues[0]?.message).toMatch(/identifiant/i)
    const missing = contract['trainees:create'].input.safeParse({ lastName: '   ', firstName: 'B' })
    expect(missing.error?.issues[0]?.message).toBe('Le nom est obligatoire.')
    const generic = contract['trainees:get'].input.safeParse({ id: 'x' })
    expect(generic.error?.issues[0]?.message).toMatch(/nombre attendu/)
    const logo = contract['organisation:setLogo'].input.safeParse({ mime: 'image/gif', base64: 'R0lGODlhAQABAAAAACw=' })
    expect(logo.error?.issues[0]?.message).toBe('Le logo doit être une image PNG ou JPEG.')
  })

  it('bounds sizes so a caller cannot flood the database', () => {
    expect(contract['trainees:create'].input.safeParse({ lastName: 'x'.repeat(101), firstName: 'B' }).success).toBe(false)
    expect(contract['demo:generate'].input.safeParse({ trainees: 1_000_000 }).success).toBe(false)
    expect(contract['trainees:list'].input.safeParse({ search: 'x'.repeat(201) }).success).toBe(false)
  })
})
