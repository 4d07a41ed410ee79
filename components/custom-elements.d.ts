// The custom elements the components render, typed for JSX. React 19 reads intrinsic elements from React.JSX, so
// that is the namespace to extend; each element's class is the one its browser script defines.
// Each enquiry kind's `<KIND-form>` is defined by lib/browser/enquiry-form-element.ts, for every kind of the registry.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { EnquiryFormElement } from '@/lib/browser/enquiry-form-element';
import type { EnquiryKind } from '@/lib/enquiry-kinds';
import type { CoopConfirmationElement } from './members/coop-confirmation.browser';
import type { MemberFilterElement } from './members/member-filter.browser';

type CustomElementProps<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E>;

declare module 'react' {
  namespace JSX {
    type EnquiryFormElements = { [K in EnquiryKind as `${K}-form`]: CustomElementProps<EnquiryFormElement> };
    interface IntrinsicElements extends EnquiryFormElements {
      'member-filter': CustomElementProps<MemberFilterElement>;
      'coop-confirmation': CustomElementProps<CoopConfirmationElement>;
    }
  }
}
