// Hashes the catalogue file (for the import history) on a thread of its own: on the writer's
// thread it would cost as much as a tenth of the import. Plain JavaScript, run as an `eval`
// worker, so it needs no loader in development or in the packaged app.
export const HASH_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { createReadStream } = require('node:fs')
const hash = createHash('sha256')
createReadStream(workerData.path, { highWaterMark: 1 << 20 })
  .on('data', (c) => hash.update(c))
  .on('end', () => parentPort.postMessage(hash.digest('hex')))
  .on('error', () => parentPort.postMessage(''))
`
