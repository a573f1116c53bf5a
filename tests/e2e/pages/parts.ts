/**
 * The parts of a screen a page object names, declared once as a map of their data-testids:
 *
 *   export class Desk extends Parts({ root: 'desk', search: 'desk-search' }) { … }
 *
 * gives `desk.root` and `desk.search` as locators of the page (`new Desk(page)`).
 */
import type { Locator, Page } from '@playwright/test';

type PartsOf<Ids extends Record<string, string>> = { readonly page: Page } & { readonly [Part in keyof Ids]: Locator };
type PageObjectOf<Ids extends Record<string, string>> = new (page: Page) => PartsOf<Ids>;

export function Parts<const Ids extends Record<string, string>>(ids: Ids) {
  return class {
    constructor(readonly page: Page) {
      // A locator is lazy (it finds its element when used), so each part is made once.
      for (const [part, testId] of Object.entries(ids)) {
        Object.defineProperty(this, part, { value: page.getByTestId(testId), enumerable: true });
      }
    }
  } as PageObjectOf<Ids>;
}
