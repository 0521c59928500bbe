import type { Database } from 'better-sqlite3'

export type Migration = {
  /** Also the value of PRAGMA user_version once applied; steps of 10 leave room. */
  version: number
  name: string
  up: (db: Database) => void
}
