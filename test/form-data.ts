import { attribute, elementsIn, elementsOf, textOf } from './html';

/**
 * What a browser sends for the `index`th form of some rendered HTML, no button pressed: each named control that is
 * not disabled, a tick box only when ticked (its value, or `on`), a text area's text; no file. Parsed by a real HTML
 * parser (test/html.ts), so a test submits the form a page really renders.
 */
export function formDataOf(html: string, index = 0): FormData {
  const form = elementsOf(html).filter((element) => element.tagName === 'form')[index];
  if (!form) throw new Error(`the HTML has no form number ${index}`);
  const data = new FormData();
  for (const control of elementsIn(form)) {
    const name = attribute(control, 'name');
    if (!name || attribute(control, 'disabled') !== undefined) continue;
    if (control.tagName === 'textarea') data.append(name, textOf(control).replace(/^\n/, ''));
    if (control.tagName !== 'input') continue;
    const type = attribute(control, 'type') ?? 'text';
    if (['file', 'submit', 'button', 'image', 'reset'].includes(type)) continue;
    if ((type === 'checkbox' || type === 'radio') && attribute(control, 'checked') === undefined) continue;
    data.append(name, attribute(control, 'value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : ''));
  }
  return data;
}
