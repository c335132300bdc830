import { css } from 'lit';

export const sptTokenStatusStyles = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: 8px;
  }
  .header h2 {
    margin: 0;
  }
  .countdown {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  code {
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
`;
