import {
  IconAdjustments,
  IconChartBar,
  IconFlask,
  IconLibraryPhoto,
  IconMicrophone,
  IconMovie,
  IconPhoto,
  IconPhotoAi,
  IconStack2,
  IconWaveSine
} from '@tabler/icons-react'
import type { ComponentType } from 'react'

export interface NavItem {
  path: string
  labelKey: string
  icon: ComponentType<{ size?: number; stroke?: number }>
  section: 'media' | 'models' | 'app'
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/library', labelKey: 'nav.library', icon: IconLibraryPhoto, section: 'media' },
  { path: '/video', labelKey: 'nav.video', icon: IconMovie, section: 'media' },
  { path: '/images', labelKey: 'nav.images', icon: IconPhoto, section: 'media' },
  { path: '/audio', labelKey: 'nav.audio', icon: IconMicrophone, section: 'media' },
  { path: '/gallery', labelKey: 'nav.gallery', icon: IconPhotoAi, section: 'media' },
  { path: '/voice', labelKey: 'nav.voice', icon: IconWaveSine, section: 'media' },
  { path: '/playground', labelKey: 'nav.playground', icon: IconFlask, section: 'models' },
  { path: '/batch', labelKey: 'nav.batch', icon: IconStack2, section: 'models' },
  { path: '/usage', labelKey: 'nav.usage', icon: IconChartBar, section: 'models' },
  { path: '/settings', labelKey: 'nav.settings', icon: IconAdjustments, section: 'app' }
]
