/**
 * A page's own script for what needs the browser. Public pages are sent without the React runtime (see
 * scripts/strip-runtime.mjs), so their few interactive parts are small scripts, bundled from
 * `components/**\/*.browser.ts` into `public/scripts/` by scripts/build-browser.mjs. A module script is deferred
 * (`defer` only says so): it runs once the document is parsed, so the markup it enhances is there.
 */
export function BrowserScript({ name }: { name: 'member-filter' | 'join-form' }) {
  return <script type="module" src={`/scripts/${name}.js`} defer />;
}
