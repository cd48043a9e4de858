// @ts-check

/**
 * @typedef {string | number | Node | null | undefined | false} Child
 * @typedef {Record<string, string | number | boolean | null | undefined | EventListener>} Attributes
 */

/**
 * Builds an element. Text always goes in as text nodes, never as markup, so values from the API
 * (names, e-mails, reasons) cannot inject HTML. `on…` attributes that are functions become
 * listeners; `false`, `null` and `undefined` attributes are left out.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes} [attributes]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export const h = (tag, attributes = {}, ...children) => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  element.append(...children.flat().flatMap(toNode));
  return element;
};

/** @param {Child} child @returns {(Node | string)[]} */
const toNode = (child) =>
  child === null || child === undefined || child === false
    ? []
    : [child instanceof Node ? child : String(child)];

/**
 * A table with a header row; `rows` are arrays of cells. The first cell of each row is a row
 * header when `rowHeaders` is set, so screen readers announce it with every other cell.
 * @param {{ caption?: string, headers: string[], rows: Child[][], rowHeaders?: boolean, className?: string }} options
 */
export const table = ({ caption, headers, rows, rowHeaders = false, className }) =>
  h(
    'table',
    { class: className },
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, ...headers.map((header) => h('th', { scope: 'col' }, header)))),
    h(
      'tbody',
      {},
      ...rows.map((cells) =>
        h(
          'tr',
          {},
          ...cells.map((cell, index) =>
            rowHeaders && index === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell),
          ),
        ),
      ),
    ),
  );

/**
 * A definition list from label → value pairs; values that are absent are left out.
 * @param {[string, Child][]} pairs
 */
export const definitions = (pairs) =>
  h(
    'dl',
    { class: 'definitions' },
    ...pairs
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([label, value]) => h('div', {}, h('dt', {}, label), h('dd', {}, value))),
  );

/**
 * Calls `action` once input has paused for `ms`, so typing does not fire a request per key.
 * @template {unknown[]} A
 * @param {(...args: A) => void} action
 * @param {number} ms
 * @returns {(...args: A) => void}
 */
export const debounce = (action, ms) => {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...args), ms);
  };
};

/**
 * Saves a blob as a file: exports need the Authorization header, so a plain link cannot fetch them.
 * @param {Blob} blob
 * @param {string} fileName
 */
export const download = (blob, fileName) => {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
};
