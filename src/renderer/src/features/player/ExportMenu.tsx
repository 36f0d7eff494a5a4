import { Button, Menu } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { ExportedFile } from '@shared/domain/video'
import { notifyError } from '../../i18n/notify-error'
import { downloadText } from './download'

interface Props<F extends string> {
  formats: readonly F[]
  /** Asks the core for the file; the menu saves it as a download. */
  exporter: (format: F) => Promise<ExportedFile>
  disabled?: (format: F) => boolean
  /** The i18n key naming a format in the menu. */
  label?: (format: F) => string
  testId?: string
}

/** Markdown, JSON, SRT, VTT, TXT…: the core writes the file, the browser (or Electron) saves it. */
export function ExportMenu<F extends string>({
  formats,
  exporter,
  disabled,
  label = (format) => `video.formats.${format}`,
  testId = 'export-menu'
}: Props<F>) {
  const { t } = useTranslation()
  const save = useMutation({
    mutationFn: exporter,
    onSuccess: downloadText,
    onError: (e) => notifyError(t, e)
  })
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          loading={save.isPending}
          data-testid={testId}
        >
          {t('video.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {formats.map((format) => (
          <Menu.Item
            key={format}
            disabled={disabled?.(format) ?? false}
            onClick={() => save.mutate(format)}
            data-testid={`export-${format}`}
          >
            {t(label(format))}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
