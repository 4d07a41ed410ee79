/**
 * Runs `enhance` once the document is parsed, for the custom elements of the pages' own scripts
 * (components/browser-script.tsx): defined by a script that loads `async`, an element may be connected while the
 * parser has yet to reach its contents.
 */
export function whenParsed(enhance: () => void) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance, { once: true });
  else enhance();
}
