import { randomBytes } from 'node:crypto';

/** An upload waiting for its moderator to choose Replace or Add as new (see curate-add). */
export type PendingUpload = {
  guildId: string;
  attachment: { url: string; name: string; size: number; contentType?: string };
  title?: string;
};

/**
 * Uploads whose file name matched a document of the server, held until the moderator picks a button.
 * Kept in memory for as long as the choice message's interaction token lasts (15 minutes, Discord's
 * limit); a restart forgets them and the buttons then say the choice expired. Bounded, oldest first out.
 */
export class PendingUploads {
  private readonly entries = new Map<string, { upload: PendingUpload; expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 15 * 60_000,
    private readonly capacity = 500,
  ) {}

  /** Keeps the upload and returns the token its buttons carry. */
  put(upload: PendingUpload): string {
    this.evict();
    const token = randomBytes(9).toString('base64url');
    this.entries.set(token, { upload, expiresAt: this.now() + this.ttlMs });
    return token;
  }

  /** The upload for `token`, removed so that a second click cannot add it twice; undefined once expired. */
  take(token: string): PendingUpload | undefined {
    const entry = this.entries.get(token);
    this.entries.delete(token);
    return entry && entry.expiresAt > this.now() ? entry.upload : undefined;
  }

  private evict(): void {
    const now = this.now();
    for (const [token, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(token);
    while (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
