import type { KnownEventType } from '../customers/customer-event';

const CAMEL_BOUNDARY = /([a-z0-9])([A-Z])/g;
const NON_WORD = /[^a-z0-9]+/g;
const EDGE_UNDERSCORES = /^_+|_+$/g;

/** How trackers and exports name the events Shoal's journeys understand. */
const SYNONYMS: Readonly<Record<string, KnownEventType>> = {
  add_to_cart: 'added_to_cart',
  added_to_cart: 'added_to_cart',
  cart_add: 'added_to_cart',
  product_added: 'added_to_cart',
  page_view: 'page_viewed',
  pageview: 'page_viewed',
  view_page: 'page_viewed',
  page_viewed: 'page_viewed',
  product_view: 'product_viewed',
  view_product: 'product_viewed',
  view_item: 'product_viewed',
  product_viewed: 'product_viewed',
  checkout: 'checkout_started',
  begin_checkout: 'checkout_started',
  initiate_checkout: 'checkout_started',
  start_checkout: 'checkout_started',
  checkout_started: 'checkout_started',
  purchase: 'purchased',
  order_completed: 'purchased',
  order_placed: 'purchased',
  completed_order: 'purchased',
  purchased: 'purchased',
  contact_support: 'support_contacted',
  support_ticket: 'support_contacted',
  ticket_created: 'support_contacted',
  support_contacted: 'support_contacted',
  email_open: 'email_opened',
  open: 'email_opened',
  email_opened: 'email_opened',
  email_click: 'email_clicked',
  click: 'email_clicked',
  email_clicked: 'email_clicked',
};

/** `Add to cart`, `addToCart` and `ADD-TO-CART` all become `added_to_cart`; unknown types stay snake_case. */
export const normaliseEventType = (text: string): string | undefined => {
  const snake = text
    .trim()
    .replace(CAMEL_BOUNDARY, '$1_$2')
    .toLowerCase()
    .replace(NON_WORD, '_')
    .replace(EDGE_UNDERSCORES, '');
  if (snake === '') return undefined;
  return SYNONYMS[snake] ?? snake;
};
