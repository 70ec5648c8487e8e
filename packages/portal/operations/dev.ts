// Dev only (`vite` in this folder): the shell from source with this microfrontend hot-reloaded, the others from the API.
import { startDevHost } from '@evikomp/portal-shell/dev-host';

void startDevHost('operations', () => import('./mount.js'));
