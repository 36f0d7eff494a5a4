import { Badge, Button, Group, Table, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DoctorReport } from '@shared/domain/doctor'
import { formatBytes } from '@shared/format'
import { useDoctor, useSettings, useUpdateSettings } from '../../api/hooks'
import { queryKeys } from '../../api/query-keys'
import { Section } from './Section'

export function MediaToolsSection() {
  const { t } = useTranslation()
  const { data: settings } = useSettings()
  const doctor = useDoctor()
  return (
    <Section title={t('settings.media')} hint={t('settings.mediaHint')} testId="settings-media">
      {settings && (
        <PathsForm
          key={`${settings.ffmpegPath}|${settings.ffprobePath}`}
          ffmpegPath={settings.ffmpegPath}
          ffprobePath={settings.ffprobePath}
        />
      )}
      <Group justify="space-between">
        <Text fw={500}>{t('settings.checks')}</Text>
        <Button size="xs" variant="subtle" loading={doctor.isFetching} onClick={() => void doctor.refetch()}>
          {t('settings.recheck')}
        </Button>
      </Group>
      {doctor.data && <DoctorTable report={doctor.data} />}
    </Section>
  )
}

function PathsForm({ ffmpegPath, ffprobePath }: { ffmpegPath: string; ffprobePath: string }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const update = useUpdateSettings()
  const [ffmpeg, setFfmpeg] = useState(ffmpegPath)
  const [ffprobe, setFfprobe] = useState(ffprobePath)
  const apply = (): void => {
    update.mutate(
      { ffmpegPath: ffmpeg.trim(), ffprobePath: ffprobe.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('settings.saved') })
          void client.invalidateQueries({ queryKey: queryKeys.doctor })
        }
      }
    )
  }
  return (
    <Group align="flex-end" wrap="wrap">
      <TextInput
        label={t('settings.ffmpegPath')}
        placeholder={t('settings.pathPlaceholder')}
        value={ffmpeg}
        onChange={(e) => setFfmpeg(e.currentTarget.value)}
        w={300}
      />
      <TextInput
        label={t('settings.ffprobePath')}
        placeholder={t('settings.pathPlaceholder')}
        value={ffprobe}
        onChange={(e) => setFfprobe(e.currentTarget.value)}
        w={300}
      />
      <Button variant="light" onClick={apply} loading={update.isPending}>
        {t('settings.apply')}
      </Button>
    </Group>
  )
}

function DoctorTable({ report }: { report: DoctorReport }) {
  const { t } = useTranslation()
  const tool = (b: DoctorReport['ffmpeg']) => (
    <Group gap="xs" wrap="nowrap">
      <Badge color={b.ok ? 'teal' : 'red'} variant="light">
        {b.ok ? t('settings.found') : t('settings.missing')}
      </Badge>
      <Text size="sm">{b.ok ? `${b.version} · ${t(`settings.sources.${b.source}`)}` : b.error}</Text>
    </Group>
  )
  const rows: [string, React.ReactNode][] = [
    ['ffmpeg', tool(report.ffmpeg)],
    ['ffprobe', tool(report.ffprobe)],
    [t('settings.sharp'), `${report.sharp.version} · libvips ${report.sharp.libvips}`],
    [
      t('settings.sqlite'),
      `${report.sqlite.version} · ${t('settings.fts')}: ${report.sqlite.fts5Trigram ? '✓' : '✗'}`
    ],
    [
      t('settings.data'),
      `${report.dataDir.path}${report.dataDir.freeBytes !== null ? ` · ${t('settings.free', { size: formatBytes(report.dataDir.freeBytes) })}` : ''}`
    ]
  ]
  return (
    <Table withRowBorders={false} verticalSpacing={4} data-testid="doctor-table">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={200} fw={500} c="dimmed">
              {label}
            </Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
