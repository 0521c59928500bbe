import type { Migration } from '../migration'
import { migration0010 } from './0010-init'
import { migration0020 } from './0020-enrolment-workflow'
import { migration0030 } from './0030-document-content'
import { migration0040 } from './0040-schedule-authenticity'
import { migration0050 } from './0050-aif-quotes'
import { migration0060 } from './0060-audit-chain'
import { migration0090 } from './0090-invoices'
import { migration0100 } from './0100-document-hours'
import { migration0110 } from './0110-answered-requests'
import { migration0120 } from './0120-trainee-list-order'

// Static imports in order: bundling keeps every migration, and the order is explicit.
export const MIGRATIONS: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060, migration0090, migration0100, migration0110, migration0120]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0
