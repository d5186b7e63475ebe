import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEED_EVENT_TYPES } from '../../src/shared/events/event-types.js';

// The event-feed guide's table names every type the feed carries, in both languages.
describe('the event feed type catalogue', () => {
  it.each(['en', 'zh'])('is documented in the %s guide', (language) => {
    const guide = readFileSync(`docs/guides/${language}/40-event-feed.md`, 'utf8');
    const missing = FEED_EVENT_TYPES.filter((t) => !guide.includes(`\`${t.type}\``)).map((t) => t.type);
    expect(missing).toEqual([]);
  });

  it('has no duplicate', () => {
    const types = FEED_EVENT_TYPES.map((t) => t.type);
    expect(new Set(types).size).toBe(types.length);
  });
});
