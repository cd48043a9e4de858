import type { EventTarget, OrderTarget, ProfileTarget } from './column-target';
import type { ImportKind } from './import-kind';

const IGNORED_IN_HEADERS = /[\s_.\-/()#]+/g;

/** `Customer Id`, `customer_id` and `CustomerID` all become `customerid`. */
export const normaliseHeader = (header: string): string =>
  header.toLowerCase().replace(IGNORED_IN_HEADERS, '');

const PROFILE_SYNONYMS: Record<ProfileTarget, readonly string[]> = {
  externalId: [
    'id',
    'customerid',
    'customerno',
    'customernumber',
    'clientid',
    'contactid',
    'recordid',
    'userid',
    'externalid',
    'memberid',
    'uid',
  ],
  email: ['email', 'emailaddress', 'mail', 'emailaddr', 'useremail', 'customeremail'],
  phone: [
    'phone',
    'phonenumber',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'cellphone',
    'tel',
    'telephone',
  ],
  address: [],
  firstName: ['firstname', 'givenname', 'forename', 'fname'],
  lastName: ['lastname', 'surname', 'familyname', 'lname'],
  fullName: ['name', 'fullname', 'customername', 'contactname'],
  birthDate: ['birthdate', 'dateofbirth', 'dob', 'birthday'],
  birthYear: ['yearbirth', 'birthyear', 'yearofbirth'],
  gender: ['gender', 'sex'],
  income: ['income', 'annualincome', 'householdincome', 'salary'],
  education: ['education', 'educationlevel'],
  occupation: ['occupation', 'jobtitle', 'job', 'profession'],
  maritalStatus: ['maritalstatus', 'relationshipstatus'],
  householdSize: ['householdsize', 'hhsize'],
  // Kidhome + Teenhome (the Kaggle CRM export) sum into children; the originals stay attributes.
  children: ['children', 'kids', 'numberofchildren', 'kidhome', 'teenhome'],
  country: ['country', 'countrycode', 'countryregion', 'nation'],
  region: ['region', 'state', 'province', 'stateregion', 'county'],
  city: ['city', 'town'],
  postalCode: ['postalcode', 'zip', 'zipcode', 'postcode'],
  language: ['language', 'locale', 'lang', 'preferredlanguage'],
  timeZone: ['timezone', 'tz'],
  tags: ['tags', 'interests', 'labels'],
  consent: [
    'acceptsmarketing',
    'acceptsemailmarketing',
    'marketingconsent',
    'consent',
    'optin',
    'emailoptin',
    'subscribed',
    'newsletter',
  ],
  optOut: ['optout', 'unsubscribed', 'emailoptout'],
  consentAt: ['consentat', 'consentdate', 'optintime', 'consentupdatedat'],
  signupAt: [
    'dtcustomer',
    'signupdate',
    'signupat',
    'createdat',
    'createdate',
    'datecreated',
    'registrationdate',
    'customersince',
    'joindate',
  ],
  updatedAt: [
    'updatedat',
    'lastmodified',
    'lastmodifieddate',
    'lastchanged',
    'modifiedat',
    'lastupdated',
  ],
};

const ORDER_SYNONYMS: Record<OrderTarget, readonly string[]> = {
  orderId: [
    'orderid',
    'ordernumber',
    'invoiceno',
    'invoice',
    'invoicenumber',
    'invoiceid',
    'orderno',
    'transactionid',
    'order',
  ],
  customerRef: ['customer', 'customerref'],
  customerExternalId: [
    'customerid',
    'clientid',
    'userid',
    'customerno',
    'customernumber',
    'externalid',
    'contactid',
  ],
  customerEmail: ['email', 'customeremail', 'emailaddress', 'billingemail'],
  orderedAt: [
    'orderdate',
    'invoicedate',
    'date',
    'createdat',
    'orderedat',
    'purchasedate',
    'transactiondate',
    'timestamp',
  ],
  total: ['total', 'ordertotal', 'amount', 'totalamount', 'grandtotal', 'revenue'],
  currency: ['currency', 'ordercurrency', 'currencycode'],
  status: ['status', 'orderstatus', 'financialstatus', 'paymentstatus'],
  cancelledAt: ['cancelledat', 'canceledat'],
  refundedAmount: ['refundedamount', 'refundamount', 'refunded'],
  channel: ['channel', 'source', 'saleschannel'],
  quantity: ['quantity', 'qty', 'lineitemquantity'],
  unitPrice: ['unitprice', 'price', 'itemprice', 'lineitemprice', 'itemcost'],
  lineTotal: ['linetotal', 'itemtotal', 'lineitemtotal'],
  sku: ['sku', 'stockcode', 'productid', 'lineitemsku', 'itemsku', 'productcode'],
  productName: ['description', 'productname', 'itemname', 'lineitemname', 'product'],
  category: ['category', 'productcategory', 'productcategories'],
};

const EVENT_SYNONYMS: Record<EventTarget, readonly string[]> = {
  eventId: ['eventid', 'id', 'messageid'],
  eventType: ['event', 'eventtype', 'type', 'eventname', 'action'],
  occurredAt: [
    'timestamp',
    'time',
    'occurredat',
    'eventtime',
    'date',
    'datetime',
    'createdat',
    'at',
  ],
  customerRef: ['customer', 'customerref'],
  customerExternalId: ['customerid', 'userid', 'externalid', 'contactid', 'clientid'],
  customerEmail: ['email', 'customeremail', 'emailaddress'],
};

const invert = <T extends string>(table: Record<T, readonly string[]>): ReadonlyMap<string, T> => {
  const byHeader = new Map<string, T>();
  for (const [field, headers] of Object.entries(table) as [T, readonly string[]][]) {
    for (const header of headers) byHeader.set(header, field);
  }
  return byHeader;
};

/** Normalised header → field, per kind: `Email` is a profile field in one file and a customer reference in another. */
export const SYNONYMS: Record<
  ImportKind,
  ReadonlyMap<string, ProfileTarget | OrderTarget | EventTarget>
> = {
  customers: invert(PROFILE_SYNONYMS),
  orders: invert(ORDER_SYNONYMS),
  events: invert(EVENT_SYNONYMS),
};
