import pg from 'pg';
import type { Actor } from '../../platform/access/actor.js';
import type { Logger } from '../../platform/logger.js';

/** The channel the triggers of `Migration20261216200000_caller_changes` notify, with a person's or API client's id, or `*`. */
export const CALLER_CHANGED_CHANNEL = 'caller_changed';

export interface CallerCacheSettings {
  /** The longest an entry is used without looking the caller up again. */
  ttlMs: number;
  /** Entries kept at most; beyond, the oldest go first. */
  maxEntries: number;
}

export const DEFAULT_CALLER_CACHE_SETTINGS: CallerCacheSettings = { ttlMs: 30_000, maxEntries: 10_000 };

/** A resolved caller, as it is kept. */
export interface CachedCaller {
  actor: Actor;
  /** The person or API client it is for: what a notification names. */
  ownerId: string;
  /** The Swedish day it was resolved for: roles start and end on days, so an entry never outlives its day. */
  today: string;
  /** Epoch ms after which it is looked up again: the TTL, or earlier the session's or key's own end. */
  expiresAt: number;
  /** An API client's rate limit, counted on every request even when the caller comes from here. */
  rateLimitPerMinute?: number;
}

/**
 * Callers resolved per session token or API key (by their hash), kept in process for a short while so that
 * a request costs no statement to find its caller. An entry is used only on the Swedish day it was made
 * for, until its TTL, and never past the session's or key's end. Every change to what resolving reads
 * notifies `caller_changed` on commit (database triggers), and the listener evicts the entries of that
 * person or client; while the listener is not connected nothing is cached (it might miss a change).
 */
export class CallerCache {
  private readonly entries = new Map<string, CachedCaller>();
  private readonly byOwner = new Map<string, Set<string>>();
  /** Moves on at every eviction: a lookup that started before one must not store what it read. */
  private generation = 0;
  private enabled = false;

  constructor(
    private readonly settings: CallerCacheSettings = DEFAULT_CALLER_CACHE_SETTINGS,
    private readonly now: () => number = Date.now,
  ) {}

  get caching(): boolean {
    return this.enabled;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry for this key on this day, if it still holds. */
  get(key: string, today: string): CachedCaller | null {
    if (!this.enabled) return null;
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.today !== today || entry.expiresAt <= this.now()) {
      this.delete(key);
      return null;
    }
    return entry;
  }

  /** Taken before reading the caller from the database; `set` stores only if nothing was evicted since. */
  stamp(): number {
    return this.generation;
  }

  set(key: string, stamp: number, entry: Omit<CachedCaller, 'expiresAt'> & { expiresAt?: number | null }): void {
    if (!this.enabled || stamp !== this.generation) return;
    const expiresAt = Math.min(this.now() + this.settings.ttlMs, entry.expiresAt ?? Infinity);
    if (expiresAt <= this.now()) return;
    this.delete(key);
    while (this.entries.size >= this.settings.maxEntries) this.delete(this.entries.keys().next().value!);
    this.entries.set(key, { ...entry, expiresAt });
    let keys = this.byOwner.get(entry.ownerId);
    if (!keys) this.byOwner.set(entry.ownerId, (keys = new Set()));
    keys.add(key);
  }

  /** Forgets the callers of a person or API client (`*`: everyone). */
  evict(ownerId: string): void {
    this.generation += 1;
    if (ownerId === '*') {
      this.entries.clear();
      this.byOwner.clear();
      return;
    }
    for (const key of this.byOwner.get(ownerId) ?? []) this.entries.delete(key);
    this.byOwner.delete(ownerId);
  }

  /** Starts caching (the listener is connected), from empty. */
  enable(): void {
    this.evict('*');
    this.enabled = true;
  }

  /** Stops caching and forgets everything (the listener lost its connection, or the app stops). */
  disable(): void {
    this.enabled = false;
    this.evict('*');
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    const keys = this.byOwner.get(entry.ownerId);
    keys?.delete(key);
    if (keys?.size === 0) this.byOwner.delete(entry.ownerId);
  }
}

/**
 * Listens on `caller_changed` on one dedicated connection and evicts what the cache holds for the id each
 * notification names. The cache caches only while the connection is listening: when it drops, the cache is
 * emptied and switched off, and the listener reconnects (1 s, then doubling up to 30 s); once it listens
 * again, the cache starts from empty.
 */
export class CallerChangeListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = 1000;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly cache: CallerCache,
    private readonly connectionString: string,
    private readonly logger: Logger,
  ) {}

  /** Connects and listens; resolves once listening or after the first failure (it keeps retrying). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.cache.disable();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'evikomp caller cache' });
    this.client = client;
    let failed = false;
    const lost = (error?: unknown) => {
      if (failed) return;
      failed = true;
      this.cache.disable();
      if (this.client === client) this.client = null;
      client.end().catch(() => {});
      if (this.stopped) return;
      this.logger.warn({ err: error }, 'caller cache: lost the notification connection; caching is off until it is back');
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.connect();
      }, this.retryMs);
      this.timer.unref();
      this.retryMs = Math.min(this.retryMs * 2, 30_000);
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('connection ended')));
    client.on('notification', (message) => {
      if (message.channel === CALLER_CHANGED_CHANNEL) this.cache.evict(message.payload ?? '*');
    });
    try {
      await client.connect();
      await client.query(`listen ${CALLER_CHANGED_CHANNEL}`);
      if (this.stopped || failed) return;
      this.retryMs = 1000;
      this.cache.enable();
    } catch (error) {
      lost(error);
    }
  }
}
