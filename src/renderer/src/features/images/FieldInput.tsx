import { NumberInput, Select, Switch, TagsInput, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** A field's JSON-Schema definition, as far as choosing its input goes. */
export interface FieldSchema {
  type?: string | string[]
  enum?: unknown[]
  items?: { type?: string | string[] }
}

/** What a field holds, read from its schema (not from today's value, which may be null). */
export function fieldKind(schema: FieldSchema | undefined): {
  kind: 'number' | 'boolean' | 'tags' | 'enum' | 'text' | 'json'
  nullable: boolean
} {
  const types = [schema?.type ?? []].flat()
  const nullable = types.includes('null')
  const base = types.find((t) => t !== 'null')
  const itemTypes = [schema?.items?.type ?? []].flat()
  if (base === 'number' || base === 'integer') return { kind: 'number', nullable }
  if (base === 'boolean') return { kind: 'boolean', nullable }
  if (base === 'array' && itemTypes.includes('string')) return { kind: 'tags', nullable }
  if (base === 'string' && schema?.enum?.every((v) => typeof v === 'string')) return { kind: 'enum', nullable }
  if (base === 'string') return { kind: 'text', nullable }
  return { kind: 'json', nullable }
}

interface Props {
  name: string
  schema: FieldSchema | undefined
  value: unknown
  /** Decides textarea vs. one line once, so typing past 80 characters keeps the focus. */
  multiline: boolean
  /** `undefined` means the input holds no valid value yet (e.g. a required number cleared). */
  onChange: (value: unknown) => void
}

/** One field as the input its schema calls for; lists of objects and objects as JSON text. */
export function FieldInput({ name, schema, value, multiline, onChange }: Props) {
  const { t } = useTranslation()
  const { kind, nullable } = fieldKind(schema)
  const testId = `field-${name}`
  if (kind === 'number')
    return (
      <NumberInput
        label={name}
        value={typeof value === 'number' ? value : ''}
        error={value === undefined ? t('images.fieldNeedsNumber') : undefined}
        onChange={(v) => onChange(v === '' ? (nullable ? null : undefined) : Number(v))}
        data-testid={testId}
      />
    )
  if (kind === 'boolean')
    return (
      <Switch
        label={name}
        checked={value === true}
        onChange={(e) => onChange(e.currentTarget.checked)}
        data-testid={testId}
      />
    )
  if (kind === 'tags')
    return (
      <TagsInput
        label={name}
        value={Array.isArray(value) ? (value as string[]) : []}
        onChange={onChange}
        data-testid={testId}
      />
    )
  if (kind === 'enum')
    return (
      <Select
        label={name}
        data={(schema?.enum ?? []) as string[]}
        value={typeof value === 'string' ? value : null}
        clearable={nullable}
        onChange={(v) => onChange(v ?? null)}
        data-testid={testId}
      />
    )
  if (kind === 'text') {
    const text = typeof value === 'string' ? value : ''
    const change = (next: string): void => onChange(next === '' && nullable ? null : next)
    return multiline ? (
      <Textarea
        label={name}
        value={text}
        onChange={(e) => change(e.currentTarget.value)}
        autosize
        maxRows={8}
        data-testid={testId}
      />
    ) : (
      <TextInput
        label={name}
        value={text}
        onChange={(e) => change(e.currentTarget.value)}
        data-testid={testId}
      />
    )
  }
  return <JsonField name={name} value={value} onChange={onChange} />
}

function JsonField({ name, value, onChange }: { name: string; value: unknown; onChange: (v: unknown) => void }) {
  const { t } = useTranslation()
  const [text, setText] = useState(JSON.stringify(value, null, 2))
  const [bad, setBad] = useState(false)
  return (
    <Textarea
      label={name}
      value={text}
      autosize
      maxRows={10}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      error={bad ? t('images.schemaNotJson') : undefined}
      data-testid={`field-${name}`}
      onChange={(e) => {
        setText(e.currentTarget.value)
        try {
          onChange(JSON.parse(e.currentTarget.value))
          setBad(false)
        } catch {
          setBad(true)
          onChange(undefined)
        }
      }}
    />
  )
}
