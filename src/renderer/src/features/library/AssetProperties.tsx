import { Table } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Asset, MediaMetadata } from '@shared/domain/asset'
import { formatBytes, formatDuration } from '@shared/format'

type Row = [label: string, value: string]

const METADATA_ORDER: (keyof MediaMetadata)[] = [
  'title',
  'format',
  'container',
  'videoCodec',
  'fps',
  'variableFrameRate',
  'rotation',
  'audioCodec',
  'hasAudio',
  'sampleRate',
  'channels',
  'bitrate',
  'colorSpace',
  'bitDepth',
  'hasAlpha',
  'orientation',
  'pages',
  'hasProfile'
]

export function AssetProperties({ asset }: { asset: Asset }) {
  const { t, i18n } = useTranslation()
  const rows: Row[] = [
    [t('asset.kind'), t(`library.kind.${asset.kind}`)],
    [t('asset.size'), formatBytes(asset.sizeBytes)],
    ...(asset.width && asset.height
      ? ([[t('asset.dimensions'), `${asset.width} × ${asset.height}`]] as Row[])
      : []),
    ...(asset.durationS !== null ? ([[t('asset.duration'), formatDuration(asset.durationS)]] as Row[]) : []),
    ...metadataRows(t, asset.metadata),
    [t('asset.imported'), new Date(asset.createdAt).toLocaleString(i18n.language)],
    ...(asset.sourcePath ? ([[t('asset.source'), asset.sourcePath]] as Row[]) : []),
    [t('asset.hash'), asset.hash]
  ]
  return (
    <Table withRowBorders={false} verticalSpacing={4} data-testid="asset-properties">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={160} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
              {label}
            </Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function metadataRows(t: TFunction, metadata: MediaMetadata): Row[] {
  return METADATA_ORDER.filter((key) => metadata[key] !== undefined).map((key) => [
    t(`asset.${key}`),
    formatValue(t, key, metadata[key])
  ])
}

function formatValue(t: TFunction, key: keyof MediaMetadata, value: unknown): string {
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
  if (key === 'bitrate' && typeof value === 'number') return `${Math.round(value / 1000)} kb/s`
  if (key === 'sampleRate' && typeof value === 'number') return `${(value / 1000).toFixed(1)} kHz`
  if (key === 'rotation' && typeof value === 'number') return `${value}°`
  if (key === 'bitDepth' && typeof value === 'number') return `${value}-bit`
  return String(value)
}
