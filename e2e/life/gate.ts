/**
 * Who may use a browser on the site, and when. A person in a browser does a few things at a time on a small machine
 * (`capacity`), and none while the operator restarts the site: a page half-loaded when the server stops is a
 * person's reload, not something the run could count on, and a form posted then may or may not have been taken.
 * The restart waits for every browser interaction in progress and holds new ones back until the site answers again;
 * the HTTP actors, the load, carry on through it.
 */
export class BrowserGate {
  private inside = 0;
  private closed: Promise<void> | undefined;
  private changed: (() => void)[] = [];
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  private notify() {
    const waiting = this.changed;
    this.changed = [];
    for (const wake of waiting) wake();
  }

  private changes(): Promise<void> {
    return new Promise((resolve) => this.changed.push(resolve));
  }

  /** Runs one browser interaction when the site is whole and a browser is free. */
  async enter<T>(interaction: () => Promise<T>): Promise<T> {
    while (this.closed || this.inside >= this.capacity) await (this.closed ?? this.changes());
    this.inside += 1;
    try {
      return await interaction();
    } finally {
      this.inside -= 1;
      this.notify();
    }
  }

  /** Runs `work` with no browser interaction in progress, holding new ones back until it ends. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    let open = () => {};
    this.closed = new Promise((resolve) => (open = resolve));
    try {
      while (this.inside > 0) await this.changes();
      return await work();
    } finally {
      this.closed = undefined;
      open();
      this.notify();
    }
  }
}
