import {
  Button,
  CloseButton,
  Group,
  Kbd,
  SegmentedControl,
  Text,
  TextInput,
  Title,
  Tooltip
} from '@mantine/core'
import { IconFolderPlus, IconSearch, IconUpload } from '@tabler/icons-react'
import type { RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { AssetKind } from '@shared/domain/asset'
import type { ImportActions } from './useImportActions'

interface Props {
  search: string
  onSearch: (value: string) => void
  kind: AssetKind | undefined
  onKind: (kind: AssetKind | undefined) => void
  total: number
  /** The count stopped at a cap (a broad search): shown as "5,000+". */
  totalIsLowerBound: boolean
  searchRef: RefObject<HTMLInputElement | null>
  importer: ImportActions
}

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)

export function LibraryToolbar(props: Props) {
  const { search, onSearch, kind, onKind, total, totalIsLowerBound, searchRef, importer } = props
  const { t } = useTranslation()
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <div>
        <Title order={2}>{t('library.title')}</Title>
        <Text size="sm" c="dimmed" data-testid="library-count">
          {t(totalIsLowerBound ? 'library.countAtLeast' : 'library.count', { count: total })} ·{' '}
          {t('library.subtitle')}
        </Text>
      </div>
      <Group gap="sm" wrap="wrap">
        <TextInput
          ref={searchRef}
          value={search}
          onChange={(e) => onSearch(e.currentTarget.value)}
          placeholder={t('library.searchPlaceholder')}
          aria-label={t('shortcuts.search')}
          leftSection={<IconSearch size={16} />}
          rightSectionWidth={search ? 36 : 76}
          rightSection={
            search ? (
              <CloseButton size="sm" aria-label={t('common.close')} onClick={() => onSearch('')} />
            ) : (
              <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'} K</Kbd>
            )
          }
          w={340}
          data-testid="library-search"
        />
        <SegmentedControl
          value={kind ?? 'all'}
          onChange={(value) => onKind(value === 'all' ? undefined : (value as AssetKind))}
          data={(['all', 'video', 'image', 'audio'] as const).map((value) => ({
            value,
            label: t(`library.kinds.${value}`)
          }))}
          data-testid="library-kind-filter"
        />
        <Tooltip
          label={
            <Group gap={6} wrap="nowrap">
              {t('shortcuts.import')}
              <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'} O</Kbd>
            </Group>
          }
        >
          <Button
            leftSection={<IconUpload size={16} />}
            onClick={importer.pickFiles}
            aria-keyshortcuts={isMac ? 'Meta+O' : 'Control+O'}
            data-testid="import-files-button"
          >
            {t('library.importFiles')}
          </Button>
        </Tooltip>
        <Button variant="default" leftSection={<IconFolderPlus size={16} />} onClick={importer.pickFolder}>
          {t('library.importFolder')}
        </Button>
      </Group>
    </Group>
  )
}
