import type { ExtrasJson, LheoFormation } from '../../import/lheo'

/**
 * Formations as they cross from a reader thread to the writer: JSON text for their structure,
 * with each `extras` (already JSON text, most of a catalogue's bytes) moved to a list beside it.
 * Inside the JSON they would be escaped on one side and unescaped on the other; beside it they
 * cross as plain strings, for the price of a copy.
 */
export type FormationBatch = { json: string; extras: string[] }

/** A formation, action, funder or session while its extras are replaced by their index. */
type WithExtras = { extras: ExtrasJson | number }

/** Every object of the formations that carries `extras`. */
function eachExtrasHolder(formations: LheoFormation[], visit: (o: WithExtras) => void): void {
  for (const f of formations) {
    visit(f)
    for (const a of f.actions) {
      visit(a)
      for (const x of a.funders) visit(x)
      for (const s of a.sessions) visit(s)
    }
  }
}

/** Consumes `formations` (their extras are replaced in place). */
export function packBatch(formations: LheoFormation[]): FormationBatch {
  const extras: string[] = []
  eachExtrasHolder(formations, (o) => {
    if (typeof o.extras === 'string') o.extras = extras.push(o.extras) - 1
  })
  return { json: JSON.stringify(formations), extras }
}

export function unpackBatch(batch: FormationBatch): LheoFormation[] {
  const formations = JSON.parse(batch.json) as LheoFormation[]
  eachExtrasHolder(formations, (o) => {
    if (typeof o.extras === 'number') o.extras = batch.extras[o.extras] ?? null
  })
  return formations
}
