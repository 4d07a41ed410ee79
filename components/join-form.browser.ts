// `<join-form>` in the browser (bundled by scripts/build-browser.mjs): the join form's description and schema on the
// shared enquiry form element. A custom element wires itself wherever it appears: on a page's first load, and when
// React puts it in the page after a client-side navigation in development.
import { EnquiryFormElement } from '@/lib/browser/enquiry-form-element';
import { joinKind } from '@/lib/enquiry-kinds/join';
import { formOf, validate } from '@/lib/enquiry-kinds/kind';

export class JoinFormElement extends EnquiryFormElement {
  protected readonly description = formOf(joinKind);

  protected check(values: Record<string, unknown>) {
    const result = validate(joinKind, values, { serviceSlugs: [], coopSlugs: [] });
    return result.ok ? undefined : result.errors;
  }
}

if (!customElements.get('join-form')) customElements.define('join-form', JoinFormElement);
