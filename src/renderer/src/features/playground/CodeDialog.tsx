import {
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CodeLanguage } from '@shared/domain/playground'
import { useRequestCode } from '../../api/playground-hooks'
import { ErrorAlert } from '../../i18n/ErrorAlert'

/** The exact request of an answer as curl, TypeScript or Python, to copy; the key is never shown. */
export function CodeDialog({ messageId, onClose }: { messageId: string | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [language, setLanguage] = useState<CodeLanguage>('curl')
  const code = useRequestCode(messageId, language)
  return (
    <Modal opened={messageId !== null} onClose={onClose} title={t('playground.code.title')} size="xl">
      <Stack gap="sm">
        <Group justify="space-between">
          <SegmentedControl
            size="xs"
            value={language}
            onChange={(v) => setLanguage(v as CodeLanguage)}
            data={[
              { value: 'curl', label: 'curl' },
              { value: 'typescript', label: 'TypeScript' },
              { value: 'python', label: 'Python' }
            ]}
            data-testid="code-language"
          />
          <CopyButton value={code.data?.code ?? ''}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy} disabled={!code.data}>
                {copied ? t('playground.message.copied') : t('playground.message.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('playground.code.note')}
        </Text>
        {code.error ? (
          <ErrorAlert error={code.error} />
        ) : (
          <ScrollArea.Autosize mah="60vh">
            <Code block data-testid="request-code">
              {code.data?.code ?? ''}
            </Code>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Modal>
  )
}
