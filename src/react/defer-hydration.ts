import * as React from 'react';

/**
 * The wrapper, rendering its tag with Lit's `defer-hydration` attribute (on the server and on first
 * render). @lit/react removes it in a layout effect right after it has set every property, so the
 * element starts only then: no request without the `fetcher`, and no configuration error for an
 * `endpoint` that hydration is about to set.
 */
export function deferHydration<C extends { displayName?: string | undefined }>(component: C): C {
  const render = (props: object, ref: React.ForwardedRef<unknown>) => React.createElement(component as unknown as React.ElementType, { ...props, ref, 'defer-hydration': '' });
  const wrapper = React.forwardRef(render);
  wrapper.displayName = component.displayName ?? 'StripeWidgetKitElement';
  return wrapper as unknown as C;
}
