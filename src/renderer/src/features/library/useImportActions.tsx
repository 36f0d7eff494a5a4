import { notifications } from '@mantine/notifications'
import { useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { importFiles } from '../../api/import-files'
import { notifyError } from '../../i18n/notify-error'

export interface ImportActions {
  pickFiles: () => void
  pickFolder: () => void
  importDropped: (files: File[]) => void
  /** Hidden file inputs; render once. */
  inputs: ReactNode
}

/** File and folder pickers plus drop handling, all feeding one import job. */
export function useImportActions(): ImportActions {
  const { t } = useTranslation()
  const filesRef = useRef<HTMLInputElement>(null)
  const folderRef = useRef<HTMLInputElement>(null)

  const start = (files: File[]): void => {
    if (files.length === 0) return
    notifications.show({
      id: 'import-start',
      message: t('library.importStarted', { count: files.length }),
      loading: true,
      autoClose: 2500
    })
    importFiles(files)
      .then(({ uploadFailures }) => {
        for (const failure of uploadFailures) {
          notifications.show({
            color: 'red',
            message: t('library.uploadFailed', { name: failure.name, message: failure.error.message })
          })
        }
      })
      .catch((error: unknown) => notifyError(t, error))
  }

  const fromInput = (input: HTMLInputElement | null): void => {
    if (!input?.files) return
    start(Array.from(input.files))
    input.value = ''
  }

  const inputs = (
    <>
      <input
        ref={filesRef}
        type="file"
        multiple
        hidden
        data-testid="import-files-input"
        onChange={(e) => fromInput(e.currentTarget)}
      />
      <input
        ref={folderRef}
        type="file"
        multiple
        hidden
        data-testid="import-folder-input"
        {...{ webkitdirectory: '', directory: '' }}
        onChange={(e) => fromInput(e.currentTarget)}
      />
    </>
  )

  return {
    pickFiles: () => filesRef.current?.click(),
    pickFolder: () => folderRef.current?.click(),
    importDropped: start,
    inputs
  }
}
