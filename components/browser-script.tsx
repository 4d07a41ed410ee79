import type { EnquiryKind } from '@/lib/enquiry-kinds';

/**
 * A page's own script for what needs the browser. Public pages are sent without the React runtime (see
 * scripts/strip-runtime.ts), so their few interactive parts are small scripts, bundled from
 * `components/**\/*.browser.ts` into `public/scripts/` by scripts/build-browser.mjs; each defines the custom
 * element its part is wrapped in. `async` lets React put it in the head once however often the part appears (and
 * not warn in development, where React renders the page in the browser too); the element waits for the document to
 * be parsed itself (`whenParsed`).
 */
export function BrowserScript({ name }: { name: 'member-filter' | 'coop-confirmation' | `${EnquiryKind}-form` }) {
  return <script type="module" src={`/scripts/${name}.js`} async />;
}
