/** The menu's titles from the message catalogs. */
import { t } from '../../i18n/index';
import type { MenuText } from './items';

export const menuText: MenuText = {
  copyLink: (presetName) => (presetName === null || presetName === '' ? t('menu_copyLink') : t('menu_copyLinkWithDefault', presetName)),
  copyPost: (presetName) => (presetName === null || presetName === '' ? t('menu_copyPost') : t('menu_copyPostWithDefault', presetName)),
  copyWithPreset: () => t('menu_copyWithPreset'),
  presetItem: (presetName, isDefault) => (isDefault ? t('menu_presetDefault', presetName) : presetName),
};
