// Reading the quantity typed and estimating the order: loaded on the form's first use (a chunk of its
// own in npm builds, a file beside the script-tag file), importing nothing at run time.
export { estimateOrder } from './estimate.js';
export { readQuantity } from './quantity.js';
