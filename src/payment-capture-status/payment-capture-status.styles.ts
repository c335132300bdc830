import { css } from 'lit';

export const styles = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-bottom: calc(var(--_space) / 2);
  }
  dd[part='amount'] {
    font-weight: 600;
  }
  [part='overdue'] p {
    margin: 0;
  }
  [part='overdue'] button {
    margin-top: 8px;
  }
`;
