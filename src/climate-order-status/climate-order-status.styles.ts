import { css } from 'lit';

export const climateOrderStatusStyles = css`
  .status-line {
    margin-bottom: calc(var(--_space) / 2);
  }
  .notice-title {
    font-weight: 600;
  }
  .notice p:last-child {
    margin-bottom: 0;
  }
  .notice.canceled {
    border-left-color: var(--_muted);
  }
  .timeline {
    list-style: none;
    margin: 0 0 calc(var(--_space) / 2);
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 8px 24px;
  }
  .timeline li {
    display: flex;
    flex-direction: column;
    padding-inline-start: 12px;
    border-inline-start: 3px solid var(--_border);
  }
  .timeline li[data-done='true'] {
    border-inline-start-color: var(--_success);
  }
  .step {
    font-weight: 600;
  }
  .deliveries {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .delivery {
    border-top: 1px solid var(--_border);
    padding: 8px 0;
  }
  dialog {
    max-width: min(32rem, calc(100vw - 32px));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_bg);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  @media (max-width: 360px) {
    .timeline {
      flex-direction: column;
    }
    .actions button {
      flex: 1 1 100%;
    }
  }
`;
