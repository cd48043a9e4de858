import type { Page } from 'playwright-core';

/**
 * The basics a page must keep, checked in the rendered DOM (no axe-core here: it is not a
 * dependency): a language, one h1, a name for every visible control, link and chart, and header
 * cells in every data table. Returns one line per problem, naming the page and the element.
 */
export const accessibilityProblems = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const problems: string[] = [];
    const where = location.hash || '/';
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
        element.getAttribute('name') ? `[name=${element.getAttribute('name')}]` : ''
      }`;
    const visible = (element: Element) =>
      element instanceof HTMLElement &&
      !element.closest('[hidden]') &&
      element.getClientRects().length > 0;
    const labelledBy = (element: Element) =>
      (element.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
    const nameOf = (element: Element) =>
      element.getAttribute('aria-label')?.trim() ||
      labelledBy(element) ||
      [...((element as HTMLInputElement).labels ?? [])]
        .map((label) => label.textContent?.trim() ?? '')
        .join(' ')
        .trim() ||
      element.getAttribute('title')?.trim() ||
      '';

    if (!document.documentElement.lang) problems.push(`${where}: <html> has no lang`);
    const headings = document.querySelectorAll('main h1');
    if (headings.length !== 1) problems.push(`${where}: ${headings.length} h1 in main`);

    for (const control of document.querySelectorAll('input, select, textarea')) {
      if ((control as HTMLInputElement).type === 'hidden' || !visible(control)) continue;
      if (!nameOf(control)) problems.push(`${where}: ${describe(control)} has no label`);
    }
    for (const control of document.querySelectorAll('button, a[href]')) {
      if (!visible(control)) continue;
      if (!(control.textContent?.trim() || nameOf(control))) {
        problems.push(`${where}: ${describe(control)} has no text`);
      }
    }
    for (const canvas of document.querySelectorAll('canvas')) {
      if (canvas.getAttribute('role') !== 'img' || !nameOf(canvas)) {
        problems.push(`${where}: a chart canvas is not an image with a name`);
      }
    }
    for (const table of document.querySelectorAll('main table')) {
      if (table.querySelectorAll('th').length === 0) {
        problems.push(`${where}: a table without header cells`);
      }
    }
    return problems;
  });
