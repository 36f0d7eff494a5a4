// Run by the crash-recovery test in its own process, which the test then kills with SIGKILL.
import { createApp } from '../../src/main/app/create-app'

const [dataDir, ...paths] = process.argv.slice(2)
const app = createApp({ dataDir: dataDir as string, version: 'child', strict: false })
app.bus.on('job.updated', (job) => {
  if (job.stage === 'importing' && job.progress > 0) process.stdout.write(`progress ${job.progress}\n`)
})
app.services.library.startImport(paths)
setInterval(() => undefined, 1000)
