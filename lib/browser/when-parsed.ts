/**
 * Runs `enhance` once the document is parsed, for the pages' own scripts (components/browser-script.tsx): they
 * load `async`, so they may run before the markup they enhance is there.
 */
export function whenParsed(enhance: () => void) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance, { once: true });
  else enhance();
}
