// pino-roll ships no types: the part of its API this app uses.
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino'
  type RollOptions = {
    file: string
    size?: string | number
    frequency?: 'daily' | 'hourly' | number
    extension?: string
    dateFormat?: string
    limit?: { count?: number; removeOtherLogFiles?: boolean }
    mkdir?: boolean
    sync?: boolean
    mode?: number
  }
  type RollStream = DestinationStream & { flushSync(): void; end(): void; file: string }
  export default function pinoRoll(options: RollOptions): Promise<RollStream>
}
