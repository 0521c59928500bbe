import type { ExtrasJson, LheoFormation } from '../../import/lheo'

/**
 * Formations as they cross from a reader thread to the writer: JSON text for their structure,
 * with each `extras` (already JSON text, most of a catalogue's bytes) moved to a list beside it.
 * Inside the JSON they would be escaped on one side and unescaped on the other; beside it they
 * cross as plain strings, for the price of a copy.
 */
export type FormationBatch = { json: string; extras: string[] }

type WithExtras = { extras: ExtrasJson | number }

/** Consumes `formations` (their extras are replaced in place). */
export function packBatch(formations: LheoFormation[]): FormationBatch {
  const extras: string[] = []
  const take = (o: WithExtras): void => {
    const e = o.extras
    if (typeof e === 'string') o.extras = extras.push(e) - 1
  }
  for (const f of formations) {
    take(f as unknown as WithExtras)
    for (const a of f.actions) {
      take(a as unknown as WithExtras)
      for (const x of a.funders) take(x as unknown as WithExtras)
      for (const s of a.sessions) take(s as unknown as WithExtras)
    }
  }
  return { json: JSON.stringify(formations), extras }
}

export function unpackBatch(batch: FormationBatch): LheoFormation[] {
  const formations = JSON.parse(batch.json) as LheoFormation[]
  const give = (o: WithExtras): void => {
    const e = o.extras
    if (typeof e === 'number') o.extras = batch.extras[e] ?? null
  }
  for (const f of formations) {
    give(f as unknown as WithExtras)
    for (const a of f.actions) {
      give(a as unknown as WithExtras)
      for (const x of a.funders) give(x as unknown as WithExtras)
      for (const s of a.sessions) give(s as unknown as WithExtras)
    }
  }
  return formations
}
