// `<brief-form>` in the browser (bundled by scripts/build-browser.mjs): the brief form's description and schema on
// the shared enquiry form element.
import { EnquiryFormElement } from '@/lib/browser/enquiry-form-element';
import { briefKind } from '@/lib/enquiry-kinds/brief';
import { formOf, validate } from '@/lib/enquiry-kinds/kind';

export class BriefFormElement extends EnquiryFormElement {
  protected readonly description = formOf(briefKind);

  /**
   * The services are the boxes the page rendered from the content, the co-ops the options of its co-op list: the
   * same lists the server checks against.
   */
  protected check(values: Record<string, unknown>, form: HTMLFormElement) {
    const services = [...form.querySelectorAll<HTMLInputElement>('input[name="services"]')].map((box) => box.value);
    const result = validate(briefKind, values, { serviceSlugs: services, coopSlugs: this.coopSlugs(form) });
    return result.ok ? undefined : result.errors;
  }

  /** The co-ops the form offers, without the empty "Choose…" option. */
  private coopSlugs(form: HTMLFormElement): string[] {
    const options = form.querySelectorAll<HTMLOptionElement>('select[name="coop"] option');
    return [...options].map((option) => option.value).filter((value) => value !== '');
  }

  /**
   * `/hire?service=SLUG` ticks that service. Service pages link to the prerendered `/hire/SLUG`, which has it
   * ticked without JavaScript; this is for links from elsewhere that use the query. `/hire?coop=SLUG` (a co-op
   * page's "Send X a brief") chooses that co-op, when the form offers it; without JavaScript the visitor chooses.
   */
  protected prefill(form: HTMLFormElement) {
    const query = new URLSearchParams(location.search);
    const wanted = query.getAll('service');
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="services"]')) {
      if (wanted.includes(box.value)) box.checked = true;
    }
    const coop = query.get('coop');
    const select = form.querySelector<HTMLSelectElement>('select[name="coop"]');
    if (coop && select && this.coopSlugs(form).includes(coop)) select.value = coop;
  }
}

if (!customElements.get('brief-form')) customElements.define('brief-form', BriefFormElement);
