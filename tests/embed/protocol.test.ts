import { describe, expect, it } from 'vitest';
import { hostMessage, isChannelId, parseOrigins, readEmbedOptions, readHostCommand, widgetMessage, MAX_DOCKERFILE_BYTES } from '../../src/embed/protocol.ts';

const CHANNEL = 'abc123def456';

describe('readHostCommand', () => {
  it('accepts every command of this version on this channel', () => {
    expect(readHostCommand(hostMessage(CHANNEL, 'reset', {}), CHANNEL).ok).toBe(true);
    expect(readHostCommand(hostMessage(CHANNEL, 'check', {}), CHANNEL).ok).toBe(true);
    const set = readHostCommand(hostMessage(CHANNEL, 'setDockerfile', { dockerfile: 'FROM node:22\n' }), CHANNEL);
    expect(set).toEqual({ ok: true, message: hostMessage(CHANNEL, 'setDockerfile', { dockerfile: 'FROM node:22\n' }) });
    expect(readHostCommand(hostMessage(CHANNEL, 'setTheme', { theme: 'dark' }), CHANNEL).ok).toBe(true);
  });

  it('drops extra payload fields instead of passing them on', () => {
    const result = readHostCommand({ ...hostMessage(CHANNEL, 'reset', {}), payload: { evil: '<script>' } }, CHANNEL);
    expect(result.ok && result.message.payload).toEqual({});
  });

  it.each([
    [null, 'not an object'],
    ['reset', 'not an object'],
    [[1], 'not an object'],
    [{ ...hostMessage(CHANNEL, 'reset', {}), protocol: 'other' }, 'protocol'],
    [{ ...hostMessage(CHANNEL, 'reset', {}), version: 2 }, 'unsupported version 2'],
    [hostMessage('otherchannel1', 'reset', {}), 'another channel'],
    [{ ...hostMessage(CHANNEL, 'reset', {}), type: 7 }, 'type is not a string'],
    [{ ...hostMessage(CHANNEL, 'reset', {}), payload: 'x' }, 'payload is not an object'],
    [{ ...hostMessage(CHANNEL, 'reset', {}), type: 'format' }, 'unknown command "format"'],
    [{ ...hostMessage(CHANNEL, 'setDockerfile', { dockerfile: 'x' }), payload: { dockerfile: 3 } }, 'must be a string'],
    [hostMessage(CHANNEL, 'setDockerfile', { dockerfile: 'x'.repeat(MAX_DOCKERFILE_BYTES + 1) }), 'larger than'],
    [{ ...hostMessage(CHANNEL, 'setTheme', { theme: 'dark' }), payload: { theme: 'neon' } }, 'must be one of light, dark, auto'],
  ])('refuses %j with a reason', (data, reason) => {
    const result = readHostCommand(data, CHANNEL);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});

describe('widgetMessage', () => {
  it('wraps an event in the versioned envelope', () => {
    expect(widgetMessage(CHANNEL, 'resize', { height: 640 })).toEqual({ protocol: 'layerwise-embed', version: 1, channel: CHANNEL, type: 'resize', payload: { height: 640 } });
  });
});

describe('parseOrigins', () => {
  it('keeps bare origins and reports the rest', () => {
    const { origins, errors } = parseOrigins('https://blog.example, http://localhost:8080 https://docs.example/ https://x.example/path ftp://f.example nope');
    expect(origins).toEqual(['https://blog.example', 'http://localhost:8080', 'https://docs.example']);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain('https://x.example/path');
  });
});

describe('readEmbedOptions', () => {
  it('reads every option of the embed URL', () => {
    const options = readEmbedOptions(new URLSearchParams('channel=abcdef123456&theme=dark&panels=objectives,results&readonly=true&hide-solution=1&origins=https://blog.example'));
    expect(options).toEqual({ channel: 'abcdef123456', theme: 'dark', panels: ['objectives', 'results'], readOnly: true, hideSolution: true, origins: ['https://blog.example'], errors: [] });
  });

  it('falls back to safe defaults and says why', () => {
    const options = readEmbedOptions(new URLSearchParams('channel=<x>&theme=neon&panels=objectives,console&readonly=false'));
    expect(options.channel).toBeNull();
    expect(options.theme).toBe('auto');
    expect(options.panels).toEqual(['objectives']);
    expect(options.readOnly).toBe(false);
    expect(options.origins).toEqual([]);
    expect(options.errors).toEqual(['channel must be 8 to 64 letters or digits', 'theme must be one of light, dark, auto', 'unknown panels: console (known: objectives, results, context, hints)']);
  });

  it('shows every panel by default', () => {
    expect(readEmbedOptions(new URLSearchParams('')).panels).toEqual(['objectives', 'results', 'context', 'hints']);
  });
});

describe('isChannelId', () => {
  it('allows only 8 to 64 letters and digits', () => {
    expect(isChannelId('a1b2c3d4')).toBe(true);
    expect(isChannelId('short')).toBe(false);
    expect(isChannelId('a1b2c3d4"><script>')).toBe(false);
  });
});
