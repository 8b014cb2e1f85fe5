import type { ViewState } from "./view-state.js";

type Listener = (next: ViewState, previous: ViewState) => void;

/** The one place the view state changes; views subscribe and re-render what they show. */
export class ViewStore {
  private listeners: Listener[] = [];

  constructor(private state: ViewState) {}

  get(): ViewState {
    return this.state;
  }

  update(patch: Partial<ViewState>): void {
    const previous = this.state;
    this.state = { ...previous, ...patch };
    for (const l of this.listeners) l(this.state, previous);
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }
}
