// The custom elements the components render, typed for JSX. React 19 reads intrinsic elements from React.JSX, so
// that is the namespace to extend; each element's class is the one its browser script defines.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { BriefFormElement } from './brief-form.browser';
import type { JoinFormElement } from './join-form.browser';
import type { MemberFilterElement } from './members/member-filter.browser';

type CustomElementProps<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'brief-form': CustomElementProps<BriefFormElement>;
      'join-form': CustomElementProps<JoinFormElement>;
      'member-filter': CustomElementProps<MemberFilterElement>;
    }
  }
}
