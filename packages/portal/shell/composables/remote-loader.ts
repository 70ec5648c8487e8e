import { loadRemote, registerRemotes } from '@module-federation/runtime';
import type { RemoteModule } from '@evikomp/portal-shared';

/** `/portal-manifest.json`: where each microfrontend's remote entry is; the API serves it and configuration can change it. */
export interface PortalManifest {
  remotes: Record<string, string>;
}

export type RemoteState = 'idle' | 'loading' | 'loaded' | 'failed';

export interface RemoteLoader {
  state(name: string): RemoteState;
  /** Loads a microfrontend's `mount` once; null when it could not be loaded (its area then says so). */
  load(name: string): Promise<RemoteModule | null>;
}

/** Fetches the manifest and registers the remotes; nothing of a microfrontend is fetched until `load` is called. */
export async function createRemoteLoader(options: {
  manifestUrl?: string;
  /** Microfrontends imported from source instead (the dev host). */
  local?: Partial<Record<string, () => Promise<RemoteModule>>>;
  onFailure?: (name: string, error: unknown) => void;
}): Promise<RemoteLoader> {
  let manifest: PortalManifest = { remotes: {} };
  try {
    const response = await fetch(options.manifestUrl ?? '/portal-manifest.json', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`manifest: HTTP ${response.status}`);
    manifest = (await response.json()) as PortalManifest;
  } catch (error) {
    options.onFailure?.('manifest', error);
  }
  const remotes = Object.entries(manifest.remotes)
    .filter(([name]) => !options.local?.[name])
    .map(([name, entry]) => ({ name, entry: new URL(entry, location.href).href, type: 'module' as const }));
  if (remotes.length > 0) registerRemotes(remotes, { force: true });

  const states = new Map<string, RemoteState>();
  const loads = new Map<string, Promise<RemoteModule | null>>();
  return {
    state: (name) => states.get(name) ?? 'idle',
    load(name) {
      const existing = loads.get(name);
      if (existing) return existing;
      states.set(name, 'loading');
      const local = options.local?.[name];
      const promise = (async () => {
        try {
          if (!local && !manifest.remotes[name]) throw new Error(`no remote "${name}" in the manifest`);
          const module = local ? await local() : await loadRemote<RemoteModule>(`${name}/mount`);
          if (!module || !Array.isArray(module.routes)) throw new Error(`remote "${name}" exposes no routes`);
          states.set(name, 'loaded');
          return module;
        } catch (error) {
          states.set(name, 'failed');
          options.onFailure?.(name, error);
          return null;
        }
      })();
      loads.set(name, promise);
      return promise;
    },
  };
}
