import type { RequestStatus } from '@shared/api/areas/app'
import { isUnanswered, type Send } from './readBack'

/*
 * Writes whose answer never came, kept in the tab's sessionStorage: after the host was restarted
 * (a new launch key: the page must be opened again, same tab and address), the next load reads
 * them back by key and tells the clerk what became of them. Bounded; nothing personal is kept
 * (the key, the operation's name and the screen's label of it).
 */
export type PendingWrite = { key: string; op: string; label: string }
export type Recovered = { label: string; outcome: 'saved' | 'refused' | 'not_applied' }

const STORE = 'passerelle.ecritures-en-suspens'
const MAX = 20

export type PendingStore = { list(): PendingWrite[]; add(w: PendingWrite): void; remove(key: string): void }

export function pendingStore(storage: Pick<Storage, 'getItem' | 'setItem'> | null): PendingStore {
  const read = (): PendingWrite[] => {
    try {
      const v = JSON.parse(storage?.getItem(STORE) ?? '[]') as unknown
      return Array.isArray(v) ? (v as PendingWrite[]).filter((w) => typeof w?.key === 'string' && typeof w.op === 'string' && typeof w.label === 'string') : []
    } catch {
      return []
    }
  }
  const write = (list: PendingWrite[]): void => {
    try {
      storage?.setItem(STORE, JSON.stringify(list.slice(-MAX)))
    } catch {
      // A full or disabled storage only loses the check after a restart.
    }
  }
  return {
    list: read,
    add: (w) => write([...read().filter((x) => x.key !== w.key), w]),
    remove: (key) => {
      const list = read()
      if (list.some((w) => w.key === key)) write(list.filter((w) => w.key !== key))
    }
  }
}

/** Reads back every pending write; those the backend cannot tell about yet stay pending. */
export async function recoverPending(send: Send, store: PendingStore): Promise<Recovered[]> {
  const found: Recovered[] = []
  for (const w of store.list()) {
    const answer = await send('app:requestStatus', { key: w.key })
    if (isUnanswered(answer) || !answer.ok) continue
    const status = answer.value as RequestStatus
    if (status.state === 'running') continue
    store.remove(w.key)
    found.push({ label: w.label, outcome: status.state === 'unknown' ? 'not_applied' : status.ok ? 'saved' : 'refused' })
  }
  return found
}
