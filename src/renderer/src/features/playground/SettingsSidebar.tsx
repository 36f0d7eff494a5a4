import { Accordion, ScrollArea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TurnSettings } from '@shared/domain/playground'
import { FunctionEditor } from './FunctionEditor'
import { ParamsPanel, type SettingsChange } from './ParamsPanel'
import { SchemaEditor } from './SchemaEditor'
import { ToolsSection } from './ToolsSection'
import { VectorStoresPanel } from './VectorStoresPanel'

/** Everything a turn is sent with, in folding sections; the conversation keeps the last used. */
export function SettingsSidebar({
  settings,
  onChange
}: {
  settings: TurnSettings
  onChange: SettingsChange
}) {
  const { t } = useTranslation()
  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars>
      <Accordion multiple defaultValue={['params', 'tools']} variant="contained" chevronPosition="right">
        <Accordion.Item value="params">
          <Accordion.Control data-testid="section-params">{t('playground.params.title')}</Accordion.Control>
          <Accordion.Panel>
            <ParamsPanel settings={settings} onChange={onChange} />
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="tools">
          <Accordion.Control data-testid="section-tools">{t('playground.tools.title')}</Accordion.Control>
          <Accordion.Panel>
            <ToolsSection settings={settings} onChange={onChange} />
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="functions">
          <Accordion.Control data-testid="section-functions">
            {t('playground.functions.title')}
          </Accordion.Control>
          <Accordion.Panel>
            <FunctionEditor settings={settings} onChange={onChange} />
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="schema">
          <Accordion.Control data-testid="section-schema">{t('playground.schema.title')}</Accordion.Control>
          <Accordion.Panel>
            <SchemaEditor settings={settings} onChange={onChange} />
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="stores">
          <Accordion.Control data-testid="section-stores">{t('playground.stores.title')}</Accordion.Control>
          <Accordion.Panel>
            <VectorStoresPanel />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </ScrollArea>
  )
}
