// Bundled into dist/server/* in place of `import Stripe from 'stripe'` (see scripts/build.mjs):
// `stripe` is an optional peer dependency, needed only by the server entries, so say so when it is missing.
let sdk;
try {
  sdk = await import('stripe');
} catch (cause) {
  if (cause?.code !== 'ERR_MODULE_NOT_FOUND' || !String(cause.message).includes("'stripe'")) throw cause;
  throw new Error('stripe-widget-kit/server needs the `stripe` package (an optional peer dependency): run `npm install stripe`.', { cause });
}
export default sdk.default;
