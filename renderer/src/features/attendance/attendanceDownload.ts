export { downloadBase64 } from '../../lib/downloadBase64'
