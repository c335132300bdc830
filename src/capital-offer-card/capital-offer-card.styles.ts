import { css } from 'lit';

export const capitalOfferCardStyles = css`
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: calc(var(--_space) / 2);
  }
  .head h2 {
    margin: 0;
  }
  .amount {
    font-size: var(--swk-capital-amount-size, 2em);
    font-weight: 700;
    line-height: 1.2;
    margin: 0 0 calc(var(--_space) / 2);
  }
  .history ol {
    margin: 8px 0 0;
    padding-inline-start: 1.25em;
  }
  .history li {
    margin-bottom: 4px;
  }
  summary {
    cursor: pointer;
    min-height: 44px;
    display: flex;
    align-items: center;
  }
`;
