import { mayPublish, maySubscribe } from './device-topic-acl';

describe('device topic ACL', () => {
  it('lets a device publish its own event and status, nothing else', () => {
    expect(mayPublish('maze-1', 'olympiad/v1/dev/maze-1/event')).toBe(true);
    expect(mayPublish('maze-1', 'olympiad/v1/dev/maze-1/status')).toBe(true);
    expect(mayPublish('maze-1', 'olympiad/v1/dev/maze-2/event')).toBe(false);
    expect(mayPublish('maze-1', 'olympiad/v1/dev/maze-1/cmd')).toBe(false);
    expect(mayPublish('maze-1', 'olympiad/v1/dev/+/event')).toBe(false);
    expect(mayPublish('maze-1', 'olympiad/v1/dev/maze-1/event/x')).toBe(false);
  });

  it('lets a device subscribe to its own commands only', () => {
    expect(maySubscribe('maze-1', 'olympiad/v1/dev/maze-1/cmd')).toBe(true);
    expect(maySubscribe('maze-1', 'olympiad/v1/dev/#')).toBe(false);
    expect(maySubscribe('maze-1', 'olympiad/v1/dev/maze-2/cmd')).toBe(false);
  });
});
