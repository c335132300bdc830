import type { FinancialConnectionsSessionResult, Stripe } from '@stripe/stripe-js';
import { el, type DemoContext } from './shell.js';

interface OfferedAccount {
  id: string;
  institution_name: string;
  display_name: string;
  last4: string;
}

type Choice = { accountIds: string[] } | 'fail';

/** Asks the visitor what the simulated bank flow should do; closing the dialog links nothing. */
function askVisitor(accounts: OfferedAccount[]): Promise<Choice> {
  const title = el('h2', { id: 'fc-sim-dialog-title' }, 'Simulated bank window (demo only, not Stripe)');
  const note = el('p', {}, 'Stripe.js would show its own bank flow here. Pick what the simulated bank should do.');
  const boxes = accounts.map((account) => {
    const box = document.createElement('input');
    Object.assign(box, { type: 'checkbox', value: account.id, checked: true });
    return box;
  });
  const list = el(
    'fieldset',
    {},
    el('legend', {}, 'Accounts at the simulated bank'),
    ...accounts.map((account, i) => {
      const label = document.createElement('label');
      label.append(boxes[i]!, ` ${account.institution_name}: ${account.display_name} •••• ${account.last4}`);
      return el('div', {}, label);
    }),
  );
  const linkSelected = el('button', { type: 'button' }, 'Link selected accounts');
  const linkNone = el('button', { type: 'button' }, 'Link none');
  const fail = el('button', { type: 'button' }, 'Fail (simulated error)');
  const close = el('button', { type: 'button' }, 'Close');
  const dialog = el('dialog', {}, title, note, list, el('div', { className: 'demo-toolbar' }, linkSelected, linkNone, fail, close));
  dialog.setAttribute('aria-labelledby', title.id);
  document.body.append(dialog);

  return new Promise<Choice>((resolve) => {
    let choice: Choice = { accountIds: [] };
    const finish = (next: Choice) => {
      choice = next;
      dialog.close();
    };
    linkSelected.addEventListener('click', () => finish({ accountIds: boxes.filter((b) => b.checked).map((b) => b.value) }));
    linkNone.addEventListener('click', () => finish({ accountIds: [] }));
    fail.addEventListener('click', () => finish('fail'));
    close.addEventListener('click', () => finish({ accountIds: [] }));
    // Escape closes the dialog too: like leaving Stripe's flow, nothing is linked.
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(choice);
    });
    dialog.showModal();
  });
}

/**
 * Demo only: a stand-in for a Stripe.js instance, typed as the real `Stripe`, for the offline
 * simulator. Only `collectFinancialConnectionsAccounts` works: it opens a clearly labelled dialog and
 * completes the simulated session on the reference backend, which sends the account webhooks.
 */
export function createSimulatedStripe(context: DemoContext): Stripe {
  const collectFinancialConnectionsAccounts: Stripe['collectFinancialConnectionsAccounts'] = async ({ clientSecret }) => {
    const offered = (await context.control('financial_connections/accounts')) as { data: OfferedAccount[] };
    const choice = await askVisitor(offered.data);
    if (choice === 'fail') {
      return { financialConnectionsSession: undefined, error: { type: 'api_error', message: 'The simulated bank failed, as the visitor asked.' } };
    }
    return (await context.control('financial_connections/sessions/complete', {
      client_secret: clientSecret,
      account_ids: choice.accountIds,
    })) as FinancialConnectionsSessionResult;
  };
  return { collectFinancialConnectionsAccounts } as unknown as Stripe;
}
