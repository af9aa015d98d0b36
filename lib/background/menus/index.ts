export { ALIEXPRESS_URL_PATTERNS } from './patterns';
export { buildMenuSpec, menuItemId, parseMenuItemId, MENU_SOURCES, type MenuChoice, type MenuItemSpec, type MenuSource, type MenuText } from './items';
export { createMenuRegistry, type MenuRegistry, type MenuRegistryDeps, type MenusApi } from './registry';
export { menuCopyRequest, urlInSelection, urlOfClickedLink, urlOfClickedPage, type MenuClickInfo, type MenuClickTab, type MenuCopyRequest } from './click';
