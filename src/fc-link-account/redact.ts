/**
 * Removes client secrets from a message before it can reach the screen or an event: Stripe.js
 * errors may quote the value they rejected.
 */
export function redactSecrets(message: string, secret: string): string {
  const withoutSecret = secret ? message.split(secret).join('[redacted]') : message;
  return withoutSecret.replace(/\b[A-Za-z0-9]+_[A-Za-z0-9_]*_secret_[A-Za-z0-9_]+/g, '[redacted]');
}
