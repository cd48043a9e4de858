// @ts-check
import { h } from '../shared/dom.js';
import { conditionEditor } from './segment-rule-conditions.js';

/**
 * A group two levels below the whole rule is as deep as a marketer's sentence goes; deeper logic
 * belongs in a segment of its own, referenced by a segment condition.
 */
const MAX_DEPTH = 2;

/**
 * @typedef {import('./segment-rule-conditions.js').Controls} Controls
 * @typedef {import('./segment-rule-conditions.js').Vocabulary} Vocabulary
 * @typedef {{ element: HTMLFieldSetElement, focus: () => void, read: (path: string, controls: Controls) => unknown }} RuleEditor
 */

let nextId = 1;

/**
 * Conditions and nested groups combined by all (and), any (or) or none (not of an or). A new group
 * starts with one condition, so it is never empty by accident.
 * @param {{ vocabulary: Vocabulary, onChange: () => void, depth?: number, onRemove?: (editor: RuleEditor) => void }} options
 * @returns {RuleEditor}
 */
export const groupEditor = ({ vocabulary, onChange, depth = 0, onRemove }) => {
  const id = `group-${nextId++}`;
  /** @type {RuleEditor[]} */
  let items = [];
  const list = h('div', { class: 'conditions' });
  const match = h(
    'select',
    { id: `${id}-match` },
    h('option', { value: 'and' }, 'all of these'),
    h('option', { value: 'or' }, 'any of these'),
    h('option', { value: 'none' }, 'none of these'),
  );
  match.addEventListener('change', onChange);
  const addCondition = h('button', { type: 'button', class: 'secondary' }, 'Add condition');

  /** @param {RuleEditor} removed */
  const remove = (removed) => {
    items = items.filter((item) => item !== removed);
    removed.element.remove();
    addCondition.focus();
    onChange();
  };
  /** @param {RuleEditor} item */
  const add = (item) => {
    items = [...items, item];
    list.append(item.element);
    item.focus();
    onChange();
  };
  addCondition.addEventListener('click', () =>
    add(conditionEditor({ vocabulary, onChange, onRemove: remove })),
  );
  const addGroup =
    depth < MAX_DEPTH
      ? h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () =>
              add(groupEditor({ vocabulary, onChange, depth: depth + 1, onRemove: remove })),
          },
          'Add group',
        )
      : null;

  /** @type {RuleEditor} */
  const editor = {
    element: h(
      'fieldset',
      { class: depth === 0 ? 'group group-root' : 'group' },
      h('legend', {}, depth === 0 ? 'Who belongs' : 'Group'),
      h(
        'div',
        { class: 'group-match' },
        h('label', { for: `${id}-match` }, 'Customers must match'),
        match,
      ),
      list,
      h(
        'div',
        { class: 'toolbar' },
        addCondition,
        addGroup,
        onRemove
          ? h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => onRemove(editor) },
              'Remove group',
            )
          : null,
      ),
    ),
    focus: () => match.focus(),
    read: (path, controls) => {
      controls.set(path, match);
      const none = match.value === 'none';
      const childrenPath = none ? `${path}.child.children` : `${path}.children`;
      const children = items.map((item, index) => item.read(`${childrenPath}.${index}`, controls));
      if (children.length === 0 || children.includes(undefined)) return undefined;
      if (none) return { type: 'not', child: { type: 'or', children } };
      return { type: match.value, children };
    },
  };
  const first = conditionEditor({ vocabulary, onChange, onRemove: remove });
  items = [first];
  list.append(first.element);
  return editor;
};
