import { css } from 'lit';

export const climateOrderFormStyles = css`
  fieldset {
    border: 0;
    margin: 0 0 8px;
    padding: 0;
    min-width: 0;
  }
  legend,
  .field > label {
    font-weight: 600;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .product {
    display: flex;
    align-items: flex-start;
    gap: 12px;
    margin-top: 8px;
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .product input {
    margin-top: 0.3em;
  }
  .product-name {
    font-weight: 600;
    margin-inline-end: 8px;
  }
  .modes label {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    min-height: 44px;
    margin-inline-end: 16px;
  }
  .field {
    margin-bottom: 8px;
  }
  input[type='text'] {
    display: block;
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    min-height: 44px;
    padding: 6px 10px;
    width: 100%;
    max-width: 24em;
  }
  input:focus-visible,
  h2:focus-visible,
  h3:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint,
  .field-error {
    margin: 4px 0 0;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }
  .estimate {
    border-top: 1px solid var(--_border);
    padding-top: 8px;
  }
  .total {
    font-weight: 700;
  }
`;
