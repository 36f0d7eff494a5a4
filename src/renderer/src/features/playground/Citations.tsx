import { Anchor, List, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Citation } from '@shared/domain/playground'

/** Numbered sources of an answer: web links with the cited span, or files with their quote. */
export function Citations({ citations }: { citations: Citation[] }) {
  const { t } = useTranslation()
  if (citations.length === 0) return null
  return (
    <Stack gap={4} data-testid="citations">
      <Text size="xs" fw={600} c="dimmed">
        {t('playground.tools.citations')}
      </Text>
      <List type="ordered" size="sm" spacing={4}>
        {citations.map((c, i) => (
          <List.Item key={`${c.kind}-${i}`} data-testid="citation">
            {c.url ? (
              <Anchor href={safeHref(c.url)} target="_blank" rel="noreferrer" size="sm" data-testid="citation-link">
                {c.title || c.url}
              </Anchor>
            ) : (
              <Text span size="sm" fw={500}>
                {c.filename ?? c.fileId}
              </Text>
            )}
            {c.quote && c.kind !== 'container_file' && (
              <Text size="xs" c="dimmed" lineClamp={2}>
                <mark className="fw-cited">{readable(c.quote)}</mark>
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  )
}

/** A cited span that is itself a Markdown link reads as its label. */
function readable(quote: string): string {
  return quote.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/^\((.*)\)$/s, '$1')
}

/** Only web addresses become links: a cited `javascript:` or `file:` URL from a reply does not. */
function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined
}
