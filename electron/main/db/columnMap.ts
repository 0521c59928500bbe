/**
 * A form's fields mapped to their table's columns (`{ startDate: 'start_date' }`): the services
 * that write a form's fields derive their INSERT and UPDATE lists and bound values from that one map.
 */
export type ColumnMap<F extends string> = Readonly<Record<F, string>>

/** An INSERT's column list and the matching named parameters: `a, b` and `@a, @b`. */
export function insertLists(map: ColumnMap<string>): { columns: string; params: string } {
  const columns = Object.values(map)
  return { columns: columns.join(', '), params: columns.map((c) => `@${c}`).join(', ') }
}

/** An UPDATE's assignments: `a = @a, b = @b`. */
export function updateSets(map: ColumnMap<string>): string {
  return Object.values(map)
    .map((c) => `${c} = @${c}`)
    .join(', ')
}

/** The named parameters: each field's value under its column's name, null when absent. */
export function bindColumns<F extends string>(map: ColumnMap<F>, values: Partial<Record<F, unknown>>): Record<string, unknown> {
  return Object.fromEntries((Object.entries(map) as [F, string][]).map(([f, c]) => [c, values[f] ?? null]))
}
