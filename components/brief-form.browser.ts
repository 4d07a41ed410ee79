// `<brief-form>` in the browser (bundled by scripts/build-browser.mjs): the brief form's description and schema on
// the shared enquiry form element.
import { EnquiryFormElement } from '@/lib/browser/enquiry-form-element';
import { briefKind } from '@/lib/enquiry-kinds/brief';
import { formOf, validate } from '@/lib/enquiry-kinds/kind';

export class BriefFormElement extends EnquiryFormElement {
  protected readonly description = formOf(briefKind);

  /** The services are the boxes the page rendered from the content: the same list the server checks against. */
  protected check(values: Record<string, unknown>, form: HTMLFormElement) {
    const services = [...form.querySelectorAll<HTMLInputElement>('input[name="services"]')].map((box) => box.value);
    const result = validate(briefKind, values, { serviceSlugs: services });
    return result.ok ? undefined : result.errors;
  }

  /**
   * `/hire?service=SLUG` ticks that service. Service pages link to the prerendered `/hire/SLUG`, which has it
   * ticked without JavaScript; this is for links from elsewhere that use the query.
   */
  protected prefill(form: HTMLFormElement) {
    const wanted = new URLSearchParams(location.search).getAll('service');
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="services"]')) {
      if (wanted.includes(box.value)) box.checked = true;
    }
  }
}

if (!customElements.get('brief-form')) customElements.define('brief-form', BriefFormElement);
