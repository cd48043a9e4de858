import type { ApiClient } from './api-client';

/** `GET /v1/config`: what money is counted in, so revenue prints in the shop's currency. */
export interface ShopConfig {
  currency: string;
  locale: string;
  timeZone: string;
  local: boolean;
}

export const readShopConfig = ({ api }: { api: ApiClient }): Promise<ShopConfig> =>
  api.request<ShopConfig>({ path: '/v1/config' });
