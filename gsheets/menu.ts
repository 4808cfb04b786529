/// <reference types="google-apps-script" />
// Menu and sidebar. onOpen may run in AuthMode.NONE (add-on installed but not enabled in this
// document), where only the Ui menu calls are allowed: it must touch no other service.

import { msg } from './messages';

export function addMenu(): void {
  SpreadsheetApp.getUi().createMenu(msg('menu')).addItem(msg('menuItem'), 'showSidebar').addToUi();
}

export function openSidebar(): void {
  // createHtmlOutputFromFile, not a template: the inlined bundle must not be parsed for <? ?> scriptlets
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(msg('sidebarTitle'));
  SpreadsheetApp.getUi().showSidebar(page);
}
