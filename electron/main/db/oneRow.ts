import type { Statement } from 'better-sqlite3'

/**
 * The row a statement always returns (an aggregate, `RETURNING` after an insert, a row read by a
 * foreign key inside the same transaction): its absence is a broken invariant, not a user error.
 */
export function oneRow<P extends unknown[], T>(statement: Statement<P, T>, ...params: P): T {
  const row = statement.get(...params)
  if (row === undefined) throw new Error(`La requête n’a renvoyé aucune ligne : ${statement.source.slice(0, 120)}`)
  return row
}
