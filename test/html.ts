import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

// Rendered HTML read by a real HTML parser (parse5, the one the HTML standard's tests use), so a test reads the
// elements a browser would build.

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

/** Every element of some HTML, in document order. */
export const elementsOf = (html: string): Element[] => elementsIn(parseFragment(html));

export const attribute = (element: Element, name: string) => element.attrs.find((attr) => attr.name === name)?.value;
export const elementsIn = (node: Node): Element[] =>
  'childNodes' in node
    ? node.childNodes.flatMap((child) => ('tagName' in child ? [child, ...elementsIn(child)] : elementsIn(child)))
    : [];
export const textOf = (node: Node): string =>
  'value' in node && node.nodeName === '#text'
    ? node.value
    : 'childNodes' in node
      ? node.childNodes.map(textOf).join('')
      : '';
