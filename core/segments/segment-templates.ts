import type { SegmentDefinition } from './segment-rule';

/**
 * Ready-made segments a shop can switch on. Thresholds on the Customer Personality Analysis
 * attributes (MntWines, NumDealsPurchases…) sit near that dataset's upper quartile; amounts are in
 * the shop's currency. Templates are plain data: copy one and change it to make your own.
 */
export const segmentTemplates: readonly SegmentDefinition[] = [
  {
    id: 'young-affluent',
    name: 'Young and affluent',
    category: 'demographic',
    description: 'Aged 18–34 with a household income of 75k or more.',
    rule: {
      type: 'and',
      children: [
        { type: 'compare', field: 'features.ageBand', op: 'in', value: ['18-24', '25-34'] },
        { type: 'compare', field: 'features.incomeBand', op: 'in', value: ['75k-100k', '100k+'] },
      ],
    },
  },
  {
    id: 'mid-life-middle-income',
    name: 'Mid-life, middle income',
    category: 'demographic',
    rule: {
      type: 'and',
      children: [
        { type: 'compare', field: 'features.ageBand', op: 'in', value: ['35-44', '45-54'] },
        { type: 'compare', field: 'features.incomeBand', op: 'in', value: ['25k-50k', '50k-75k'] },
      ],
    },
  },
  {
    id: 'seniors',
    name: 'Seniors',
    category: 'demographic',
    rule: { type: 'compare', field: 'features.ageBand', op: 'eq', value: '65+' },
  },
  {
    id: 'families-with-children',
    name: 'Families with children',
    category: 'demographic',
    rule: { type: 'compare', field: 'features.children', op: 'gte', value: 1 },
  },
  {
    id: 'cold-climate',
    name: 'Cold climate',
    category: 'geographic',
    description: 'Lives where winters are snowy or colder: winter coats, heating, comfort food.',
    rule: { type: 'compare', field: 'features.climateZone', op: 'in', value: ['cold', 'polar'] },
  },
  {
    id: 'in-winter-now',
    name: 'In winter now',
    category: 'geographic',
    description: "It is winter at the customer's place on the run date, whichever hemisphere.",
    rule: { type: 'compare', field: 'features.season', op: 'eq', value: 'winter' },
  },
  {
    id: 'southern-hemisphere',
    name: 'Southern hemisphere',
    category: 'geographic',
    rule: { type: 'compare', field: 'features.hemisphere', op: 'eq', value: 'southern' },
  },
  {
    id: 'wine-lovers',
    name: 'Wine lovers',
    category: 'psychographic',
    rule: {
      type: 'or',
      children: [
        { type: 'compare', field: 'attributes.MntWines', op: 'gte', value: 500 },
        { type: 'compare', field: 'features.categoryCounts', op: 'contains', value: 'wine' },
        { type: 'compare', field: 'features.tags', op: 'contains', value: 'wine' },
      ],
    },
  },
  {
    id: 'gourmet-meat',
    name: 'Meat and fish gourmets',
    category: 'psychographic',
    rule: {
      type: 'or',
      children: [
        { type: 'compare', field: 'attributes.MntMeatProducts', op: 'gte', value: 230 },
        { type: 'compare', field: 'attributes.MntFishProducts', op: 'gte', value: 50 },
      ],
    },
  },
  {
    id: 'campaign-responders',
    name: 'Campaign responders',
    category: 'psychographic',
    description: 'Accepted an earlier offer or clicked a Shoal e-mail in the last 90 days.',
    rule: {
      type: 'or',
      children: [
        { type: 'compare', field: 'attributes.Response', op: 'eq', value: 1 },
        { type: 'event', eventType: 'email_clicked', withinDays: 90, min: 1 },
      ],
    },
  },
  {
    id: 'deal-seekers',
    name: 'Deal seekers',
    category: 'behavioural',
    rule: { type: 'compare', field: 'attributes.NumDealsPurchases', op: 'gte', value: 5 },
  },
  {
    id: 'high-basket',
    name: 'High average order value',
    category: 'behavioural',
    rule: { type: 'compare', field: 'features.averageOrderValue', op: 'gte', value: 100 },
  },
  {
    id: 'web-first',
    name: 'Web-first shoppers',
    category: 'behavioural',
    rule: { type: 'compare', field: 'features.preferredChannel', op: 'eq', value: 'web' },
  },
  {
    id: 'store-first',
    name: 'Store-first shoppers',
    category: 'behavioural',
    rule: { type: 'compare', field: 'features.preferredChannel', op: 'eq', value: 'store' },
  },
  {
    id: 'catalog-first',
    name: 'Catalog-first shoppers',
    category: 'behavioural',
    rule: { type: 'compare', field: 'features.preferredChannel', op: 'eq', value: 'catalog' },
  },
  {
    id: 'visited-without-buying',
    name: 'Visited without buying',
    category: 'journey',
    rule: {
      type: 'and',
      children: [
        { type: 'compare', field: 'features.frequency', op: 'eq', value: 0 },
        {
          type: 'or',
          children: [
            { type: 'event', eventType: 'page_viewed', withinDays: 30, min: 1 },
            { type: 'event', eventType: 'product_viewed', withinDays: 30, min: 1 },
          ],
        },
      ],
    },
  },
  {
    id: 'bought-once',
    name: 'Bought once, not again',
    category: 'journey',
    rule: {
      type: 'and',
      children: [
        { type: 'compare', field: 'features.frequency', op: 'eq', value: 1 },
        { type: 'compare', field: 'features.recencyDays', op: 'gt', value: 30 },
      ],
    },
  },
  {
    id: 'contacted-support',
    name: 'Contacted support',
    category: 'journey',
    rule: {
      type: 'or',
      children: [
        { type: 'event', eventType: 'support_contacted', withinDays: 90, min: 1 },
        { type: 'compare', field: 'attributes.Complain', op: 'eq', value: 1 },
      ],
    },
  },
  {
    id: 'recent-cart-no-purchase',
    name: 'Carted this week, no purchase',
    category: 'journey',
    rule: {
      type: 'and',
      children: [
        { type: 'event', eventType: 'added_to_cart', withinDays: 7, min: 1 },
        { type: 'not', child: { type: 'event', eventType: 'purchased', withinDays: 7, min: 1 } },
        {
          type: 'not',
          child: { type: 'compare', field: 'features.ordersLast30Days', op: 'gt', value: 0 },
        },
      ],
    },
  },
];
