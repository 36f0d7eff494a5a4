import { JsonInput, List, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSchemaIssues } from '../../api/playground-hooks'

/**
 * A JSON Schema typed by hand: invalid JSON is said at once; valid JSON is checked by the strict
 * linter as you type and its messages are listed under the field (nothing is sent until it passes).
 */
export function JsonSchemaField({
  label,
  value,
  strict,
  onChange,
  testId
}: {
  label: string
  value: Record<string, unknown>
  strict: boolean
  onChange: (schema: Record<string, unknown>) => void
  testId: string
}) {
  const { t } = useTranslation()
  const [text, setText] = useState(() => JSON.stringify(value, null, 2))
  const [parseError, setParseError] = useState<string | null>(null)
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    // Replaced from outside (a template, an example): show the new schema.
    setShown(value)
    if (!sameJson(text, value)) setText(JSON.stringify(value, null, 2))
  }
  const [debounced] = useDebouncedValue(value, 300)
  const lint = useSchemaIssues(strict && !parseError ? debounced : null)
  const issues = strict && !parseError ? (lint.data ?? []) : []
  const edit = (next: string) => {
    setText(next)
    try {
      const parsed = JSON.parse(next) as unknown
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
      setParseError(null)
      onChange(parsed as Record<string, unknown>)
    } catch (error) {
      setParseError((error as Error).message)
    }
  }
  return (
    <div>
      <JsonInput
        size="xs"
        label={label}
        value={text}
        onChange={edit}
        autosize
        minRows={4}
        maxRows={14}
        formatOnBlur
        error={parseError ? t('playground.functions.invalidJson', { message: parseError }) : undefined}
        data-testid={testId}
      />
      {strict && !parseError && lint.data?.length === 0 && (
        <Text size="xs" c="teal" mt={4} data-testid="schema-valid">
          {t('playground.schema.valid')}
        </Text>
      )}
      {issues.length > 0 && (
        <List size="xs" c="red" mt={4} data-testid="schema-issues">
          {issues.map((issue, i) => (
            <List.Item key={i}>
              <Text span size="xs" ff="monospace">
                {issue.path}
              </Text>{' '}
              {issue.message}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  )
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value)
  } catch {
    return false
  }
}
