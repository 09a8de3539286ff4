// First on purpose: configures zod before any contract schema is touched.
import '../zod-setup';
import { getApi } from '../bridge';
import { createServices, type Services } from './services';

/** Boot stage 1: the connection to main and one store per feature (no React, no antd yet). */
export function bootServices(): Services {
  return createServices(getApi());
}
