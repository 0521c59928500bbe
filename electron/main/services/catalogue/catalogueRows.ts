import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'

export type Funder = { code: string; label: string | null }

/**
 * `training_action.funders_json` as the LHEO import or the demo writes it: a list of
 * `{ code, label }` objects, or of bare codes. Anything else is ignored rather than shown broken.
 */
export function parseFunders(json: string | null): Funder[] {
  if (!json) return []
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return []
  }
  if (!Array.isArray(value)) return []
  const out: Funder[] = []
  for (const item of value as unknown[]) {
    if (typeof item === 'string' || typeof item === 'number') out.push({ code: String(item), label: null })
    else if (item !== null && typeof item === 'object' && 'code' in item) {
      const { code, label } = item as { code: unknown; label?: unknown }
      if (typeof code === 'string' || typeof code === 'number') out.push({ code: String(code), label: typeof label === 'string' ? label : null })
    }
  }
  return out
}

/** "Centre Lorient Sud, Lorient", without repeating a city already in the name. */
export function placeLabel(name: string | null, city: string | null): string | null {
  if (!name) return city
  if (!city || name.toLocaleLowerCase('fr').includes(city.toLocaleLowerCase('fr'))) return name
  return `${name}, ${city}`
}

/**
 * The `place` row of a place typed by hand: found by name and city (case ignored), created when
 * new. Returns null when neither is given. Runs inside the caller's transaction.
 */
export function findOrCreatePlace(ctx: ServiceContext, name: string | null, city: string | null): number | null {
  const placeName = name ?? city
  if (!placeName) return null
  const found = findPlace(ctx.db, placeName, city)
  if (found !== null) return found
  const info = ctx.db.prepare('INSERT INTO place (name, city, created_at) VALUES (?, ?, ?)').run(placeName, city, nowIso(ctx.clock))
  const id = Number(info.lastInsertRowid)
  recordAudit(ctx, { operation: 'places.create', entity: 'place', entityId: id, after: { id, name: placeName, city } })
  return id
}

function findPlace(db: Db, name: string, city: string | null): number | null {
  const row = db
    .prepare<unknown[], { id: number }>(
      `SELECT id FROM place
       WHERE name = ? COLLATE NOCASE AND coalesce(city, '') = coalesce(?, '') COLLATE NOCASE
       ORDER BY id LIMIT 1`
    )
    .get(name, city)
  return row?.id ?? null
}
