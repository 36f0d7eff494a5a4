import { notifications } from '@mantine/notifications'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportReport } from '@shared/domain/asset'
import { subscribe } from '../../api/client'
import { errorText } from '../../i18n/error-text'

export const PROBLEM_NOTICE_MS = 12_000

/** When an import finishes, say what happened, and name each file that failed and why. */
export function useImportNotifications(): void {
  const { t } = useTranslation()
  useEffect(
    () =>
      subscribe('job.updated', (job) => {
        if (job.kind !== 'library.import') return
        if (job.state === 'failed' && job.error) {
          const text = errorText(t, job.error)
          notifications.show({ color: 'red', title: text.title, message: text.detail })
        }
        if (job.state !== 'succeeded' || !job.result) return
        const report = job.result as ImportReport
        notifications.show({
          id: `import-${job.id}`,
          color: report.failed.length > 0 ? 'orange' : 'teal',
          title: report.failed.length > 0 ? t('library.importProblems') : t('library.importFinished'),
          message: [
            t('library.importSummary', {
              imported: report.imported.length,
              duplicates: report.duplicates.length,
              failed: report.failed.length
            }),
            ...report.failed
              .slice(0, 5)
              .map((f) => `${f.path.split(/[\\/]/).pop() ?? f.path}: ${errorText(t, f).title}`)
          ].join('\n'),
          // Problems stay long enough to read, then go; the close button dismisses them sooner.
          autoClose: report.failed.length > 0 ? PROBLEM_NOTICE_MS : 5000,
          withCloseButton: true,
          style: { whiteSpace: 'pre-line' }
        })
      }),
    [t]
  )
}
