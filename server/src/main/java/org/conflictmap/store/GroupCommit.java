package org.conflictmap.store;

/**
 * Tickets for commits and the one sync that covers many of them. A writer takes a ticket after its
 * commit returns; a sync started afterwards makes that commit durable. Whoever waits while no sync
 * runs becomes the leader and syncs everything committed so far; the others wait for it.
 */
final class GroupCommit {
  private long committed;
  private long synced;
  private boolean syncing;
  private long syncs;

  /** A ticket for a commit that has just returned. */
  synchronized long committed() {
    return ++committed;
  }

  /** How many syncs ran: fewer than tickets when writers shared them. */
  synchronized long syncs() {
    return syncs;
  }

  /** Returns once a sync that began after {@code ticket} was issued has finished. */
  void awaitSynced(long ticket, Runnable sync) {
    while (true) {
      long target;
      synchronized (this) {
        while (syncing && synced < ticket) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the disk", e);
          }
        }
        if (synced >= ticket) {
          return;
        }
        syncing = true;
        target = committed;
      }
      boolean ok = false;
      try {
        sync.run();
        ok = true;
      } finally {
        synchronized (this) {
          syncing = false;
          if (ok) {
            synced = Math.max(synced, target);
            syncs++;
          }
          notifyAll();
        }
      }
    }
  }
}
