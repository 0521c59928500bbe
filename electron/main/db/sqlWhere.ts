export type SqlParams = Record<string, string | number>

/**
 * The WHERE clause of a filtered list: each filter that is given adds its condition, bound by
 * name. The list queries share it so that « no filter » and the AND between filters are written once.
 */
export class SqlWhere {
  readonly params: SqlParams
  private readonly conditions: string[] = []

  constructor(params: SqlParams = {}) {
    this.params = { ...params }
  }

  /** Adds `condition` when `value` is given (not undefined), with the value bound as @name. */
  filter(name: string, value: string | number | undefined, condition: string): void {
    if (value === undefined) return
    this.conditions.push(condition)
    this.params[name] = value
  }

  /** Adds a condition that carries no value, or whose values are given here. */
  add(condition: string, params: SqlParams = {}): void {
    this.conditions.push(condition)
    Object.assign(this.params, params)
  }

  /** « WHERE a AND b », or nothing when no filter applies. */
  get clause(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : ''
  }
}
