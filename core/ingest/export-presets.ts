import { normaliseHeader } from './column-synonyms';
import type { ImportKind } from './import-kind';
import type { DateFormat, OrderRules } from './import-mapping';

/**
 * How a known tool's export is laid out. Presets are data: adding one is adding a row here.
 * `signature` headers must all be present for detection; `columns` use the mapping notation;
 * a header starting with one of `prefixes` is looked up by its remainder (Pinpoint's
 * `User.UserAttributes.FirstName` is a first name, `Attributes.plan` an attribute `plan`).
 */
export interface ExportPreset {
  name: string;
  kind: ImportKind;
  signature: readonly string[];
  columns: Readonly<Record<string, string>>;
  prefixes?: readonly string[];
  dateFormat?: DateFormat;
  rules?: OrderRules;
}

export const EXPORT_PRESETS: readonly ExportPreset[] = [
  {
    name: 'shopify-customers',
    kind: 'customers',
    signature: ['Email', 'Total Spent', 'Total Orders', 'Tags'],
    columns: {
      'Customer ID': 'externalId',
      'Accepts Email Marketing': 'consent',
      'Accepts Marketing': 'consent',
      'Default Address City': 'city',
      'Default Address Province Code': 'region',
      'Default Address Country Code': 'country',
      'Default Address Zip': 'postalCode',
      'Default Address Phone': 'ignore',
      'Default Address Company': 'ignore',
      'Default Address Address1': 'ignore',
      'Default Address Address2': 'ignore',
      Address1: 'ignore',
      Address2: 'ignore',
      Company: 'ignore',
      Province: 'ignore',
      'Province Code': 'region',
      Country: 'ignore',
      'Country Code': 'country',
      'Accepts SMS Marketing': 'ignore',
      'Tax Exempt': 'ignore',
    },
  },
  {
    name: 'shopify-orders',
    kind: 'orders',
    signature: ['Name', 'Email', 'Financial Status', 'Lineitem quantity', 'Lineitem name'],
    columns: {
      Name: 'orderId',
      Email: 'customerEmail',
      'Financial Status': 'status',
      'Created at': 'orderedAt',
      Currency: 'currency',
      Total: 'total',
      'Lineitem quantity': 'quantity',
      'Lineitem price': 'unitPrice',
      'Lineitem sku': 'sku',
      'Lineitem name': 'productName',
      'Cancelled at': 'cancelledAt',
      'Refunded Amount': 'refundedAmount',
      Source: 'channel',
      Id: 'ignore',
      Subtotal: 'ignore',
    },
  },
  {
    name: 'hubspot-contacts',
    kind: 'customers',
    signature: ['Record ID', 'Email', 'Create Date'],
    columns: {
      'Record ID': 'externalId',
      'Phone Number': 'phone',
      'Create Date': 'signupAt',
      'Last Modified Date': 'updatedAt',
      'Country/Region': 'country',
      'State/Region': 'region',
      'Job Title': 'occupation',
    },
  },
  {
    name: 'mailchimp-audience',
    kind: 'customers',
    signature: ['Email Address', 'MEMBER_RATING', 'OPTIN_TIME'],
    columns: {
      'Email Address': 'email',
      OPTIN_TIME: 'signupAt',
      CONFIRM_TIME: 'consentAt',
      LAST_CHANGED: 'updatedAt',
      TIMEZONE: 'timeZone',
      CC: 'country',
      REGION: 'region',
      TAGS: 'tags',
      // Mailchimp birthdays have no year, so they are kept as text rather than misread as dates.
      Birthday: 'attributes.birthday',
      Address: 'ignore',
      OPTIN_IP: 'ignore',
      CONFIRM_IP: 'ignore',
      LATITUDE: 'ignore',
      LONGITUDE: 'ignore',
      GMTOFF: 'ignore',
      DSTOFF: 'ignore',
      LEID: 'ignore',
      EUID: 'ignore',
    },
  },
  {
    name: 'pinpoint-endpoints',
    kind: 'customers',
    signature: ['Address', 'ChannelType'],
    columns: {
      Address: 'address',
      ChannelType: 'ignore',
      Id: 'ignore',
      EndpointStatus: 'ignore',
      RequestId: 'ignore',
      ApplicationId: 'ignore',
      CohortId: 'ignore',
      CreationDate: 'signupAt',
      EffectiveDate: 'updatedAt',
      OptOut: 'optOut',
      'User.UserId': 'externalId',
      'Location.Country': 'country',
      'Location.City': 'city',
      'Location.PostalCode': 'postalCode',
      'Location.Region': 'region',
      'Demographic.Timezone': 'timeZone',
      'Demographic.Locale': 'language',
    },
    prefixes: ['User.UserAttributes.', 'Attributes.', 'Demographic.', 'Location.', 'Metrics.'],
  },
  {
    name: 'woocommerce-orders',
    kind: 'orders',
    signature: ['Order ID', 'Order Status', 'Order Date'],
    columns: {
      'Order ID': 'orderId',
      'Order Number': 'ignore',
      'Order Status': 'status',
      'Order Date': 'orderedAt',
      'Customer Email (Billing)': 'customerEmail',
      'Billing Email': 'customerEmail',
      // WooCommerce gives every guest the user id 0; the billing e-mail identifies them instead.
      'Customer User ID': 'ignore',
      'Order Total Amount': 'total',
      'Order Total': 'total',
      'Order Currency': 'currency',
      Quantity: 'quantity',
      'Item Cost': 'unitPrice',
      SKU: 'sku',
      'Item Name': 'productName',
      'Created Via': 'channel',
    },
  },
  {
    name: 'online-retail',
    kind: 'orders',
    signature: [
      'InvoiceNo',
      'StockCode',
      'Description',
      'Quantity',
      'InvoiceDate',
      'UnitPrice',
      'CustomerID',
      'Country',
    ],
    columns: {
      InvoiceNo: 'orderId',
      StockCode: 'sku',
      Description: 'productName',
      Quantity: 'quantity',
      InvoiceDate: 'orderedAt',
      UnitPrice: 'unitPrice',
      CustomerID: 'customerExternalId',
      Country: 'ignore',
    },
    // The UCI file writes 12/1/2010 for 1 December; its first thousands of rows cannot tell.
    dateFormat: 'mdy',
    rules: { cancellationPrefix: 'C' },
  },
];

/** The preset whose signature headers are all present, preferring the most specific one. */
export const detectPreset = (headers: readonly string[]): ExportPreset | undefined => {
  const present = new Set(headers.map(normaliseHeader));
  let best: ExportPreset | undefined;
  for (const preset of EXPORT_PRESETS) {
    if (!preset.signature.every((header) => present.has(normaliseHeader(header)))) continue;
    if (!best || preset.signature.length > best.signature.length) best = preset;
  }
  return best;
};

export const findPreset = (name: string): ExportPreset | undefined =>
  EXPORT_PRESETS.find((preset) => preset.name === name);
