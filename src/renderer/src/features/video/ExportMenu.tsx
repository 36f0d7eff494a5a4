import { Button, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { EXPORT_FORMATS, type ExportFormat } from '@shared/domain/video'
import { errorInfo } from '../../api/client'
import { useExport } from '../../api/video-hooks'
import { errorText } from '../../i18n/error-text'
import { downloadText } from './download'

/** Markdown, JSON, SRT, VTT or TXT; the transcript formats only when there is a transcript. */
export function ExportMenu({ assetId, hasTranscript }: { assetId: string; hasTranscript: boolean }) {
  const { t } = useTranslation()
  const exporter = useExport(assetId)
  const save = (format: ExportFormat): void =>
    exporter.mutate(format, {
      onSuccess: downloadText,
      onError: (error) => {
        const text = errorText(t, errorInfo(error))
        notifications.show({ color: 'red', title: text.title, message: text.detail })
      }
    })
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          loading={exporter.isPending}
          data-testid="export-menu"
        >
          {t('video.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {EXPORT_FORMATS.map((format) => (
          <Menu.Item
            key={format}
            disabled={!hasTranscript && ['srt', 'vtt', 'txt'].includes(format)}
            onClick={() => save(format)}
            data-testid={`export-${format}`}
          >
            {t(`video.formats.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
