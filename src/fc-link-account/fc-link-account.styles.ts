import { css } from 'lit';

export const fcLinkAccountStyles = css`
  .accounts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  .account {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 12px;
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_surface);
  }
  .account-data {
    flex-basis: 100%;
  }
  .institution {
    font-weight: 600;
  }
  .progress {
    margin: calc(var(--_space) / 2) 0 0;
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  @media (max-width: 360px) {
    .account {
      flex-direction: column;
      align-items: flex-start;
    }
    button {
      width: 100%;
    }
  }
`;
